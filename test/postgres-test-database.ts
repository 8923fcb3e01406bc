/**
 * A fresh database per test file on the run's throwaway cluster (see postgres-global-setup.ts),
 * so files running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/** The cluster's admin URL, or null when PostgreSQL is unavailable (its tests are then skipped). */
export function postgresUrl(): string | null {
  return inject('postgresUrl');
}

export async function createTestDatabase(adminUrl: string, prefix = 'mfa_test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
