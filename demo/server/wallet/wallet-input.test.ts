import { describe, expect, it } from 'vitest';
import { InputProblem, readAuthorization, readTransaction, readTypedData } from './wallet-input.js';

const TX = { chainId: 1, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '1', nonce: 0, gas: '21000', maxFeePerGas: '2', maxPriorityFeePerGas: '1' };
const problem = (run: () => unknown) => expect(run).toThrow(InputProblem);

describe('readTransaction', () => {
  it('takes a well-formed EIP-1559 transaction, data included', () => {
    expect(readTransaction({ transaction: { ...TX, data: '0xa9059cbb' } })).toEqual({ ...TX, data: '0xa9059cbb' });
  });
  it.each([
    ['a number value (bigints travel as decimal strings)', { value: 1 }],
    ['a hex value', { value: '0x1' }],
    ['a value past uint256', { value: (1n << 256n).toString() }],
    ['a bad checksum', { to: '0x70997970C51812dc3A010C7d01b50e0d17dc79c8' }],
    ['odd-length data', { data: '0xabc' }],
    ['chain id 0', { chainId: 0 }],
    ['a priority fee above the cap', { maxPriorityFeePerGas: '3' }],
    ['an unknown field', { type: 'legacy' }],
  ])('refuses %s', (_name, change) => problem(() => readTransaction({ transaction: { ...TX, ...change } })));
  it('refuses a missing field and an extra top-level key', () => {
    const { gas: _gas, ...noGas } = TX;
    problem(() => readTransaction({ transaction: noGas }));
    problem(() => readTransaction({ transaction: TX, extra: 1 }));
  });
});

describe('readAuthorization', () => {
  it('accepts chain id 0 (every chain)', () => {
    expect(readAuthorization({ authorization: { chainId: 0, contractAddress: TX.to, nonce: 1 } }).chainId).toBe(0);
  });
  it('refuses a fractional nonce', () => problem(() => readAuthorization({ authorization: { chainId: 1, contractAddress: TX.to, nonce: 1.5 } })));
});

describe('readTypedData', () => {
  const typedData = {
    domain: { name: 'Mail', chainId: 1 },
    types: {
      Person: [{ name: 'name', type: 'string' }],
      Mail: [
        { name: 'from', type: 'Person' },
        { name: 'tags', type: 'string[]' },
      ],
    },
    primaryType: 'Mail',
    message: { from: { name: 'Cow' }, tags: ['a'] },
  };
  it('takes nested structs and arrays', () => expect(readTypedData({ typedData })).toBe(typedData));
  it('refuses a message field its type does not declare (it would be shown but not signed)', () =>
    problem(() => readTypedData({ typedData: { ...typedData, message: { ...typedData.message, hidden: 1 } } })));
  it('refuses a nested struct missing a field', () =>
    problem(() => readTypedData({ typedData: { ...typedData, message: { ...typedData.message, from: {} } } })));
  it('refuses a primaryType that is not in types, and EIP712Domain as primaryType', () => {
    problem(() => readTypedData({ typedData: { ...typedData, primaryType: 'Nope' } }));
    problem(() => readTypedData({ typedData: { ...typedData, primaryType: 'EIP712Domain' } }));
  });
  it('refuses a value that does not encode (a string in a uint8)', () =>
    problem(() => readTypedData({ typedData: { domain: {}, types: { T: [{ name: 'n', type: 'uint8' }] }, primaryType: 'T', message: { n: '300' } } })));
  it('refuses an unsafe number (digits already lost)', () =>
    problem(() => readTypedData({ typedData: { domain: {}, types: { T: [{ name: 'n', type: 'uint256' }] }, primaryType: 'T', message: { n: 2 ** 60 } } })));
});
