// Threat: a copy of a genuine token with its ECDSA S flipped to n − S (still a valid
// signature) is accepted as a different token, or a token of another type (`typ`) is taken
// for an elevated access token.
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import { hasLowS, normalizeLowS } from './low-s.js';

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
let server: TestServer;
let s: TestSession;
let secret: string;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
  ({ secret } = await server.enrollTotp(s));
});

function flipS(token: string): string {
  const [header, payload, sig] = token.split('.');
  const bytes = Buffer.from(sig!, 'base64url');
  const high = N - BigInt(`0x${bytes.subarray(32).toString('hex')}`);
  return `${header}.${payload}.${Buffer.concat([bytes.subarray(0, 32), Buffer.from(high.toString(16).padStart(64, '0'), 'hex')]).toString('base64url')}`;
}

describe('ES256 low-S only, typ checked', () => {
  it('our tokens are low-S, and the high-S copy of one is refused', async () => {
    const token = await server.elevate(s, secret, { requestedScopes: ['user:update'] });
    expect(hasLowS(token)).toBe(true);
    const copy = flipS(token);
    expect(hasLowS(copy)).toBe(false);
    const refused = await server.call('POST', '/mfa/recovery-codes', {
      session: s,
      body: {},
      elevated: flipS(await server.elevate(s, secret, { requestedScopes: ['credential:update'] })),
    });
    expect(refused.status).toBe(401);
    expect(
      (await server.call('POST', '/wallet/export', { session: s, elevated: flipS(await server.elevate(s, secret, { requestedScopes: ['wallet:export'] })) }))
        .status,
    ).toBe(401);
  });

  it('a genuine signature over another typ is refused', async () => {
    const real = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    const { privateKey, kid } = server.running.server.context.keys;
    expect(decodeProtectedHeader(real).typ).toBe('JWT');
    for (const typ of ['at+jwt', 'dpop+jwt', undefined]) {
      const header = { alg: 'ES256', kid, ...(typ ? { typ } : {}) };
      const other = normalizeLowS(await new SignJWT({ ...decodeJwt(real) }).setProtectedHeader(header).sign(privateKey));
      expect((await server.call('POST', '/wallet/export', { session: s, elevated: other })).status, String(typ)).toBe(401);
    }
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: real })).status).toBe(200);
  });
});
