// Threat: an operator turns the deprecated legacy MFA token off (`allowLegacyMfaToken: false`),
// yet one still opens a guarded route — a token issued before the switch (they live 10 minutes
// and survive a restart), presented to a route that was written with `allowMfaToken: true`.
import { afterEach, describe, expect, it } from 'vitest';
import { requireElevatedAccess } from '../guards/require-elevated-access.js';
import { TestServer, startTestServer } from '../../../test/server-harness.js';

let server: TestServer;
afterEach(async () => {
  await server.stop();
});

describe('allowLegacyMfaToken: false', () => {
  it('refuses a legacy token everywhere, even where a route opted in', async () => {
    server = await startTestServer();
    const s = await server.session('alice');
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: { singleUse: false } } });
    const legacy = verify.body.mfaToken.token as string;

    // Same data folder, legacy tokens now off; an app route that once opted in.
    await server.running.close();
    server = await new TestServer(server.dataDir, server.clock, { allowLegacyMfaToken: false }).start();
    server.running.server.app.post('/profile/email', requireElevatedAccess('user.update', { allowMfaToken: true }), (c) => c.json({ ok: true }));

    for (const [method, path] of [
      ['POST', '/wallet/export'],
      ['POST', '/profile/email'],
    ] as const) {
      const refused = await server.call(method, path, { session: s, body: {}, mfaToken: legacy });
      expect(refused.status, path).toBe(401);
      expect(refused.body.error.code).toBe('elevated_access_required');
    }
  });

  it('control: with legacy tokens on, allowMfaToken: false still narrows one route', async () => {
    server = await startTestServer();
    server.running.server.app.post('/account/close', requireElevatedAccess('credential:unlink', { allowMfaToken: false }), (c) => c.json({ ok: true }));
    const s = await server.session('bob');
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: { singleUse: false } } });
    const legacy = verify.body.mfaToken.token as string;
    expect((await server.call('POST', '/account/close', { session: s, body: {}, mfaToken: legacy })).status).toBe(401);
    expect((await server.call('POST', '/wallet/export', { session: s, body: {}, mfaToken: legacy })).status).toBe(200);
  });
});
