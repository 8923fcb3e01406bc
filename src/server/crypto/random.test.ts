import { describe, expect, it } from 'vitest';
import { newTimeOrderedId } from './random.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newTimeOrderedId', () => {
  it('is a UUIDv7 whose first 48 bits are the millisecond it was made for', () => {
    const at = Date.UTC(2026, 11, 2, 5, 30, 0, 123);
    const id = newTimeOrderedId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by time as text, and differs within one millisecond', () => {
    const at = Date.UTC(2026, 11, 2);
    const ids = [at + 1000, at, at + 1].map(newTimeOrderedId);
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
    const same = new Set(Array.from({ length: 1000 }, () => newTimeOrderedId(at)));
    expect(same.size).toBe(1000);
  });
});
