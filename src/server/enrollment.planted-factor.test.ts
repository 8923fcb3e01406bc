// Threat: someone holding the user's session before the user's first enrollment (a shared
// computer, a stolen cookie) starts an enrollment of their own — a TOTP secret, or passkey
// registration options — and keeps it. The user then enrolls a first method of their own, which
// should mean that adding any other one needs `credential:link` (docs/architecture.md §6). Completing the
// planted enrollment afterwards must not add the attacker's factor (nor mint an elevated token
// for any scope) without that step-up.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../testing/index.js';
import { type TestServer, type TestSession } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
useTestServer({ databasePath: ':memory:' }, async (started) => {
  server = started;
  s = await server.session('victim');
});

const methods = async () => (await server.call('GET', '/mfa/methods', { session: s })).body;

describe('an enrollment started before the first method cannot be finished after it', () => {
  it('a TOTP device created with no method, verified after the user enrolled a passkey → 409, no token', async () => {
    const planted = await server.call('POST', '/mfa/totp/devices', { session: s, body: {} });
    expect(planted.status).toBe(201);
    server.clock.advance(1_000);
    await server.registerPasskey(s);
    server.clock.advance(60 * 60_000);

    const code = totpCode(planted.body.secret, { now: server.clock.now() });
    const late = await server.call('POST', `/mfa/totp/devices/${planted.body.id}/verify`, {
      session: s,
      body: { code, requestedScopes: ['wallet:export', 'credential:link'] },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');
    expect(late.body.elevatedAccessToken).toBeUndefined();
    const m = await methods();
    expect(m.totpDevices).toEqual([]);
    expect(m.passkeys).toHaveLength(1);
    // The stale device is gone: it cannot be tried again.
    const again = await server.call('POST', `/mfa/totp/devices/${planted.body.id}/verify`, { session: s, body: { code } });
    expect(again.status).toBe(404);
  });

  it('passkey registration options taken with no method, redeemed after the user enrolled TOTP → 409, no passkey', async () => {
    const attacker = server.authenticator();
    const options = await server.call('POST', '/mfa/passkeys/registration/options', { session: s, body: {} });
    expect(options.status).toBe(200);
    server.clock.advance(1_000);
    await server.enrollTotp(s);

    const response = attacker.createCredential(options.body);
    const late = await server.call('POST', '/mfa/passkeys/registration/verify', {
      session: s,
      body: { response, requestedScopes: ['wallet:export'] },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');
    expect(late.body.elevatedAccessToken).toBeUndefined();
    expect((await methods()).passkeys).toEqual([]);
  });

  it('control: a second method started under credential:link, and a first one with none, still complete', async () => {
    const first = await server.call('POST', '/mfa/totp/devices', { session: s, body: {} });
    const verified = await server.call('POST', `/mfa/totp/devices/${first.body.id}/verify`, {
      session: s,
      body: { code: totpCode(first.body.secret, { now: server.clock.now() }) },
    });
    expect(verified.status).toBe(200);
    server.clock.advance(30_000);
    // One link approval covers one enrollment: each method added gets its own.
    await server.registerPasskey(s, undefined, {}, await server.elevate(s, first.body.secret, { requestedScopes: ['credential:link'] }));
    await server.enrollTotp(s, {}, await server.elevate(s, first.body.secret, { requestedScopes: ['credential:link'] }));
    const m = await methods();
    expect(m.totpDevices).toHaveLength(2);
    expect(m.passkeys).toHaveLength(1);
  });
});
