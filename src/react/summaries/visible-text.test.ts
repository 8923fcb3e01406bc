import { describe, expect, it } from 'vitest';
import { formatUnits, toBigInt } from './format-units.js';
import { hasHiddenCharacters, visibleParts } from './visible-text.js';

describe('visibleParts', () => {
  it('names a right-to-left override instead of letting it reorder the text', () => {
    // "pay alice" + RLO + "0001" reads as "1000" once rendered; shown as a code it can't.
    expect(visibleParts('pay alice \u202e0001')).toEqual([{ text: 'pay alice ' }, { hidden: 'U+202E' }, { text: '0001' }]);
  });
  it('shows isolates, zero-width joiners, the BOM, NUL and C1 controls', () => {
    const parts = visibleParts('\u2066a\u200db\ufeff\u0000\u0085');
    expect(parts.filter((part) => 'hidden' in part)).toEqual(['U+2066', 'U+200D', 'U+FEFF', 'U+0000', 'U+0085'].map((hidden) => ({ hidden })));
  });
  it('leaves ordinary text, emoji and line breaks alone', () => {
    expect(visibleParts('hello\nwörld 👋')).toEqual([{ text: 'hello\nwörld 👋' }]);
    expect(hasHiddenCharacters('hello\nwörld 👋')).toBe(false);
    expect(hasHiddenCharacters('a\u200bb')).toBe(true);
  });
});

describe('formatUnits', () => {
  it('keeps every wei', () => {
    expect(formatUnits(100000000000000001n, 18)).toBe('0.100000000000000001');
    expect(formatUnits(1500000000000000000n, 18)).toBe('1.5');
    expect(formatUnits(0n, 18)).toBe('0');
    expect(formatUnits(30000000000n, 9)).toBe('30');
  });
  it('reads decimal strings and safe integers, nothing else', () => {
    expect(toBigInt('123')).toBe(123n);
    expect(toBigInt(7)).toBe(7n);
    expect(toBigInt('0x1')).toBeUndefined();
    expect(toBigInt('01')).toBeUndefined();
    expect(toBigInt(-1)).toBeUndefined();
  });
});
