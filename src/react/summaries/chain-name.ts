/**
 * Names of the chains a wallet user is most likely to meet (ids from the chainlist registry,
 * EIP-155). Anything else is shown by its number: a wrong name would be worse than none.
 */
const CHAIN_NAMES: Record<number, string> = {
  1: 'Ethereum',
  10: 'OP Mainnet',
  56: 'BNB Smart Chain',
  100: 'Gnosis',
  137: 'Polygon',
  324: 'zkSync Era',
  8453: 'Base',
  17000: 'Holesky',
  42161: 'Arbitrum One',
  43114: 'Avalanche C-Chain',
  59144: 'Linea',
  84532: 'Base Sepolia',
  534352: 'Scroll',
  11155111: 'Sepolia',
};

export const chainName = (chainId: number): string | undefined => CHAIN_NAMES[chainId];
