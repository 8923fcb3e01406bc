// Threat: a token minted by another deployment of the kit (another origin, same software,
// perhaps the same signing key copied between installs) is accepted here, because every
// install once named itself `mfa-kit` in `iss` and `aud`.
import { SignJWT, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT, ORIGIN, type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import { verifyElevatedAccessToken } from '../guards/verify-elevated-access-token.js';
import { normalizeLowS } from './low-s.js';

let server: TestServer;
let s: TestSession;
let secret: string;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
  ({ secret } = await server.enrollTotp(s));
});

/** The same claims, signed by the same key, as if another deployment had minted them. */
async function mintedElsewhere(real: string, iss: string, aud: string): Promise<string> {
  const { privateKey, kid } = server.running.server.context.keys;
  const claims = { ...decodeJwt(real), iss, aud };
  return normalizeLowS(await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey));
}

describe('iss and aud name the deployment', () => {
  it('default to the first expected origin', async () => {
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    expect(decodeJwt(token)).toMatchObject({ iss: ORIGIN, aud: ORIGIN });
  });

  it("the guard refuses a token whose iss or aud is another deployment's", async () => {
    for (const [iss, aud] of [
      ['https://other.example', 'https://other.example'],
      [ORIGIN, 'https://other.example'],
      ['https://other.example', ORIGIN],
      ['mfa-kit', 'mfa-kit'],
    ] as const) {
      const foreign = await mintedElsewhere(await server.elevate(s, secret, { requestedScopes: ['wallet:export'] }), iss, aud);
      const refused = await server.call('POST', '/wallet/export', { session: s, elevated: foreign });
      expect(refused.status, `${iss} ${aud}`).toBe(401);
      expect(refused.body.error.code).toBe('elevated_access_required');
    }
    const ours = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: ours })).status).toBe(200);
  });

  it('a resource server refuses it too, and will not verify without being told iss and aud', async () => {
    const jwks = `${server.url}/.well-known/jwks.json`;
    const currentDate = new Date(server.clock.now());
    const real = await server.elevate(s, secret, { requestedScopes: ['user:update'] });
    const foreign = await mintedElsewhere(real, 'https://other.example', 'https://other.example');
    await expect(verifyElevatedAccessToken(foreign, { ...DEPLOYMENT, scope: 'user:update', jwks, currentDate })).rejects.toMatchObject({
      code: 'elevated_access_required',
    });
    await expect(verifyElevatedAccessToken(real, { ...DEPLOYMENT, scope: 'user:update', jwks, currentDate })).resolves.toMatchObject({ sub: s.userId });
    // From plain JavaScript, leaving them out must not switch the check off.
    const untold = { scope: 'user:update', jwks, currentDate } as unknown as Parameters<typeof verifyElevatedAccessToken>[1];
    await expect(verifyElevatedAccessToken(real, untold)).rejects.toBeInstanceOf(TypeError);
  });

  it('issuer and audience options still override the default', async () => {
    await server.restart({ issuer: 'https://auth.wallet.example', audience: 'https://api.wallet.example' });
    const s2 = await server.session('alice');
    const token = await server.elevate(s2, secret, { requestedScopes: ['wallet:export'] });
    expect(decodeJwt(token)).toMatchObject({ iss: 'https://auth.wallet.example', aud: 'https://api.wallet.example' });
    expect((await server.call('POST', '/wallet/export', { session: s2, elevated: token })).status).toBe(200);
  });
});
