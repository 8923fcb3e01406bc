import type { PgPool } from './pg-driver.js';
import { inTransaction } from './postgres-transaction.js';

/**
 * PostgreSQL schema versions, the same tables as the SQLite ones (times are epoch
 * milliseconds in BIGINT). Append only: never edit a migration that has shipped.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE totp_devices (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    secret_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    verified_at BIGINT,
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    last_step BIGINT,
    last_used_at BIGINT
  );
  CREATE INDEX totp_devices_user ON totp_devices(user_id);

  CREATE TABLE passkeys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    public_key BYTEA NOT NULL,
    counter BIGINT NOT NULL,
    transports TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
  );
  CREATE INDEX passkeys_user ON passkeys(user_id);

  CREATE TABLE webauthn_challenges (
    challenge TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    nonce TEXT,
    mfa_action TEXT,
    payload_digest TEXT,
    expires_at BIGINT NOT NULL
  );

  CREATE TABLE mfa_users (
    user_id TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT,
    recovery_issued BOOLEAN NOT NULL DEFAULT FALSE,
    recovery_acknowledged BOOLEAN NOT NULL DEFAULT FALSE
  );

  CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
  );

  CREATE TABLE mfa_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    single_use BOOLEAN NOT NULL,
    expires_at BIGINT NOT NULL,
    consumed_at BIGINT
  );

  CREATE TABLE used_jtis (
    jti TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NOT NULL
  );

  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    body_digest TEXT NOT NULL,
    status INTEGER,
    response_sealed TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
  );

  -- Keys every instance must share (the token signing key, the at-rest encryption key):
  -- the first instance to start inserts them, the others read what it wrote.
  CREATE TABLE mfa_shared_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  `,
  // The expiry of the step-up proof that earned a stored answer (null: earned with none), so
  // a replay can be refused once that proof is no longer good.
  `
  ALTER TABLE idempotency_keys ADD COLUMN proof_expires_at BIGINT;
  `,
  // Recovery codes sealed with scrypt: the clear prefix picks the one row an attempt derives.
  // Rows from before keep a NULL prefix and their SHA-256 until the user regenerates.
  `
  ALTER TABLE recovery_codes ADD COLUMN prefix TEXT;
  CREATE INDEX recovery_codes_prefix ON recovery_codes(user_id, prefix);
  `,
  // The audit table: every security event, per user, newest read first (`seq` orders events
  // recorded in the same millisecond).
  `
  CREATE TABLE security_events (
    id TEXT PRIMARY KEY,
    seq BIGSERIAL,
    user_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at BIGINT NOT NULL,
    ip_address TEXT,
    user_agent TEXT,
    details TEXT NOT NULL
  );
  CREATE INDEX security_events_user_at ON security_events(user_id, at);
  `,
  // Outstanding challenges are capped per user and purged when one is issued: both read a
  // user's challenges by age, and `seq` orders those issued in the same millisecond.
  `
  ALTER TABLE webauthn_challenges ADD COLUMN seq BIGSERIAL;
  CREATE INDEX webauthn_challenges_user ON webauthn_challenges(user_id, seq);
  CREATE INDEX webauthn_challenges_expiry ON webauthn_challenges(expires_at);
  `,
  // A whole TOTP attempt in one statement, so one round trip and one commit: reserve the
  // attempt (the same rule as the store's reserveAttempt), accept the step only when that was
  // allowed, and clear the count only when the step was accepted. The user's row stays locked
  // from the reservation to the commit, so concurrent attempts of one user apply one by one.
  `
  CREATE FUNCTION mfa_attempt_totp_step(
    p_user TEXT, p_device TEXT, p_step BIGINT, p_now BIGINT,
    p_max INTEGER, p_lock_ms BIGINT, p_max_lock_ms BIGINT, p_permanent INTEGER
  ) RETURNS TABLE (r_allowed BOOLEAN, r_accepted BOOLEAN, r_failures INTEGER, r_locked_until BIGINT)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_failures INTEGER;
    v_locked BIGINT;
  BEGIN
    INSERT INTO mfa_users (user_id) VALUES (p_user) ON CONFLICT DO NOTHING;
    UPDATE mfa_users AS u SET
      failures = u.failures + 1,
      locked_until = CASE
        WHEN u.failures + 1 < p_permanent AND (u.failures + 1) % p_max = 0
        THEN p_now + LEAST(p_lock_ms * (1::bigint << LEAST((u.failures + 1) / p_max - 1, 30)), p_max_lock_ms)
        ELSE NULL END
    WHERE u.user_id = p_user AND (u.locked_until IS NULL OR u.locked_until <= p_now) AND u.failures < p_permanent
    RETURNING u.failures, u.locked_until INTO v_failures, v_locked;
    IF NOT FOUND THEN
      RETURN QUERY SELECT FALSE, FALSE, u.failures, u.locked_until FROM mfa_users AS u WHERE u.user_id = p_user;
      RETURN;
    END IF;
    IF p_step IS NOT NULL THEN
      UPDATE totp_devices AS d SET last_step = p_step, last_used_at = p_now, verified_at = COALESCE(d.verified_at, p_now)
      WHERE d.user_id = p_user AND d.id = p_device AND (d.last_step IS NULL OR d.last_step < p_step);
      IF FOUND THEN
        UPDATE mfa_users AS u SET failures = 0, locked_until = NULL WHERE u.user_id = p_user;
        RETURN QUERY SELECT TRUE, TRUE, 0, NULL::BIGINT;
        RETURN;
      END IF;
    END IF;
    RETURN QUERY SELECT TRUE, FALSE, v_failures, v_locked;
  END
  $fn$;
  `,
  // The TOTP attempt and its step_up_granted audit event in one statement and one commit: the
  // event is written only when the step is accepted. An overload, so an instance still on the
  // eight-argument form keeps working while a deployment upgrades.
  `
  CREATE FUNCTION mfa_attempt_totp_step(
    p_user TEXT, p_device TEXT, p_step BIGINT, p_now BIGINT,
    p_max INTEGER, p_lock_ms BIGINT, p_max_lock_ms BIGINT, p_permanent INTEGER,
    p_event_id TEXT, p_event_session TEXT, p_event_type TEXT, p_event_at BIGINT,
    p_event_ip TEXT, p_event_user_agent TEXT, p_event_details TEXT
  ) RETURNS TABLE (r_allowed BOOLEAN, r_accepted BOOLEAN, r_failures INTEGER, r_locked_until BIGINT)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v RECORD;
  BEGIN
    SELECT * INTO v FROM mfa_attempt_totp_step(p_user, p_device, p_step, p_now, p_max, p_lock_ms, p_max_lock_ms, p_permanent);
    IF v.r_accepted THEN
      INSERT INTO security_events (id, user_id, session_id, type, at, ip_address, user_agent, details)
      VALUES (p_event_id, p_user, p_event_session, p_event_type, p_event_at, p_event_ip, p_event_user_agent, p_event_details);
    END IF;
    RETURN QUERY SELECT v.r_allowed, v.r_accepted, v.r_failures, v.r_locked_until;
  END
  $fn$;
  `,
  // The common case first: a right code from a user with no failures counted and no lock. The
  // user's row is locked (FOR UPDATE, so concurrent attempts still apply one by one) but not
  // rewritten, where the count used to go up and straight back to zero: two row versions less
  // per verification. Every other case goes to the function of version 6, kept under a new
  // name. The event overload of version 7 calls this one by name, so it gains the same.
  `
  ALTER FUNCTION mfa_attempt_totp_step(TEXT, TEXT, BIGINT, BIGINT, INTEGER, BIGINT, BIGINT, INTEGER)
    RENAME TO mfa_counted_totp_step;
  CREATE FUNCTION mfa_attempt_totp_step(
    p_user TEXT, p_device TEXT, p_step BIGINT, p_now BIGINT,
    p_max INTEGER, p_lock_ms BIGINT, p_max_lock_ms BIGINT, p_permanent INTEGER
  ) RETURNS TABLE (r_allowed BOOLEAN, r_accepted BOOLEAN, r_failures INTEGER, r_locked_until BIGINT)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_failures INTEGER;
    v_locked BIGINT;
  BEGIN
    IF p_step IS NOT NULL THEN
      SELECT u.failures, u.locked_until INTO v_failures, v_locked FROM mfa_users AS u WHERE u.user_id = p_user FOR UPDATE;
      IF FOUND AND v_failures = 0 AND v_locked IS NULL THEN
        UPDATE totp_devices AS d SET last_step = p_step, last_used_at = p_now, verified_at = COALESCE(d.verified_at, p_now)
        WHERE d.user_id = p_user AND d.id = p_device AND (d.last_step IS NULL OR d.last_step < p_step);
        IF FOUND THEN
          RETURN QUERY SELECT TRUE, TRUE, 0, NULL::BIGINT;
          RETURN;
        END IF;
      END IF;
    END IF;
    RETURN QUERY SELECT * FROM mfa_counted_totp_step(p_user, p_device, p_step, p_now, p_max, p_lock_ms, p_max_lock_ms, p_permanent);
  END
  $fn$;
  `,
];

/**
 * An arbitrary constant naming the kit's migration lock. Session-independent advisory locks
 * are global to the database, so every instance contends for this same number.
 */
const MIGRATION_LOCK_ID = 0x6d66616b; // 'mfak'

/**
 * Applies the missing versions in one transaction that first takes an advisory lock: when
 * several instances start on an empty database at once, one migrates and the others wait
 * for its commit, then find nothing left to do. DDL is transactional in PostgreSQL, so a
 * failed migration leaves no half-made schema behind.
 */
export async function migratePostgres(pool: PgPool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query('CREATE TABLE IF NOT EXISTS mfa_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query('SELECT COALESCE(MAX(version), 0)::int AS version FROM mfa_migrations');
    const applied = Number(rows[0]!.version);
    for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= applied) continue;
      await client.query(sql);
      await client.query('INSERT INTO mfa_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()]);
    }
  });
}
