import type { PgPool, PgPoolClient } from './pg-driver.js';

/** Runs `work` on one connection inside BEGIN … COMMIT (ROLLBACK when it throws). */
export async function inTransaction<T>(pool: PgPool, work: (client: PgPoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A transaction holding a lock scoped to one user, for the few changes that span rows (the
 * default device, a set of recovery codes): two instances changing one user's devices at once
 * then apply one after the other. The lock is released by the commit.
 */
export function forUser<T>(pool: PgPool, userId: string, work: (client: PgPoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('mfa-user:' || $1, 0))", [userId]);
    return work(client);
  });
}
