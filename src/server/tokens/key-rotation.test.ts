// Rotating the signing key. Threats: a rotation that refuses tokens signed a moment before it
// (users who just stepped up are asked again, mid-action), and a retired key that keeps
// working forever (a leaked old key must stop mattering once it is dropped).
import { decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestSession, DEPLOYMENT } from '../../../test/server-harness.js';
import { verifyElevatedAccessToken } from '../guards/verify-elevated-access-token.js';
import { generateSigningJwk, importSigningKeys } from './signing-keys.js';

let server: TestServer;
let alice: TestSession;
let secret: string;
let oldKey: JWK;
let newKey: JWK;
beforeEach(async () => {
  oldKey = { ...(await generateSigningJwk()), kid: 'key-2026-10' };
  newKey = { ...(await generateSigningJwk()), kid: 'key-2026-11' };
  server = await startTestServer({ signingKey: oldKey });
  alice = await server.session('alice');
  ({ secret } = await server.enrollTotp(alice));
});
afterEach(async () => {
  await server.stop();
});

const exportWith = (token: string) => server.call('POST', '/wallet/export', { session: alice, elevated: token });
const jwksKids = async () => ((await server.call('GET', '/.well-known/jwks.json')).body.keys as JWK[]).map((key) => key.kid);

describe('signing key rotation', () => {
  it('a token signed by the retired key works until the key is dropped; new tokens use the new key', async () => {
    const signedBefore = await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] });
    const alsoSignedBefore = await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] });
    expect(decodeProtectedHeader(signedBefore).kid).toBe('key-2026-10');

    await server.restart({ signingKey: newKey, retiredSigningKeys: [oldKey] });
    expect(await jwksKids()).toEqual(['key-2026-11', 'key-2026-10']);
    // Published without the private part.
    expect((await server.call('GET', '/.well-known/jwks.json')).body.keys.every((key: JWK) => key.d === undefined)).toBe(true);
    const signedAfter = await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] });
    expect(decodeProtectedHeader(signedAfter).kid).toBe('key-2026-11');
    expect((await exportWith(signedBefore)).status).toBe(200);
    expect((await exportWith(signedAfter)).status).toBe(200);
    // A resource server reading the JWKS by URL agrees with the guard.
    const claims = await verifyElevatedAccessToken(alsoSignedBefore, {
      scope: 'wallet:export',
      jwks: `${server.url}/.well-known/jwks.json`,
      currentDate: new Date(server.clock.now()),
      ...DEPLOYMENT,
    });
    expect(claims.sub).toBe(decodeJwt(alsoSignedBefore).sub);

    await server.restart({ retiredSigningKeys: [] });
    expect(await jwksKids()).toEqual(['key-2026-11']);
    const refused = await exportWith(alsoSignedBefore);
    expect(refused.status).toBe(401);
  });

  it('a retired key only verifies: it never signs; a malformed or kid-clashing one stops the start with a sentence', async () => {
    await server.restart({ signingKey: newKey, retiredSigningKeys: [oldKey] });
    const token = await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] });
    expect(decodeProtectedHeader(token).kid).toBe('key-2026-11');
    await expect(importSigningKeys(newKey, [{ kty: 'RSA', n: 'x', e: 'AQAB' }])).rejects.toThrow(/each retired signing key must be an EC P-256 JWK/);
    // The same kid on two different keys would hide one of them from every verifier.
    await expect(importSigningKeys({ ...newKey, kid: 'main' }, [{ ...oldKey, kid: 'main' }])).rejects.toThrow(/share the kid "main"/);
    // The same key listed again is harmless: published once.
    expect((await importSigningKeys(newKey, [newKey, oldKey])).published.map((key) => key.kid)).toEqual(['key-2026-11', 'key-2026-10']);
  });
});
