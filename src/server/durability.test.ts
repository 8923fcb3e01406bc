// Durability: stopping and restarting on the same data folder must not forget anything that
// protects the user — devices, passkeys, recovery codes (and which were used), consumed
// tokens and used jtis — nor change the signing key (tokens issued before stay verifiable).
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/server-harness.js';

let server: TestServer;
afterEach(async () => {
  await server.stop();
});

describe('restart on the same data folder', () => {
  it('keeps devices, passkeys, recovery codes, consumed tokens and used jtis', async () => {
    server = await startTestServer();
    const s = await server.session('alice');
    const { secret, recoveryCodes } = await server.enrollTotp(s);
    const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
    const { authenticator } = await server.registerPasskey(s, undefined, { name: 'Phone' }, link);

    // Spend: one recovery code, one single-use elevated token, one legacy token.
    expect((await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: recoveryCodes![0] } })).status).toBe(200);
    const spentJwt = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: spentJwt })).status).toBe(200);
    const legacy = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: true } });
    expect((await server.call('POST', '/wallet/export', { session: s, mfaToken: legacy.body.mfaToken.token })).status).toBe(200);
    // Keep: an unspent token issued before the restart.
    const unspent = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    const lastCode = server.code(secret);
    await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: lastCode } });
    const before = (await server.call('GET', '/mfa/methods', { session: s })).body;
    const jwksBefore = (await server.call('GET', '/.well-known/jwks.json')).body;
    const addressBefore = (await server.call('GET', '/wallet', { session: s })).body.address;

    await server.restart();

    expect((await server.call('GET', '/mfa/methods', { session: s })).body).toEqual(before);
    expect(before.totpDevices).toHaveLength(1);
    expect(before.passkeys).toHaveLength(1);
    expect(before.recoveryCodes.remaining).toBe(9);
    expect((await server.call('GET', '/.well-known/jwks.json')).body).toEqual(jwksBefore);
    expect((await server.call('GET', '/wallet', { session: s })).body.address).toBe(addressBefore);

    // Everything spent stays spent…
    expect((await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: recoveryCodes![0] } })).status).toBe(401);
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: spentJwt })).status).toBe(401);
    expect((await server.call('POST', '/wallet/export', { session: s, mfaToken: legacy.body.mfaToken.token })).status).toBe(401);
    // …the last accepted TOTP step is remembered (no replay across a restart)…
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: lastCode } })).status).toBe(401);
    // …and what was not spent still works: the token, the device (encrypted secret), the passkey, the other codes.
    expect((await server.call('POST', '/wallet/export', { session: s, elevated: unspent })).status).toBe(200);
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } })).status).toBe(200);
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: s, body: {} });
    expect(
      (await server.call('POST', '/mfa/passkeys/authentication/verify', { session: s, body: { response: authenticator.getAssertion(options.body) } })).status,
    ).toBe(200);
    expect((await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: recoveryCodes![1] } })).status).toBe(200);
  });

  it('keeps the lockout across a restart', async () => {
    server = await startTestServer();
    const s = await server.session('bob');
    const { secret } = await server.enrollTotp(s);
    for (let i = 0; i < 5; i++)
      await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: '000000' === server.code(secret) ? '111111' : '000000' } });
    await server.restart();
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } })).status).toBe(429);
  });

  it('keeps secrets encrypted or hashed at rest: the database file holds no TOTP secret, wallet key or recovery code in clear', async () => {
    server = await startTestServer();
    const s = await server.session('carol');
    const { secret, recoveryCodes } = await server.enrollTotp(s);
    expect(recoveryCodes).toHaveLength(10);
    const { privateKey } = (
      await server.call('POST', '/wallet/export', { session: s, elevated: await server.elevate(s, secret, { requestedScopes: ['wallet:export'] }) })
    ).body;
    await server.running.close();
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = readdirSync(server.dataDir).filter((f) => f.startsWith('mfa.sqlite'));
    const raw = files.map((f) => readFileSync(`${server.dataDir}/${f}`).toString('latin1')).join('');
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(privateKey.slice(2));
    for (const code of recoveryCodes!) {
      expect(raw).not.toContain(code);
      expect(raw).not.toContain(code.replace(/-/g, ''));
    }
    await server.start();
  });
});
