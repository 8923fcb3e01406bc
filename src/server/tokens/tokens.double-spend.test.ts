// Threat: one approval is spent many times — a single-use elevated token, a legacy MFA token
// or a recovery code replayed in parallel to win a race — or a refused request burns a token
// so the user must step up again for nothing.
import { describe, expect, it } from 'vitest';
import { requireElevatedAccess } from '../guards/require-elevated-access.js';
import { concurrently, startTestServer, type TestServer } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
useTestServer(
  {},
  (started) => {
    server = started;
  },
  () => server,
);

describe('100 concurrent redemptions succeed exactly once', () => {
  it('a single-use elevated token', async () => {
    const s = await server.session('alice');
    const { secret } = await server.enrollTotp(s);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    const tally = await concurrently(100, () => server.call('POST', '/wallet/export', { session: s, elevated: token }));
    expect(tally.get(200)).toBe(1);
    expect(tally.get(401)).toBe(99);
  });

  it('a legacy MFA token', async () => {
    const s = await server.session('bob');
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: { singleUse: true } } });
    const token = verify.body.mfaToken.token as string;
    const tally = await concurrently(100, () => server.call('POST', '/wallet/export', { session: s, mfaToken: token }));
    expect(tally.get(200)).toBe(1);
    expect(tally.get(401)).toBe(99);
  });

  it('a recovery code', async () => {
    const s = await server.session('carol');
    const { recoveryCodes } = await server.enrollTotp(s);
    const code = recoveryCodes![0]!;
    const tally = await concurrently(100, () => server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code } }));
    expect(tally.get(200)).toBe(1);
    expect((tally.get(401) ?? 0) + (tally.get(429) ?? 0)).toBe(99);
    const methods = await server.call('GET', '/mfa/methods', { session: s });
    expect(methods.body.recoveryCodes.remaining).toBe(9);
  });
});

describe('a refused guarded request does not burn the token', () => {
  it('wrong body (400) and wrong scope leave a single-use token usable', async () => {
    const s = await server.session('dave');
    const { secret } = await server.enrollTotp(s);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:sign'] });
    const badBody = await server.call('POST', '/wallet/sign-message', { session: s, elevated: token, body: { message: 42 } });
    expect(badBody.status).toBe(400);
    const wrongRoute = await server.call('POST', '/wallet/export', { session: s, elevated: token });
    expect(wrongRoute.status).toBe(401);
    const ok = await server.call('POST', '/wallet/sign-message', { session: s, elevated: token, body: { message: 'hi' } });
    expect(ok.status).toBe(200);
    const spent = await server.call('POST', '/wallet/sign-message', { session: s, elevated: token, body: { message: 'hi' } });
    expect(spent.status).toBe(401);
  });

  it('a legacy token presented by another session is refused and stays usable by its own', async () => {
    const s1 = await server.session('erin');
    const s2 = await server.session('erin');
    const { secret } = await server.enrollTotp(s1);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s1, body: { code: server.code(secret), createMfaToken: true } });
    const token = verify.body.mfaToken.token as string;
    expect((await server.call('POST', '/wallet/export', { session: s2, mfaToken: token })).status).toBe(401);
    expect((await server.call('POST', '/wallet/export', { session: s1, mfaToken: token })).status).toBe(200);
  });

  it('a multi-use legacy token works until it expires (10 minutes) where the policy is multi-use', async () => {
    server.running.server.app.post('/profile/email', requireElevatedAccess('user.update'), (c) => c.json({ ok: true }));
    const s = await server.session('frank');
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: { singleUse: false } } });
    const token = verify.body.mfaToken.token as string;
    expect((await server.call('POST', '/profile/email', { session: s, body: {}, mfaToken: token })).status).toBe(200);
    expect((await server.call('POST', '/profile/email', { session: s, body: {}, mfaToken: token })).status).toBe(200);
    server.clock.advance(10 * 60_000);
    expect((await server.call('POST', '/profile/email', { session: s, body: {}, mfaToken: token })).status).toBe(401);
  });

  it('allowLegacyMfaToken: false refuses to issue or accept legacy tokens', async () => {
    await server.stop();
    server = await startTestServer({ allowLegacyMfaToken: false });
    const s = await server.session('gina');
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: true } });
    expect(verify.status).toBe(400);
    expect(verify.body.error.code).toBe('invalid_request');
  });
});
