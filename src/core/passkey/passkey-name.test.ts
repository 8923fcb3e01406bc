import { describe, expect, it } from 'vitest';
import { aaguidOf, passkeyNameFor } from './passkey-name.js';

/** Authenticator data as a registration carries it: rpIdHash, flags (UP|UV|AT), counter, AAGUID, then the rest. */
function authenticatorData(aaguid: string, flags = 0x45): string {
  const bytes = new Uint8Array(37 + 16 + 2);
  bytes[32] = flags;
  bytes.set(
    aaguid
      .replace(/-/g, '')
      .match(/../g)!
      .map((pair) => parseInt(pair, 16)),
    37,
  );
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('passkeyNameFor', () => {
  it('should name a passkey from iCloud Keychain by its AAGUID', () => {
    const data = authenticatorData('fbfc3007-154e-4ecc-8c0b-6e020557d7bd');
    expect(aaguidOf(data)).toBe('fbfc3007-154e-4ecc-8c0b-6e020557d7bd');
    expect(passkeyNameFor({ response: { authenticatorData: data } })).toBe('iCloud Keychain');
  });

  it('should name Google Password Manager', () => {
    expect(passkeyNameFor({ response: { authenticatorData: authenticatorData('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4') } })).toBe('Google Password Manager');
  });

  it.each([
    ['an all-zero AAGUID (attestation "none")', authenticatorData('00000000-0000-0000-0000-000000000000')],
    ['an unknown AAGUID', authenticatorData('01234567-89ab-cdef-0123-456789abcdef')],
    ['no attested credential data flag', authenticatorData('fbfc3007-154e-4ecc-8c0b-6e020557d7bd', 0x05)],
    ['data too short', 'AAAA'],
    ['no data at all', undefined],
  ])('should give no name for %s', (_, data) => {
    expect(passkeyNameFor({ response: { ...(data ? { authenticatorData: data } : {}) } })).toBeUndefined();
  });
});
