import { describe, expect, it } from 'vitest';
import { canonicalJson, payloadDigest } from './payload-digest.js';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys and drops whitespace, so equal payloads give equal text', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}');
  });
  it('uses ECMAScript number form (RFC 8785 §3.2.2.3 examples)', () => {
    expect(canonicalJson([1e21, 0.000001, -0, 333333333.3333333])).toBe('[1e+21,0.000001,0,333333333.3333333]');
  });
  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});

describe('payloadDigest', () => {
  it('is the base64url SHA-256 of the canonical form, independent of key order', async () => {
    const a = await payloadDigest({ message: 'hello', n: 1 });
    const b = await payloadDigest({ n: 1, message: 'hello' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await payloadDigest({ message: 'hellp', n: 1 })).not.toBe(a);
  });
});
