/** What the demo signs: a payment, an EIP-712 mail (a nested struct) and an EIP-7702 delegation. */
import type { WalletAuthorization, WalletTransaction, WalletTypedData } from '../shared/wallet-wire.js';

export const SAMPLE_TRANSACTION: WalletTransaction = {
  chainId: 8453,
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  value: '10000000000000000',
  nonce: 0,
  gas: '21000',
  maxFeePerGas: '2000000000',
  maxPriorityFeePerGas: '1000000',
};

export const SAMPLE_TYPED_DATA: WalletTypedData = {
  domain: { name: 'Ether Mail', version: '1', chainId: 1, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
  types: {
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
};

/** A delegation to a smart-account contract, on one chain (chain id 0 would mean every chain). */
export const sampleAuthorization = (allChains: boolean): WalletAuthorization => ({
  chainId: allChains ? 0 : 1,
  contractAddress: '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B',
  nonce: 0,
});
