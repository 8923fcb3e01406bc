import type { PgPool } from 'mfa-kit/server';
import type { DemoStore } from './demo-store.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS demo_users (
    name TEXT PRIMARY KEY,
    user_id TEXT NOT NULL UNIQUE,
    wallet_key_sealed TEXT NOT NULL,
    delegated BOOLEAN NOT NULL DEFAULT FALSE,
    reshare_required BOOLEAN NOT NULL DEFAULT FALSE,
    claimed BOOLEAN NOT NULL DEFAULT TRUE
  );
  CREATE TABLE IF NOT EXISTS demo_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
`;

/** Names the demo's schema lock (any constant other than the kit's own). */
const DEMO_SCHEMA_LOCK_ID = 0x64656d6f; // 'demo'

/**
 * The demo's tables in the kit's PostgreSQL database, so every instance sees the same users,
 * sessions and wallets. `CREATE TABLE IF NOT EXISTS` is not safe against itself run by two
 * instances at once (both may try to create the table's type), hence the advisory lock.
 */
export async function createPostgresDemoStore(pool: PgPool): Promise<DemoStore> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SCHEMA_LOCK_ID]);
    await client.query(SCHEMA);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }

  const findUser = async (name: string) => (await pool.query('SELECT user_id FROM demo_users WHERE name = $1', [name])).rows[0]?.user_id as string | undefined;

  return {
    async findOrCreateUser(name, create) {
      const found = await findUser(name);
      if (found) return { userId: found };
      const fresh = create();
      await pool.query('INSERT INTO demo_users (name, user_id, wallet_key_sealed) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        name,
        fresh.userId,
        fresh.walletKeySealed,
      ]);
      // ON CONFLICT DO NOTHING: a first session for this name on another instance may have won; read the winner.
      return { userId: (await findUser(name))! };
    },
    async insertPregeneratedUser(name, userId, walletKeySealed) {
      const inserted = await pool.query(
        'INSERT INTO demo_users (name, user_id, wallet_key_sealed, claimed) VALUES ($1, $2, $3, FALSE) ON CONFLICT DO NOTHING',
        [name, userId, walletKeySealed],
      );
      return inserted.rowCount === 1;
    },
    async insertSession(tokenHash, userId, sessionId, now, expiredBefore) {
      await pool.query('DELETE FROM demo_sessions WHERE created_at <= $1', [expiredBefore]);
      await pool.query('INSERT INTO demo_sessions (token_hash, user_id, session_id, created_at) VALUES ($1, $2, $3, $4)', [tokenHash, userId, sessionId, now]);
    },
    async findSession(tokenHash, expiredBefore) {
      const { rows } = await pool.query(
        `SELECT s.user_id, s.session_id, u.name FROM demo_sessions s JOIN demo_users u ON u.user_id = s.user_id
         WHERE s.token_hash = $1 AND s.created_at > $2`,
        [tokenHash, expiredBefore],
      );
      const row = rows[0];
      return row && { userId: row.user_id as string, sessionId: row.session_id as string, accountName: row.name as string };
    },
    async getWallet(userId) {
      const { rows } = await pool.query('SELECT wallet_key_sealed, delegated, reshare_required, claimed FROM demo_users WHERE user_id = $1', [userId]);
      const row = rows[0];
      return (
        row && {
          walletKeySealed: row.wallet_key_sealed as string,
          delegated: row.delegated === true,
          reshareRequired: row.reshare_required === true,
          claimed: row.claimed === true,
        }
      );
    },
    async setDelegation(userId, delegated) {
      await pool.query('UPDATE demo_users SET delegated = $2, reshare_required = TRUE WHERE user_id = $1', [userId, delegated]);
    },
    // One conditional UPDATE each: of two instances racing to claim or to finish one reshare, one wins.
    async claimWallet(userId) {
      return (await pool.query('UPDATE demo_users SET claimed = TRUE WHERE user_id = $1 AND NOT claimed', [userId])).rowCount === 1;
    },
    async completeReshare(userId, walletKeySealed) {
      const done = await pool.query('UPDATE demo_users SET wallet_key_sealed = $2, reshare_required = FALSE WHERE user_id = $1 AND reshare_required', [
        userId,
        walletKeySealed,
      ]);
      return done.rowCount === 1;
    },
  };
}
