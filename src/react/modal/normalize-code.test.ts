import { describe, expect, it } from 'vitest';
import { normalizeCode } from './normalize-code.js';

describe('normalizeCode', () => {
  it.each([
    ['123 456', '123456'],
    ['123-456', '123456'],
    ['１２３４５６', '123456'],
    [' 12\u00a034-56 ', '123456'],
    ['code: 123456.', '123456'],
  ])('should read %j as %j', (pasted, code) => {
    expect(normalizeCode(pasted)).toBe(code);
  });
});
