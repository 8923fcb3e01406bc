// Policy (docs/architecture.md §7): MFA is asked for only once the user has a verified method, unless
// the app requires enrollment; the guards follow the same rule as /mfa/actions/required.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/server-harness.js';

let server: TestServer;
afterEach(async () => {
  await server.stop();
});

describe('default policy (when-enrolled)', () => {
  it('a user with no method: required false, and the guarded routes let the action through', async () => {
    server = await startTestServer({ databasePath: ':memory:' });
    const s = await server.session('alice');
    const required = await server.call('POST', '/mfa/actions/required', { session: s, body: { mfaAction: 'wallet.waas.export' } });
    expect(required.body).toEqual({ required: false });
    expect((await server.call('POST', '/wallet/export', { session: s })).status).toBe(200);
    expect((await server.call('POST', '/wallet/delegation', { session: s, body: { enabled: true } })).body).toEqual({ delegated: true });
  });

  it('an unverified TOTP device changes nothing', async () => {
    server = await startTestServer({ databasePath: ':memory:' });
    const s = await server.session('bob');
    await server.call('POST', '/mfa/totp/devices', { session: s, body: {} });
    const required = await server.call('POST', '/mfa/actions/required', { session: s, body: { mfaAction: 'wallet.waas.sign' } });
    expect(required.body.required).toBe(false);
    expect((await server.call('POST', '/wallet/sign-message', { session: s, body: { message: 'm' } })).status).toBe(200);
  });

  it('once enrolled: required true and the guards refuse without a token', async () => {
    server = await startTestServer({ databasePath: ':memory:' });
    const s = await server.session('carol');
    await server.enrollTotp(s);
    for (const mfaAction of ['wallet.waas.export', 'wallet.waas.sign', 'wallet.waas.refresh', 'wallet.waas.reshare', 'user.update']) {
      const required = await server.call('POST', '/mfa/actions/required', { session: s, body: { mfaAction } });
      expect(required.body.required, mfaAction).toBe(true);
    }
    expect((await server.call('POST', '/wallet/export', { session: s })).status).toBe(401);
  });
});

describe('configured policy', () => {
  it('requireEnrollment: required even with no method, and the guard refuses', async () => {
    server = await startTestServer({ databasePath: ':memory:', requireEnrollment: true });
    const s = await server.session('dave');
    const required = await server.call('POST', '/mfa/actions/required', { session: s, body: { mfaAction: 'wallet.waas.export' } });
    expect(required.body.required).toBe(true);
    const refused = await server.call('POST', '/wallet/export', { session: s });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('elevated_access_required');
    // Enrolling a first method is still possible (credential:link is not asked of a user with none)…
    const { verified } = await server.enrollTotp(s, { requestedScopes: ['wallet:export'] });
    // …and its first verification is the step-up (enroll, then continue).
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: verified.elevatedAccessToken.token })).status).toBe(200);
  });

  it("required: 'never' for one action lets it through even when enrolled", async () => {
    server = await startTestServer({ databasePath: ':memory:', policy: { 'wallet.waas.sign': { required: 'never' } } });
    const s = await server.session('erin');
    await server.enrollTotp(s);
    expect((await server.call('POST', '/mfa/actions/required', { session: s, body: { mfaAction: 'wallet.waas.sign' } })).body.required).toBe(false);
    expect((await server.call('POST', '/wallet/sign-message', { session: s, body: { message: 'm' } })).status).toBe(200);
    expect((await server.call('POST', '/wallet/export', { session: s })).status).toBe(401);
  });

  it('token behaviour per action: singleUse and ttlSeconds', async () => {
    server = await startTestServer({ databasePath: ':memory:', policy: { 'wallet.waas.export': { singleUse: false, ttlSeconds: 60 } } });
    const s = await server.session('frank');
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), requestedScopes: ['wallet:export'] } });
    const grant = verify.body.elevatedAccessToken;
    expect(grant.singleUse).toBe(false);
    expect(Date.parse(grant.expiresAt) - server.clock.now()).toBeLessThanOrEqual(60_000);
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: grant.token })).status).toBe(200);
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: grant.token })).status).toBe(200);
    // Defaults elsewhere: user:update is multi-use for 10 minutes.
    const other = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), requestedScopes: ['user:update'] } });
    expect(other.body.elevatedAccessToken.singleUse).toBe(false);
    expect(Date.parse(other.body.elevatedAccessToken.expiresAt) - server.clock.now()).toBe(10 * 60_000 - (server.clock.now() % 1000));
  });
});
