// Threat: one `credential:link` approval registers several factors, and the registration
// answer itself mints export, unlink and update tokens: a link approval becomes a master key.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
let secret: string;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
  ({ secret } = await server.enrollTotp(s));
});

describe('a link approval covers one enrollment', () => {
  it('a second registration with the same approval is refused', async () => {
    const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
    await server.registerPasskey(s, undefined, {}, link);
    const again = await server.call('POST', '/mfa/passkeys/registration/options', { session: s, body: {}, elevated: link });
    expect(again.status).toBe(401);
    expect((await server.call('POST', '/mfa/totp/devices', { session: s, body: {}, elevated: link })).status).toBe(401);
  });

  it('a factor enrolled under it mints no other scope in the same answer', async () => {
    const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
    const { verified } = await server.registerPasskey(
      s,
      undefined,
      {
        requestedScopes: ['wallet:export', 'credential:update'],
        createMfaToken: true,
      },
      link,
    );
    expect(verified.elevatedAccessToken).toBeUndefined();
    expect(verified.mfaToken).toBeUndefined();
  });

  it('control: the first factor still yields the token it was enrolled for (enroll, then continue)', async () => {
    const bob = await server.session('bob');
    const { verified } = await server.enrollTotp(bob, { requestedScopes: ['wallet:export'] });
    expect(verified.elevatedAccessToken.scopes).toEqual(['wallet:export']);
  });
});
