import type { SqliteDatabase } from './sqlite-driver.js';

/**
 * Schema versions, applied in order inside one transaction each and recorded in
 * `mfa_migrations`. Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE totp_devices (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    secret_sealed TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    verified_at INTEGER,
    is_default INTEGER NOT NULL DEFAULT 0,
    last_step INTEGER,
    last_used_at INTEGER
  );
  CREATE INDEX totp_devices_user ON totp_devices(user_id);

  CREATE TABLE passkeys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    public_key BLOB NOT NULL,
    counter INTEGER NOT NULL,
    transports TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
  );
  CREATE INDEX passkeys_user ON passkeys(user_id);

  CREATE TABLE webauthn_challenges (
    challenge TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    nonce TEXT,
    mfa_action TEXT,
    payload_digest TEXT,
    expires_at INTEGER NOT NULL
  );

  CREATE TABLE mfa_users (
    user_id TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    recovery_issued INTEGER NOT NULL DEFAULT 0,
    recovery_acknowledged INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, code_hash)
  );

  CREATE TABLE mfa_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    single_use INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    consumed_at INTEGER
  );

  CREATE TABLE used_jtis (
    jti TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL,
    used_at INTEGER NOT NULL
  );

  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    body_digest TEXT NOT NULL,
    status INTEGER,
    response_sealed TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
  );
  `,
  // The expiry of the step-up proof that earned a stored answer (null: earned with none), so
  // a replay can be refused once that proof is no longer good.
  `
  ALTER TABLE idempotency_keys ADD COLUMN proof_expires_at INTEGER;
  `,
  // Recovery codes sealed with scrypt: the clear prefix picks the one row an attempt derives.
  // Rows from before keep a NULL prefix and their SHA-256 until the user regenerates.
  `
  ALTER TABLE recovery_codes ADD COLUMN prefix TEXT;
  CREATE INDEX recovery_codes_prefix ON recovery_codes(user_id, prefix);
  `,
  // The audit table: every security event, per user, newest read first.
  `
  CREATE TABLE security_events (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    ip_address TEXT,
    user_agent TEXT,
    details TEXT NOT NULL
  );
  CREATE INDEX security_events_user_at ON security_events(user_id, at);
  `,
  // Outstanding challenges are capped per user and purged when one is issued: both read a
  // user's challenges by age (rowid breaks ties within one millisecond).
  `
  CREATE INDEX webauthn_challenges_user ON webauthn_challenges(user_id, expires_at);
  CREATE INDEX webauthn_challenges_expiry ON webauthn_challenges(expires_at);
  `,
];

export function migrate(db: SqliteDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS mfa_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = db.prepare('SELECT COALESCE(MAX(version), 0) AS version FROM mfa_migrations').get() as { version: number };
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= applied.version) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO mfa_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
    })();
  });
}
