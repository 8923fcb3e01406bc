import { describe, expect, it } from 'vitest';
import { encodeCbor } from './cbor.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('encodeCbor (RFC 8949 Appendix A vectors)', () => {
  it.each([
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [100, '1864'],
    [1000, '1903e8'],
    [1000000, '1a000f4240'],
    [-1, '20'],
    [-100, '3863'],
    ['a', '6161'],
    ['IETF', '6449455446'],
    [new Uint8Array([1, 2, 3, 4]), '4401020304'],
    [
      new Map([
        [1, 2],
        [3, 4],
      ]),
      'a201020304',
    ],
    [new Map([['a', 1]]), 'a1616101'],
  ])('%o → %s', (value, expected) => {
    expect(hex(encodeCbor(value as never))).toBe(expected);
  });
});
