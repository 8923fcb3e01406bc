// Threat: one `credential:unlink` approval strips every factor — it deletes the TOTP device,
// then the passkey — and with no method left the policy drops every guard, so the private key
// is exported with no step-up at all.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
let secret: string;
let deviceId: string;
let passkeyId: string;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
  ({ secret, deviceId } = await server.enrollTotp(s));
  const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
  passkeyId = (await server.registerPasskey(s, undefined, {}, link)).verified.passkey.id;
});

describe('unlink approvals are bound to one factor and single-use', () => {
  it('an unbound unlink request is refused before any code is spent', async () => {
    const result = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), requestedScopes: ['credential:unlink'] } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('invalid_request');
  });

  it('an approval naming the device removes the device, then nothing else', async () => {
    const unlink = await server.elevate(s, secret, { requestedScopes: ['credential:unlink'], credentialId: deviceId });
    const otherFactor = await server.call('DELETE', `/mfa/passkeys/${passkeyId}`, { session: s, elevated: unlink });
    expect(otherFactor.status).toBe(403);
    expect(otherFactor.body.error.code).toBe('elevated_access_mismatch');
    expect((await server.call('DELETE', `/mfa/totp/devices/${deviceId}`, { session: s, elevated: unlink })).status).toBe(204);
    // Spent: the same approval cannot be used again, even on a factor it named.
    const again = await server.call('DELETE', `/mfa/passkeys/${passkeyId}`, { session: s, elevated: unlink });
    expect(again.status).not.toBe(204);
    const methods = await server.call('GET', '/mfa/methods', { session: s });
    expect(methods.body.passkeys).toHaveLength(1);
  });

  it('the last factor is refused with a clear code, so the export stays guarded', async () => {
    const first = await server.elevate(s, secret, { requestedScopes: ['credential:unlink'], credentialId: deviceId });
    expect((await server.call('DELETE', `/mfa/totp/devices/${deviceId}`, { session: s, elevated: first })).status).toBe(204);
    const passkeyApproval = await server.call('DELETE', `/mfa/passkeys/${passkeyId}`, { session: s });
    expect(passkeyApproval.status).toBe(409);
    expect(passkeyApproval.body.error.code).toBe('last_factor');
    expect(passkeyApproval.body.error.message).toMatch(/only MFA method/);
    const exported = await server.call('POST', '/wallet/export', { session: s });
    expect(exported.status).toBe(401);
    expect(exported.body.privateKey).toBeUndefined();
  });

  it('allowRemovingLastFactor: true lets an operator opt in', async () => {
    await server.restart({ allowRemovingLastFactor: true });
    const passkey = await server.elevate(s, secret, { requestedScopes: ['credential:unlink'], credentialId: passkeyId });
    expect((await server.call('DELETE', `/mfa/passkeys/${passkeyId}`, { session: s, elevated: passkey })).status).toBe(204);
    const device = await server.elevate(s, secret, { requestedScopes: ['credential:unlink'], credentialId: deviceId });
    expect((await server.call('DELETE', `/mfa/totp/devices/${deviceId}`, { session: s, elevated: device })).status).toBe(204);
    expect((await server.call('GET', '/mfa/methods', { session: s })).body.userHasVerifiedMfaMethods).toBe(false);
  });
});
