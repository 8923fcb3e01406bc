// Threat: behind a load balancer, a secret spent on one server instance is spent again on
// another — a TOTP code, a single-use elevated token, a legacy MFA token or a recovery code
// replayed to a second instance — or guesses spread over the instances dodge the lockout
// because each instance counts only its own. Two real servers on one PostgreSQL database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock, TestServer, type TestSession } from '../../test/server-harness.js';
import { createTestDatabase, postgresUrl } from '../../test/postgres-test-database.js';

const adminUrl = postgresUrl();

describe.skipIf(adminUrl === null)('two instances on one PostgreSQL database', () => {
  const clock = createClock();
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const databaseUrl = await createTestDatabase(adminUrl!, 'mfa_instances');
    const dataDir = () => mkdtempSync(join(tmpdir(), 'mfa-kit-test-'));
    [a, b] = await Promise.all([new TestServer(dataDir(), clock, { databaseUrl }).start(), new TestServer(dataDir(), clock, { databaseUrl }).start()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const enrolled = async (name: string): Promise<{ session: TestSession; secret: string; recoveryCodes: string[] }> => {
    const session = await a.session(name);
    const { secret, recoveryCodes } = await a.enrollTotp(session);
    return { session, secret, recoveryCodes: recoveryCodes! };
  };

  it('shares sessions and enrollments: what one instance enrolled, the other lists', async () => {
    const { session } = await enrolled('alice');
    const methods = await b.call('GET', '/mfa/methods', { session });
    expect(methods.status).toBe(200);
    expect(methods.body.totpDevices).toHaveLength(1);
    expect(methods.body.recoveryCodes.remaining).toBe(10);
  });

  it('refuses on one instance a TOTP code accepted on the other', async () => {
    const { session, secret } = await enrolled('bob');
    const code = a.code(secret);
    expect((await a.call('POST', '/mfa/totp/verify', { session, body: { code } })).status).toBe(200);
    const replay = await b.call('POST', '/mfa/totp/verify', { session, body: { code } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('mfa_invalid_code');
  });

  it('accepts a token minted on one instance on the other, and a single-use one only once across both', async () => {
    const { session, secret } = await enrolled('carol');
    const token = await a.elevate(session, secret, { requestedScopes: ['wallet:export'] });
    expect((await b.call('POST', '/wallet/export', { session, elevated: token })).status).toBe(200);
    const again = await a.call('POST', '/wallet/export', { session, elevated: token });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('elevated_access_required');
  });

  it('redeems a legacy MFA token once across both', async () => {
    const { session, secret } = await enrolled('dave');
    const minted = await a.call('POST', '/mfa/totp/verify', { session, body: { code: a.code(secret), createMfaToken: true } });
    const mfaToken = minted.body.mfaToken.token as string;
    expect((await b.call('POST', '/wallet/export', { session, mfaToken })).status).toBe(200);
    expect((await a.call('POST', '/wallet/export', { session, mfaToken })).status).toBe(401);
  });

  it('refuses on one instance a recovery code used on the other', async () => {
    const { session, recoveryCodes } = await enrolled('erin');
    const code = recoveryCodes[0]!;
    expect((await a.call('POST', '/mfa/recovery-codes/verify', { session, body: { code } })).status).toBe(200);
    expect((await b.call('POST', '/mfa/recovery-codes/verify', { session, body: { code } })).status).toBe(401);
  });

  it('locks the user on every instance after 5 wrong codes spread over them', async () => {
    const { session, secret } = await enrolled('frank');
    const wrong = (server: TestServer) => server.call('POST', '/mfa/totp/verify', { session, body: { code: '000000' } });
    const statuses = [];
    for (const server of [a, b, a, b, a]) statuses.push((await wrong(server)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const server of [a, b]) {
      const locked = await server.call('POST', '/mfa/totp/verify', { session, body: { code: server.code(secret) } });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('mfa_rate_limited');
    }
  });
});
