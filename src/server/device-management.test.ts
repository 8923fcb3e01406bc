// Issue 4 (server): managing factors. Threats: a stolen session silently adds, removes or
// regenerates factors without stepping up; recovery codes leak by being shown again; a
// never-confirmed device counts as protection it does not give.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../testing/index.js';
import { type TestServer, type TestSession } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
useTestServer({ databasePath: ':memory:' }, async (started) => {
  server = started;
  s = await server.session('alice');
});

const methods = async () => (await server.call('GET', '/mfa/methods', { session: s })).body;

describe('unverified devices', () => {
  it('never count as a method and are not listed', async () => {
    const created = await server.call('POST', '/mfa/totp/devices', { session: s, body: {} });
    expect(created.status).toBe(201);
    const m = await methods();
    expect(m.totpDevices).toEqual([]);
    expect(m.userHasVerifiedMfaMethods).toBe(false);
    // and cannot be used to verify
    const code = totpCode(created.body.secret, { now: server.clock.now() });
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code } });
    expect(verify.status).toBe(404);
  });

  it('a wrong first code leaves the device unverified', async () => {
    const created = await server.call('POST', '/mfa/totp/devices', { session: s, body: {} });
    const good = totpCode(created.body.secret, { now: server.clock.now() });
    const bad = good === '123456' ? '654321' : '123456';
    const first = await server.call('POST', `/mfa/totp/devices/${created.body.id}/verify`, { session: s, body: { code: bad } });
    expect(first.status).toBe(401);
    expect(first.body.error.attemptsRemaining).toBe(4);
    expect((await methods()).userHasVerifiedMfaMethods).toBe(false);
  });
});

describe('adding, removing and regenerating need the right scope', () => {
  it('a second TOTP device or passkey needs credential:link', async () => {
    const { secret } = await server.enrollTotp(s);
    const totp = await server.call('POST', '/mfa/totp/devices', { session: s, body: {} });
    expect(totp.status).toBe(401);
    expect(totp.body.error.requiredScopes).toEqual(['credential:link']);
    const passkey = await server.call('POST', '/mfa/passkeys/registration/options', { session: s, body: {} });
    expect(passkey.status).toBe(401);
    const wrongScope = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    expect((await server.call('POST', '/mfa/totp/devices', { session: s, body: {}, elevated: wrongScope })).status).toBe(401);
    const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
    const second = await server.enrollTotp(s, {}, link);
    expect(second.recoveryCodes).toBeUndefined();
    expect((await methods()).totpDevices).toHaveLength(2);
  });

  it('removing a device needs credential:unlink', async () => {
    const { secret, deviceId } = await server.enrollTotp(s);
    // A second factor first: the only one cannot be removed (see factor-removal tests).
    await server.registerPasskey(s, undefined, {}, await server.elevate(s, secret, { requestedScopes: ['credential:link'] }));
    const refused = await server.call('DELETE', `/mfa/totp/devices/${deviceId}`, { session: s });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('scope="credential:unlink"');
    const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
    expect((await server.call('DELETE', `/mfa/totp/devices/${deviceId}`, { session: s, elevated: link })).status).toBe(401);
    expect((await methods()).totpDevices).toHaveLength(1);
    const unlink = await server.elevate(s, secret, { requestedScopes: ['credential:unlink'], credentialId: deviceId });
    expect((await server.call('DELETE', `/mfa/totp/devices/${deviceId}`, { session: s, elevated: unlink })).status).toBe(204);
    const after = await methods();
    expect(after.totpDevices).toEqual([]);
    expect(after.userHasVerifiedMfaMethods).toBe(true);
  });

  it('removing a passkey needs credential:unlink', async () => {
    const { secret } = await server.enrollTotp(s);
    const { verified } = await server.registerPasskey(s, undefined, {}, await server.elevate(s, secret, { requestedScopes: ['credential:link'] }));
    const refused = await server.call('DELETE', `/mfa/passkeys/${verified.passkey.id}`, { session: s });
    expect(refused.status).toBe(401);
    expect((await methods()).passkeys).toHaveLength(1);
  });

  it('regenerating recovery codes needs credential:update and replaces the set', async () => {
    const { secret, recoveryCodes } = await server.enrollTotp(s);
    const refused = await server.call('POST', '/mfa/recovery-codes', { session: s, body: {} });
    expect(refused.status).toBe(401);
    expect(refused.body.error.requiredScopes).toEqual(['credential:update']);
    const update = await server.elevate(s, secret, { requestedScopes: ['credential:update'] });
    const fresh = await server.call('POST', '/mfa/recovery-codes', { session: s, body: {}, elevated: update });
    expect(fresh.status).toBe(201);
    expect(fresh.body.codes).toHaveLength(10);
    expect(fresh.body.codes).not.toContain(recoveryCodes![0]);
    expect((await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: recoveryCodes![0] } })).status).toBe(401);
    expect((await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: fresh.body.codes[0] } })).status).toBe(200);
  });
});

describe('recovery codes are shown once', () => {
  it('are never returned again: not by methods, not by a later verify, not by a second device', async () => {
    const { secret, recoveryCodes, deviceId } = await server.enrollTotp(s);
    expect(recoveryCodes).toHaveLength(10);
    const m = await methods();
    expect(JSON.stringify(m)).not.toContain(recoveryCodes![0]);
    expect(m.recoveryCodes).toEqual({ remaining: 10, acknowledged: false });
    const again = await server.call('POST', `/mfa/totp/devices/${deviceId}/verify`, { session: s, body: { code: server.code(secret) } });
    expect(again.status).toBe(200);
    expect(again.body.recoveryCodes).toBeUndefined();
    expect((await server.call('POST', '/mfa/recovery-codes/acknowledge', { session: s, body: {} })).status).toBe(204);
    expect((await methods()).recoveryCodes.acknowledged).toBe(true);
    expect((await server.call('GET', '/mfa/recovery-codes', { session: s })).status).toBe(404);
  });
});

describe('settings', () => {
  it('sets the default TOTP device and reports lastUsedAt', async () => {
    const first = await server.enrollTotp(s);
    const link = await server.elevate(s, first.secret, { requestedScopes: ['credential:link'] });
    const second = await server.enrollTotp(s, {}, link);
    expect(second.verified.device.isDefault).toBe(false);
    const update = await server.elevate(s, first.secret, { requestedScopes: ['credential:update'] });
    expect((await server.call('POST', `/mfa/totp/devices/${second.deviceId}/default`, { session: s, elevated: update })).status).toBe(204);
    const m = await methods();
    expect(m.totpDevices.map((d: { id: string; isDefault: boolean }) => [d.id, d.isDefault])).toEqual([
      [first.deviceId, false],
      [second.deviceId, true],
    ]);
    expect(m.totpDevices[0].lastUsedAt).not.toBeNull();
    // /totp/verify without deviceId uses the default device.
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(second.secret) } })).status).toBe(200);
  });

  it('renames a passkey', async () => {
    const { verified, authenticator } = await server.registerPasskey(s, undefined, { name: 'Old' });
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: s, body: {} });
    const approval = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: s,
      body: { response: authenticator.getAssertion(options.body), requestedScopes: ['credential:update'] },
    });
    const update = approval.body.elevatedAccessToken.token as string;
    const renamed = await server.call('PATCH', `/mfa/passkeys/${verified.passkey.id}`, { session: s, body: { name: 'Work laptop' }, elevated: update });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: verified.passkey.id, name: 'Work laptop' });
    expect((await server.call('PATCH', `/mfa/passkeys/${verified.passkey.id}`, { session: s, body: { name: '' }, elevated: update })).status).toBe(400);
    expect((await methods()).passkeys[0].name).toBe('Work laptop');
  });

  it("cannot touch another user's devices", async () => {
    const { deviceId } = await server.enrollTotp(s);
    const bob = await server.session('bob');
    expect((await server.call('POST', `/mfa/totp/devices/${deviceId}/default`, { session: bob })).status).toBe(404);
    expect((await server.call('DELETE', `/mfa/totp/devices/${deviceId}`, { session: bob })).status).toBe(404);
    expect((await methods()).totpDevices).toHaveLength(1);
  });
});
