import { keccak256 as viemKeccak } from 'viem';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from './checksum-address.js';
import { keccak256 } from './keccak-256.js';

const hex = (bytes: Uint8Array) => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('keccak256', () => {
  it('matches the published Keccak-256 vectors', () => {
    expect(hex(keccak256(utf8('')))).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(hex(keccak256(utf8('abc')))).toBe('0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
    // Ethereum's transfer(address,uint256) selector is the first 4 bytes of this digest.
    expect(hex(keccak256(utf8('transfer(address,uint256)'))).slice(0, 10)).toBe('0xa9059cbb');
  });

  it('agrees with viem around the 136-byte block boundary and past it', () => {
    for (const length of [1, 55, 135, 136, 137, 271, 272, 500]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(hex(keccak256(bytes)), `length ${length}`).toBe(viemKeccak(bytes));
    }
  });
});

describe('toChecksumAddress (EIP-55)', () => {
  it.each([
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ])('%s', (address) => {
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    expect(toChecksumAddress(address.toUpperCase().replace('0X', '0x'))).toBe(address);
  });
});

describe('the selectors the summary names', () => {
  it('are the keccak-256 of their signatures', async () => {
    const { functionName } = await import('./function-selector.js');
    for (const selector of ['0xa9059cbb', '0x23b872dd', '0x095ea7b3', '0x39509351', '0xa22cb465']) {
      const signature = functionName(selector)!;
      expect(hex(keccak256(utf8(signature))).slice(0, 10), signature).toBe(selector);
    }
  });
});
