import type { SqliteDatabase } from 'mfa-kit/server';

/** The demo's own tables: who signed in with which name, their sessions, and a wallet each. */
export interface DemoStore {
  findOrCreateUser(name: string, create: () => { userId: string; walletKeySealed: string }): Promise<{ userId: string }>;
  insertSession(tokenHash: string, userId: string, sessionId: string, now: number): Promise<void>;
  findSession(tokenHash: string): Promise<{ userId: string; sessionId: string; accountName: string } | undefined>;
  getWallet(userId: string): Promise<{ walletKeySealed: string; delegated: boolean } | undefined>;
  setDelegation(userId: string, delegated: boolean): Promise<void>;
}

type Row = Record<string, unknown>;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS demo_users (
    name TEXT PRIMARY KEY,
    user_id TEXT NOT NULL UNIQUE,
    wallet_key_sealed TEXT NOT NULL,
    delegated INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS demo_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
`;

/**
 * The demo's tables on the kit's own SQLite connection, so the demo's state lives in the same
 * file (or the same `:memory:` database) as the MFA state it goes with.
 */
export function createSqliteDemoStore(db: SqliteDatabase): DemoStore {
  db.exec(SCHEMA);
  const findUser = db.prepare('SELECT user_id FROM demo_users WHERE name = ?');
  const insertUser = db.prepare('INSERT OR IGNORE INTO demo_users (name, user_id, wallet_key_sealed) VALUES (?, ?, ?)');
  const insertSession = db.prepare('INSERT INTO demo_sessions (token_hash, user_id, session_id, created_at) VALUES (?, ?, ?, ?)');
  const findSession = db.prepare(`SELECT s.user_id, s.session_id, u.name FROM demo_sessions s
    JOIN demo_users u ON u.user_id = s.user_id WHERE s.token_hash = ?`);
  const getWallet = db.prepare('SELECT wallet_key_sealed, delegated FROM demo_users WHERE user_id = ?');
  const setDelegation = db.prepare('UPDATE demo_users SET delegated = ? WHERE user_id = ?');

  return {
    async findOrCreateUser(name, create) {
      const found = findUser.get(name) as Row | undefined;
      if (found) return { userId: found.user_id as string };
      const fresh = create();
      insertUser.run(name, fresh.userId, fresh.walletKeySealed);
      // INSERT OR IGNORE: a concurrent first session for the same name may have won; read the winner.
      return { userId: (findUser.get(name) as Row).user_id as string };
    },
    async insertSession(tokenHash, userId, sessionId, now) {
      insertSession.run(tokenHash, userId, sessionId, now);
    },
    async findSession(tokenHash) {
      const row = findSession.get(tokenHash) as Row | undefined;
      return row && { userId: row.user_id as string, sessionId: row.session_id as string, accountName: row.name as string };
    },
    async getWallet(userId) {
      const row = getWallet.get(userId) as Row | undefined;
      return row && { walletKeySealed: row.wallet_key_sealed as string, delegated: row.delegated === 1 };
    },
    async setDelegation(userId, delegated) {
      setDelegation.run(delegated ? 1 : 0, userId);
    },
  };
}
