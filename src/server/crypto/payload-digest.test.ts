import { describe, expect, it } from 'vitest';
import { payloadDigest } from '../../protocol/payload-digest.js';
import { serverPayloadDigest } from './payload-digest.js';

describe('serverPayloadDigest', () => {
  it('is the protocol digest the client computes, for every kind of JSON value', async () => {
    const payloads = [
      { enabled: false },
      { message: 'Zahlung an Jürgen 🚀 \u202e' },
      { b: [1, 2.5, -0, 1e21, null, true], a: { z: 'x', é: '' } },
      [],
      'just a string',
      0,
    ];
    for (const payload of payloads) expect(serverPayloadDigest(payload)).toBe(await payloadDigest(payload));
  });

  it('tells payloads apart that differ in one field', () => {
    expect(serverPayloadDigest({ to: '0x1', value: '1' })).not.toBe(serverPayloadDigest({ to: '0x1', value: '2' }));
  });
});
