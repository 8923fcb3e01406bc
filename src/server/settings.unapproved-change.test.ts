// Threat: someone holding only the user's session (a borrowed laptop, a stolen cookie)
// renames a passkey, so the prompt shows a name the user trusts on a factor they do not
// hold, or moves the default to the TOTP device they planted, with no step-up at all, or
// with an approval given for something else.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
let first: Awaited<ReturnType<TestServer['enrollTotp']>>;
let second: Awaited<ReturnType<TestServer['enrollTotp']>>;
let passkeyId: string;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
  first = await server.enrollTotp(s);
  second = await server.enrollTotp(s, {}, await server.elevate(s, first.secret, { requestedScopes: ['credential:link'] }));
  const link = await server.elevate(s, first.secret, { requestedScopes: ['credential:link'] });
  passkeyId = (await server.registerPasskey(s, undefined, { name: 'Phone' }, link)).verified.passkey.id;
});

const rename = (elevated?: string) =>
  server.call('PATCH', `/mfa/passkeys/${passkeyId}`, { session: s, body: { name: 'Backup key' }, ...(elevated ? { elevated } : {}) });
const makeDefault = (elevated?: string) =>
  server.call('POST', `/mfa/totp/devices/${second.deviceId}/default`, { session: s, ...(elevated ? { elevated } : {}) });
const state = async () => {
  const m = (await server.call('GET', '/mfa/methods', { session: s })).body;
  return { name: m.passkeys[0].name as string, defaultId: m.totpDevices.find((d: { isDefault: boolean }) => d.isDefault).id as string };
};

describe('renaming a passkey and changing the default factor need credential:update', () => {
  it('without a token both are refused with a step-up challenge, and nothing changes', async () => {
    for (const refused of [await rename(), await makeDefault()]) {
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: 'elevated_access_required', requiredScopes: ['credential:update'] });
      expect(refused.headers.get('www-authenticate')).toContain('scope="credential:update"');
    }
    expect(await state()).toEqual({ name: 'Phone', defaultId: first.deviceId });
  });

  it('a token for another scope is refused, an unlink approval for that very factor included', async () => {
    for (const scope of ['credential:link', 'wallet:export', 'user:update'] as const) {
      const other = await server.elevate(s, first.secret, { requestedScopes: [scope] });
      expect((await rename(other)).status, scope).toBe(401);
      expect((await makeDefault(other)).status, scope).toBe(401);
    }
    const unlinkPasskey = await server.elevate(s, first.secret, { requestedScopes: ['credential:unlink'], credentialId: passkeyId });
    expect((await rename(unlinkPasskey)).status).toBe(401);
    const unlinkDevice = await server.elevate(s, first.secret, { requestedScopes: ['credential:unlink'], credentialId: second.deviceId });
    expect((await makeDefault(unlinkDevice)).status).toBe(401);
    expect(await state()).toEqual({ name: 'Phone', defaultId: first.deviceId });
  });

  it('a credential:update approval lets both through', async () => {
    const update = await server.elevate(s, first.secret, { requestedScopes: ['credential:update'] });
    expect((await rename(update)).status).toBe(200);
    expect((await makeDefault(update)).status).toBe(204);
    expect(await state()).toEqual({ name: 'Backup key', defaultId: second.deviceId });
  });
});
