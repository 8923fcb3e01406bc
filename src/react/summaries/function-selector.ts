/**
 * The few ABI selectors (keccak256 of the signature, first 4 bytes) a user must recognise
 * because they hand over funds: approvals are how most wallet drainers work.
 */
const KNOWN_SELECTORS: Record<string, string> = {
  '0xa9059cbb': 'transfer(address,uint256)',
  '0x23b872dd': 'transferFrom(address,address,uint256)',
  '0x095ea7b3': 'approve(address,uint256)',
  '0x39509351': 'increaseAllowance(address,uint256)',
  '0xa22cb465': 'setApprovalForAll(address,bool)',
};

export const functionName = (selector: string): string | undefined => KNOWN_SELECTORS[selector];
