// Threat: an Idempotency-Key (not a secret: it sits in logs) replays a stored private key past
// the guard — a key first used before the user enrolled, or a key presented again with the
// token that earned the answer after that token expired.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
});

const exportWith = (key: string, elevated?: string) =>
  server.call('POST', '/wallet/export', { session: s, headers: { 'idempotency-key': key }, ...(elevated ? { elevated } : {}) });

describe('a stored answer is replayed only while the proof that earned it is still good', () => {
  it('a key used before enrolling does not replay after enrolling', async () => {
    const before = await exportWith('K1');
    expect(before.status).toBe(200);
    await server.enrollTotp(s);
    const after = await exportWith('K1');
    expect(after.status).toBe(401);
    expect(after.body.privateKey).toBeUndefined();
    expect(after.body.error.code).toBe('elevated_access_required');
  });

  it('the token that earned it replays until it expires, then not', async () => {
    const { secret } = await server.enrollTotp(s);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    const first = await exportWith('K2', token);
    expect(first.status).toBe(200);
    const retry = await exportWith('K2', token);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.privateKey).toBe(first.body.privateKey);
    server.clock.advance(5 * 60_000 + 1_000);
    const late = await exportWith('K2', token);
    expect(late.status).toBe(401);
    expect(late.body.privateKey).toBeUndefined();
  });

  it('an answer earned with a legacy token is not replayed to that spent token', async () => {
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: true } });
    const legacy = verify.body.mfaToken.token as string;
    const call = () => server.call('POST', '/wallet/export', { session: s, mfaToken: legacy, headers: { 'idempotency-key': 'K3' } });
    expect((await call()).status).toBe(200);
    const again = await call();
    expect(again.status).toBe(401);
    expect(again.body.privateKey).toBeUndefined();
  });
});
