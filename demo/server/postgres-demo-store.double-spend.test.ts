// Threat: the demo wallet's one-time state changes — claiming a pregenerated wallet, finishing
// a due reshare — done twice by racing them over two instances that share one PostgreSQL
// database, or a wallet state set on one instance that the other does not see.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresUrl } from '../../test/postgres-test-database.js';
import { createClock, TestServer } from '../../test/server-harness.js';

const adminUrl = postgresUrl();

describe.skipIf(adminUrl === null)('the demo wallet on two instances of one PostgreSQL database', () => {
  const clock = createClock();
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const databaseUrl = await createTestDatabase(adminUrl!, 'mfa_demo');
    const dataDir = () => mkdtempSync(join(tmpdir(), 'mfa-kit-test-'));
    [a, b] = await Promise.all([new TestServer(dataDir(), clock, { databaseUrl }).start(), new TestServer(dataDir(), clock, { databaseUrl }).start()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('a wallet pregenerated on one instance is claimed exactly once over both', async () => {
    const made = await a.call('POST', '/demo/pregenerate', { body: { name: 'carol' } });
    expect(made.status).toBe(201);
    expect((await b.call('POST', '/demo/pregenerate', { body: { name: 'carol' } })).status).toBe(409);
    const s = await b.session('carol');
    expect(s.userId).toBe(made.body.userId);
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).call('POST', '/wallet/claim', { session: s, body: {} })));
    expect(claims.filter((r) => r.status === 200)).toHaveLength(1);
    expect(claims.filter((r) => r.status === 409)).toHaveLength(19);
    expect((await a.call('GET', '/wallet', { session: s })).body).toMatchObject({ address: made.body.address, claimed: true });
  });

  it('a reshare made due on one instance is done once, whichever instances the retries reach', async () => {
    const s = await a.session('dave');
    expect((await a.call('POST', '/wallet/delegation', { session: s, body: { enabled: true } })).status).toBe(200);
    expect((await b.call('GET', '/wallet', { session: s })).body).toMatchObject({ delegated: true, reshareRequired: true });
    const reshares = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).call('POST', '/wallet/reshare', { session: s, body: {} })));
    expect(reshares.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await a.call('GET', '/wallet', { session: s })).body.reshareRequired).toBe(false);
  });
});
