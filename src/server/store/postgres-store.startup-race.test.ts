// Threat: several instances started at the same moment on an empty database break each
// other's start — two migrations running at once fail on half-made tables, or two instances
// each make their own signing and encryption keys, so tokens minted by one are refused by
// the other and secrets sealed by one cannot be opened by the other.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createMfaServer, type MfaServer } from 'mfa-kit/server';
import { createTestDatabase, postgresUrl } from '../../../test/postgres-test-database.js';
import { generateSigningJwk } from '../tokens/signing-keys.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';

const adminUrl = postgresUrl();
const INSTANCES = 4;

describe.skipIf(adminUrl === null)('PostgreSQL: instances started at once on an empty database', () => {
  const servers: MfaServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('all come up, migrate once, and share one signing key and one encryption key', async () => {
    const databaseUrl = await createTestDatabase(adminUrl!, 'mfa_startup');
    const started = await Promise.all(Array.from({ length: INSTANCES }, () => createMfaServer({ databaseUrl, authenticate: () => null, logger: () => {} })));
    servers.push(...started);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const versions = await client.query('SELECT version FROM mfa_migrations ORDER BY version');
      expect(versions.rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await client.end();
    }

    const kids = new Set(started.map((server) => server.context.keys.kid));
    expect(kids.size).toBe(1);
    const jwks = await Promise.all(started.map(async (server) => (await server.fetch(new Request('http://x/.well-known/jwks.json'))).json()));
    for (const published of jwks) expect(published).toEqual(jwks[0]);
    // A secret sealed by one instance opens on every other.
    const sealed = started[0]!.context.secrets.seal('JBSWY3DPEHPK3PXP');
    for (const server of started) expect(server.context.secrets.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('a restart finds the schema and the keys where the first start left them', async () => {
    const databaseUrl = await createTestDatabase(adminUrl!, 'mfa_restart');
    const first = await createMfaServer({ databaseUrl, authenticate: () => null, logger: () => {} });
    const kid = first.context.keys.kid;
    const sealed = first.context.secrets.seal('secret');
    await first.close();
    const again = await createMfaServer({ databaseUrl, authenticate: () => null, logger: () => {} });
    servers.push(again);
    expect(again.context.keys.kid).toBe(kid);
    expect(again.context.secrets.open(sealed)).toBe('secret');
  });

  it('publishes the retired keys kept in the database beside the signing key, and never signs with them', async () => {
    const databaseUrl = await createTestDatabase(adminUrl!, 'mfa_retired');
    const first = await createMfaServer({ databaseUrl, authenticate: () => null, logger: () => {} });
    await first.close();
    const { d: _private, ...retired } = { ...(await generateSigningJwk()), kid: 'retired-2026-11' };
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query("INSERT INTO mfa_shared_keys (name, value, created_at) VALUES ('retired-signing-keys.json', $1, 0)", [JSON.stringify([retired])]);
    } finally {
      await client.end();
    }
    const again = await createMfaServer({ databaseUrl, authenticate: () => null, logger: () => {} });
    servers.push(again);
    expect(again.context.keys.published.map((key) => key.kid)).toEqual([first.context.keys.kid, 'retired-2026-11']);
    expect(again.context.keys.kid).toBe(first.context.keys.kid);
  });
});
