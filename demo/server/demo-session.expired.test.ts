// Threat: a demo session token that leaked (a log line, a shared screen, a laptop left
// signed in) works for ever, on the SQLite store and on PostgreSQL alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresUrl } from '../../test/postgres-test-database.js';
import { createClock, startTestServer, TestServer, type HarnessOptions } from '../../test/server-harness.js';
import { DEMO_SESSION_TTL_SECONDS } from './demo-session.js';

const adminUrl = postgresUrl();
const HOUR = 60 * 60 * 1000;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(store: 'sqlite' | 'postgres', options: HarnessOptions = {}): Promise<TestServer> {
  if (store === 'sqlite') return startTestServer(options);
  const databaseUrl = await createTestDatabase(adminUrl!, 'mfa_demo_session');
  return new TestServer(mkdtempSync(join(tmpdir(), 'mfa-kit-test-')), createClock(), { databaseUrl, ...options }).start();
}

describe.each(['sqlite', 'postgres'] as const)('demo sessions expire (%s)', (store) => {
  it.skipIf(store === 'postgres' && adminUrl === null)('after 12 hours every route answers 401 unauthenticated, in JSON', async () => {
    expect(DEMO_SESSION_TTL_SECONDS).toBe(12 * 60 * 60);
    server = await start(store);
    const made = await server.call('POST', '/demo/session', { body: { name: 'alice' } });
    expect(Date.parse(made.body.expiresAt)).toBe(server.clock.now() + 12 * HOUR);
    expect(made.body.expiresInSeconds).toBe(12 * 60 * 60);
    const s = { token: made.body.sessionToken as string };
    server.clock.advance(12 * HOUR - 1000);
    expect((await server.call('GET', '/mfa/methods', { session: s })).status).toBe(200);
    server.clock.advance(1000);
    for (const [method, path] of [
      ['GET', '/mfa/methods'],
      ['GET', '/wallet'],
      ['POST', '/wallet/export'],
    ] as const) {
      const refused = await server.call(method, path, { session: s, ...(method === 'POST' ? { body: {} } : {}) });
      expect(refused.status, path).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/json');
      expect(refused.body.error.code).toBe('unauthenticated');
    }
    // Signing in again gives a working session for the same user.
    const again = await server.session('alice');
    expect(again.userId).toBe(made.body.userId);
    expect((await server.call('GET', '/mfa/methods', { session: again })).status).toBe(200);
  });

  it.skipIf(store === 'postgres' && adminUrl === null)('the lifetime is configurable', async () => {
    server = await start(store, { sessionTtlSeconds: 60 });
    const s = await server.session('bob');
    server.clock.advance(59_000);
    expect((await server.call('GET', '/wallet', { session: s })).status).toBe(200);
    server.clock.advance(1000);
    expect((await server.call('GET', '/wallet', { session: s })).status).toBe(401);
  });
});
