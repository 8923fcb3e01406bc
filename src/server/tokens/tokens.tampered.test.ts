// Threat: a forged or misused elevated token — edited claims, `alg: none`, HMAC signed with
// the public key, a key that is not ours, a `kid` that is not ours (or none), expired, for
// another scope, user or session.
import { SignJWT, UnsecuredJWT, decodeJwt, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { normalizeLowS } from './low-s.js';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
let alice: TestSession;
let secret: string;
useTestServer({}, async (started) => {
  server = started;
  alice = await server.session('alice');
  ({ secret } = await server.enrollTotp(alice));
});

async function exportWith(token: string, session = alice) {
  return server.call('POST', '/wallet/export', { session, elevated: token });
}

function expectRefused(result: { status: number; body: any }) {
  expect(result.status).toBe(401);
  expect(result.body.error.code).toBe('elevated_access_required');
}

describe('tampered and misused elevated tokens are refused', () => {
  it('edited payload (scope widened) keeps the old signature → refused', async () => {
    const token = await server.elevate(alice, secret, { requestedScopes: ['wallet:sign'] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.scope = 'wallet:sign wallet:export';
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expectRefused(await exportWith(forged));
  });

  it('alg: none → refused', async () => {
    const real = decodeJwt(await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] }));
    const unsigned = new UnsecuredJWT({ ...real }).encode();
    expectRefused(await exportWith(unsigned));
  });

  it('HS256 signed with the published public key (algorithm confusion) → refused', async () => {
    const real = decodeJwt(await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] }));
    const jwks = await server.call('GET', '/.well-known/jwks.json');
    const secretBytes = new TextEncoder().encode(JSON.stringify(jwks.body.keys[0]));
    const forged = await new SignJWT({ ...real }).setProtectedHeader({ alg: 'HS256', kid: jwks.body.keys[0].kid }).sign(secretBytes);
    expectRefused(await exportWith(forged));
  });

  it('a token signed by another ES256 key with our kid → refused', async () => {
    const real = decodeJwt(await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] }));
    const jwks = await server.call('GET', '/.well-known/jwks.json');
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ ...real }).setProtectedHeader({ alg: 'ES256', kid: jwks.body.keys[0].kid }).sign(privateKey);
    expectRefused(await exportWith(forged));
  });

  it('our signature under a kid that is not in our JWKS, or with no kid → refused', async () => {
    // The guard must pick the key by `kid` exactly as a resource server using the JWKS does, so
    // a token is never accepted here that verifyElevatedAccessToken would refuse (or vice
    // versa), and a retired key id cannot keep working after a rotation.
    const real = decodeJwt(await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] }));
    const { privateKey } = server.running.server.context.keys;
    const otherKid = await new SignJWT({ ...real }).setProtectedHeader({ alg: 'ES256', kid: 'retired-key' }).sign(privateKey);
    expectRefused(await exportWith(otherKid));
    const noKid = await new SignJWT({ ...real }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    expectRefused(await exportWith(noKid));
    // Control: the same claims under our kid pass (and the header was the only difference).
    const { kid } = server.running.server.context.keys;
    const ours = normalizeLowS(await new SignJWT({ ...real }).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey));
    expect((await exportWith(ours)).status).toBe(200);
  });

  it('expired (5 minutes for wallet actions) → refused', async () => {
    const token = await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] });
    server.clock.advance(5 * 60_000 + 1_000);
    expectRefused(await exportWith(token));
  });

  it('wrong scope → refused with the scope it needs', async () => {
    const token = await server.elevate(alice, secret, { requestedScopes: ['wallet:sign', 'user:update'] });
    const result = await exportWith(token);
    expectRefused(result);
    expect(result.body.error.requiredScopes).toEqual(['wallet:export']);
  });

  it("another user's token → refused", async () => {
    const bob = await server.session('bob');
    const { secret: bobSecret } = await server.enrollTotp(bob);
    const bobToken = await server.elevate(bob, bobSecret, { requestedScopes: ['wallet:export'] });
    expectRefused(await exportWith(bobToken, alice));
    // …and refusing it did not spend it for its owner.
    expect((await exportWith(bobToken, bob)).status).toBe(200);
  });

  it("another session's token (same user) → refused", async () => {
    const token = await server.elevate(alice, secret, { requestedScopes: ['wallet:export'] });
    const otherSession = await server.session('alice');
    expectRefused(await exportWith(token, otherSession));
  });

  it('garbage in the header → refused, not a 500', async () => {
    for (const junk of ['x', 'a.b.c', '....', 'e30.e30.', 'eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.AAAA']) {
      expectRefused(await exportWith(junk));
    }
  });
});
