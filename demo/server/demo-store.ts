import type { SqliteDatabase } from 'mfa-kit/server';

export interface DemoWallet {
  walletKeySealed: string;
  delegated: boolean;
  reshareRequired: boolean;
  /** false for a wallet pregenerated before its user first signed in, until they claim it. */
  claimed: boolean;
}

/**
 * The demo's own tables: who signed in with which name, their sessions, and a wallet each.
 * Every state change is one conditional UPDATE, so two racing requests cannot both claim a
 * wallet or both finish one reshare.
 */
export interface DemoStore {
  findOrCreateUser(name: string, create: () => { userId: string; walletKeySealed: string }): Promise<{ userId: string }>;
  /** A user and an unclaimed wallet made before their first sign-in; false when the name is taken. */
  insertPregeneratedUser(name: string, userId: string, walletKeySealed: string): Promise<boolean>;
  /** Stores a session made at `now`, and drops the sessions made at or before `expiredBefore`. */
  insertSession(tokenHash: string, userId: string, sessionId: string, now: number, expiredBefore: number): Promise<void>;
  /** The session, unless it was made at or before `expiredBefore` (an absolute lifetime). */
  findSession(tokenHash: string, expiredBefore: number): Promise<{ userId: string; sessionId: string; accountName: string } | undefined>;
  getWallet(userId: string): Promise<DemoWallet | undefined>;
  /** Approving or revoking delegated access changes who holds key shares: a reshare is due. */
  setDelegation(userId: string, delegated: boolean): Promise<void>;
  /** false when the wallet was already claimed (or was never pregenerated). */
  claimWallet(userId: string): Promise<boolean>;
  /** Stores the re-sealed key and clears `reshareRequired`; false when no reshare was due. */
  completeReshare(userId: string, walletKeySealed: string): Promise<boolean>;
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

/** Columns added after the first release: a data folder made before them gains them on start. */
const ADDED_COLUMNS: Record<string, string> = {
  reshare_required: 'INTEGER NOT NULL DEFAULT 0',
  claimed: 'INTEGER NOT NULL DEFAULT 1',
};

function migrate(db: SqliteDatabase): void {
  db.exec(SCHEMA);
  const present = new Set((db.prepare('PRAGMA table_info(demo_users)').all() as Row[]).map((row) => row.name as string));
  for (const [column, definition] of Object.entries(ADDED_COLUMNS)) {
    if (!present.has(column)) db.exec(`ALTER TABLE demo_users ADD COLUMN ${column} ${definition}`);
  }
}

/**
 * The demo's tables on the kit's own SQLite connection, so the demo's state lives in the same
 * file (or the same `:memory:` database) as the MFA state it goes with.
 */
export function createSqliteDemoStore(db: SqliteDatabase): DemoStore {
  migrate(db);
  const findUser = db.prepare('SELECT user_id FROM demo_users WHERE name = ?');
  const insertUser = db.prepare('INSERT OR IGNORE INTO demo_users (name, user_id, wallet_key_sealed) VALUES (?, ?, ?)');
  const insertPregenerated = db.prepare('INSERT OR IGNORE INTO demo_users (name, user_id, wallet_key_sealed, claimed) VALUES (?, ?, ?, 0)');
  const insertSession = db.prepare('INSERT INTO demo_sessions (token_hash, user_id, session_id, created_at) VALUES (?, ?, ?, ?)');
  const findSession = db.prepare(`SELECT s.user_id, s.session_id, u.name FROM demo_sessions s
    JOIN demo_users u ON u.user_id = s.user_id WHERE s.token_hash = ? AND s.created_at > ?`);
  const purgeSessions = db.prepare('DELETE FROM demo_sessions WHERE created_at <= ?');
  const getWallet = db.prepare('SELECT wallet_key_sealed, delegated, reshare_required, claimed FROM demo_users WHERE user_id = ?');
  const setDelegation = db.prepare('UPDATE demo_users SET delegated = ?, reshare_required = 1 WHERE user_id = ?');
  const claim = db.prepare('UPDATE demo_users SET claimed = 1 WHERE user_id = ? AND claimed = 0');
  const reshare = db.prepare('UPDATE demo_users SET wallet_key_sealed = ?, reshare_required = 0 WHERE user_id = ? AND reshare_required = 1');

  return {
    async findOrCreateUser(name, create) {
      const found = findUser.get(name) as Row | undefined;
      if (found) return { userId: found.user_id as string };
      const fresh = create();
      insertUser.run(name, fresh.userId, fresh.walletKeySealed);
      // INSERT OR IGNORE: a concurrent first session for the same name may have won; read the winner.
      return { userId: (findUser.get(name) as Row).user_id as string };
    },
    async insertPregeneratedUser(name, userId, walletKeySealed) {
      return insertPregenerated.run(name, userId, walletKeySealed).changes === 1;
    },
    async insertSession(tokenHash, userId, sessionId, now, expiredBefore) {
      purgeSessions.run(expiredBefore);
      insertSession.run(tokenHash, userId, sessionId, now);
    },
    async findSession(tokenHash, expiredBefore) {
      const row = findSession.get(tokenHash, expiredBefore) as Row | undefined;
      return row && { userId: row.user_id as string, sessionId: row.session_id as string, accountName: row.name as string };
    },
    async getWallet(userId) {
      const row = getWallet.get(userId) as Row | undefined;
      return (
        row && {
          walletKeySealed: row.wallet_key_sealed as string,
          delegated: row.delegated === 1,
          reshareRequired: row.reshare_required === 1,
          claimed: row.claimed === 1,
        }
      );
    },
    async setDelegation(userId, delegated) {
      setDelegation.run(delegated ? 1 : 0, userId);
    },
    async claimWallet(userId) {
      return claim.run(userId).changes === 1;
    },
    async completeReshare(userId, walletKeySealed) {
      return reshare.run(walletKeySealed, userId).changes === 1;
    },
  };
}
