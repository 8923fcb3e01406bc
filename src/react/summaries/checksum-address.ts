import { keccak256 } from './keccak-256.js';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export const isAddress = (value: unknown): value is string => typeof value === 'string' && ADDRESS.test(value);

/**
 * EIP-55 mixed-case checksum: each hex letter is upper-cased when the matching nibble of
 * keccak256(lower-case hex, as ASCII) is 8 or more. Showing this form lets a user compare
 * it with what their other tools show, and a mistyped address fails the comparison.
 */
export function toChecksumAddress(address: string): string {
  const hex = address.slice(2).toLowerCase();
  const hash = keccak256(new TextEncoder().encode(hex));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? hex[i]!.toUpperCase() : hex[i]!;
  }
  return out;
}

/** `0x1234…abcd`: enough to recognise, with the full address a click away. */
export const shortenAddress = (checksummed: string) => `${checksummed.slice(0, 6)}…${checksummed.slice(-4)}`;
