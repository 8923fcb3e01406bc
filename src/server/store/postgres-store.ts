import type {
  AttemptReservation,
  ChallengeLimits,
  ChallengePurpose,
  ChallengeRecord,
  IdempotencyRecord,
  LockoutPolicy,
  MfaStore,
  MfaTokenRecord,
  PasskeyRecord,
  RecoveryCodeState,
  SecurityEventRecord,
  StoredRecoveryCode,
  TotpAttemptResult,
  TotpDeviceRecord,
} from './mfa-store.js';
import { createPgPool, type PgPool, type PgPoolClient } from './pg-driver.js';
import { migratePostgres } from './postgres-migrations.js';
import { forUser } from './postgres-transaction.js';
import { pgChallenge, pgNumber, pgNumberOrNull, pgPasskey, pgTotpDevice } from './postgres-rows.js';

export interface PostgresMfaStoreOptions {
  /** `postgres://user:password@host:port/database` (libpq URL). */
  databaseUrl?: string;
  /** A pool the app already has (a `pg.Pool`); the store never ends it. */
  pool?: PgPool;
  /** Where an idle connection's failure is reported. @default console.error */
  log?: (line: string) => void;
}

const IDEMPOTENCY_RECORD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The store for several server instances on one PostgreSQL database (node-postgres). Every
 * single-use rule is one statement whose row count (or RETURNING row) says whether this
 * caller won: a conditional `UPDATE`, `INSERT … ON CONFLICT DO NOTHING` or `DELETE …
 * RETURNING`. Under READ COMMITTED, a concurrent UPDATE of the same row waits for the first
 * to commit and then re-checks its WHERE against the new row, so of N racing redemptions
 * exactly one matches — whichever instance they arrive on. Each call commits before it
 * resolves, so an answer is only ever sent about durable state.
 *
 * Open it with `PostgresMfaStore.open()`: it creates or upgrades the schema first.
 */
export class PostgresMfaStore implements MfaStore {
  private closed = false;

  private constructor(
    /** The pool, for an app that keeps its own tables in the same database. */
    readonly pool: PgPool,
    private readonly ownsPool: boolean,
  ) {}

  static async open(options: PostgresMfaStoreOptions): Promise<PostgresMfaStore> {
    const log = options.log ?? ((line: string) => console.error(line));
    if (!options.pool && !options.databaseUrl) throw new Error('mfa-kit/server: the PostgreSQL store needs `databaseUrl` or `pool`.');
    const pool = options.pool ?? createPgPool(options.databaseUrl!, (error) => log(`mfa-kit: idle PostgreSQL connection failed: ${error.message}`));
    const store = new PostgresMfaStore(pool, !options.pool);
    try {
      await migratePostgres(pool);
    } catch (error) {
      if (store.ownsPool) await pool.end().catch(() => {});
      throw error;
    }
    return store;
  }

  private async rowCount(text: string, values: unknown[]): Promise<number> {
    return (await this.pool.query(text, values)).rowCount ?? 0;
  }

  private forUser<T>(userId: string, work: (client: PgPoolClient) => Promise<T>): Promise<T> {
    return forUser(this.pool, userId, work);
  }

  async insertTotpDevice(d: TotpDeviceRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO totp_devices (id, user_id, secret_sealed, created_at, verified_at, is_default, last_step, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [d.id, d.userId, d.secretSealed, d.createdAt, d.verifiedAt, d.isDefault, d.lastStep, d.lastUsedAt],
    );
  }
  async deleteUnverifiedTotpDevices(userId: string): Promise<void> {
    await this.pool.query('DELETE FROM totp_devices WHERE user_id = $1 AND verified_at IS NULL', [userId]);
  }
  async getTotpDevice(userId: string, id: string): Promise<TotpDeviceRecord | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM totp_devices WHERE user_id = $1 AND id = $2', [userId, id]);
    return rows[0] && pgTotpDevice(rows[0]);
  }
  async listTotpDevices(userId: string): Promise<TotpDeviceRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM totp_devices WHERE user_id = $1 ORDER BY created_at, id', [userId]);
    return rows.map(pgTotpDevice);
  }
  async acceptTotpStep(userId: string, id: string, step: number, now: number): Promise<boolean> {
    const changed = await this.rowCount(
      `UPDATE totp_devices SET last_step = $3, last_used_at = $4, verified_at = COALESCE(verified_at, $4)
       WHERE user_id = $1 AND id = $2 AND (last_step IS NULL OR last_step < $3)`,
      [userId, id, step, now],
    );
    return changed === 1;
  }
  async attemptTotpStep(
    userId: string,
    id: string,
    step: number | null,
    now: number,
    policy: LockoutPolicy,
    granted?: SecurityEventRecord,
  ): Promise<TotpAttemptResult> {
    const { maxFailures, lockMs, maxLockMs, permanentAfter } = policy;
    const attempt = [userId, id, step, now, maxFailures, lockMs, maxLockMs, permanentAfter];
    // With an event, the overload of migration 7 that also records it when the step is accepted (same statement, same commit).
    const { rows } = granted
      ? await this.pool.query('SELECT * FROM mfa_attempt_totp_step($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)', [
          ...attempt,
          granted.id,
          granted.sessionId,
          granted.type,
          granted.at,
          granted.ipAddress,
          granted.userAgent,
          granted.details,
        ])
      : await this.pool.query('SELECT * FROM mfa_attempt_totp_step($1, $2, $3, $4, $5, $6, $7, $8)', attempt);
    const row = rows[0]!;
    return {
      allowed: row.r_allowed === true,
      accepted: row.r_accepted === true,
      ...(granted ? { grantedRecorded: row.r_accepted === true } : {}),
      failures: pgNumber(row.r_failures),
      lockedUntil: pgNumberOrNull(row.r_locked_until),
    };
  }
  async hasAnyFactor(userId: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT EXISTS (SELECT 1 FROM totp_devices WHERE user_id = $1 AND verified_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM passkeys WHERE user_id = $1) AS has`,
      [userId],
    );
    return rows[0]!.has === true;
  }
  async setDefaultTotpDeviceIfNone(userId: string, id: string): Promise<void> {
    await this.forUser(userId, (client) =>
      client.query(
        `UPDATE totp_devices SET is_default = TRUE WHERE user_id = $1 AND id = $2 AND verified_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM totp_devices WHERE user_id = $1 AND is_default)`,
        [userId, id],
      ),
    );
  }
  async setDefaultTotpDevice(userId: string, id: string): Promise<boolean> {
    const result = await this.forUser(userId, (client) =>
      client.query(
        `UPDATE totp_devices SET is_default = (id = $2) WHERE user_id = $1
         AND EXISTS (SELECT 1 FROM totp_devices WHERE user_id = $1 AND id = $2 AND verified_at IS NOT NULL)`,
        [userId, id],
      ),
    );
    return (result.rowCount ?? 0) > 0;
  }
  async deleteTotpDevice(userId: string, id: string, keepLastFactor = false): Promise<boolean> {
    return this.forUser(userId, async (client) => {
      // Under the user's lock, so two removals on two instances never both pass this check.
      if (keepLastFactor && (await isVerifiedDevice(client, userId, id)) && (await factorCount(client, userId)) <= 1) return false;
      const deleted = (await client.query('DELETE FROM totp_devices WHERE user_id = $1 AND id = $2', [userId, id])).rowCount === 1;
      if (deleted) {
        await client.query(
          `UPDATE totp_devices SET is_default = TRUE WHERE id = (SELECT id FROM totp_devices WHERE user_id = $1
           AND verified_at IS NOT NULL ORDER BY created_at, id LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM totp_devices WHERE user_id = $1 AND is_default)`,
          [userId],
        );
      }
      return deleted;
    });
  }

  async insertPasskey(k: PasskeyRecord): Promise<boolean> {
    const changed = await this.rowCount(
      `INSERT INTO passkeys (id, user_id, credential_id, public_key, counter, transports, name, created_at, last_used_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [k.id, k.userId, k.credentialId, Buffer.from(k.publicKey), k.counter, JSON.stringify(k.transports), k.name, k.createdAt, k.lastUsedAt],
    );
    return changed === 1;
  }
  async getPasskeyByCredentialId(userId: string, credentialId: string): Promise<PasskeyRecord | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM passkeys WHERE user_id = $1 AND credential_id = $2', [userId, credentialId]);
    return rows[0] && pgPasskey(rows[0]);
  }
  async listPasskeys(userId: string): Promise<PasskeyRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM passkeys WHERE user_id = $1 ORDER BY created_at, id', [userId]);
    return rows.map(pgPasskey);
  }
  async updatePasskeyCounter(userId: string, id: string, counter: number, now: number): Promise<boolean> {
    const changed = await this.rowCount(
      `UPDATE passkeys SET counter = $3, last_used_at = $4 WHERE user_id = $1 AND id = $2
       AND (counter < $3 OR (counter = 0 AND $3 = 0))`,
      [userId, id, counter, now],
    );
    return changed === 1;
  }
  async renamePasskey(userId: string, id: string, name: string): Promise<PasskeyRecord | undefined> {
    const { rows } = await this.pool.query('UPDATE passkeys SET name = $3 WHERE user_id = $1 AND id = $2 RETURNING *', [userId, id, name]);
    return rows[0] && pgPasskey(rows[0]);
  }
  async deletePasskey(userId: string, id: string, keepLastFactor = false): Promise<boolean> {
    return this.forUser(userId, async (client) => {
      if (keepLastFactor && (await factorCount(client, userId)) <= 1) return false;
      return (await client.query('DELETE FROM passkeys WHERE user_id = $1 AND id = $2', [userId, id])).rowCount === 1;
    });
  }

  async insertChallenge(c: ChallengeRecord, limits: ChallengeLimits): Promise<void> {
    // Under the user's lock, so two instances issuing at once cannot both keep the cap's last slot.
    await this.forUser(c.userId, async (client) => {
      await client.query('DELETE FROM webauthn_challenges WHERE user_id = $1 AND expires_at <= $2', [c.userId, limits.now]);
      await client.query(
        `INSERT INTO webauthn_challenges (challenge, user_id, purpose, nonce, mfa_action, payload_digest, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [c.challenge, c.userId, c.purpose, c.nonce, c.mfaAction, c.payloadDigest, c.expiresAt],
      );
      await client.query(
        `DELETE FROM webauthn_challenges WHERE user_id = $1 AND seq NOT IN
           (SELECT seq FROM webauthn_challenges WHERE user_id = $1 ORDER BY seq DESC LIMIT $2)`,
        [c.userId, Math.max(1, limits.maxOutstanding)],
      );
    });
  }
  async consumeChallenge(userId: string, purpose: ChallengePurpose, challenge: string, now: number): Promise<ChallengeRecord | undefined> {
    const { rows } = await this.pool.query(
      `DELETE FROM webauthn_challenges WHERE challenge = $1 AND user_id = $2 AND purpose = $3 AND expires_at > $4 RETURNING *`,
      [challenge, userId, purpose, now],
    );
    return rows[0] && pgChallenge(rows[0]);
  }

  async issueRecoveryCodesIfNone(userId: string, codes: StoredRecoveryCode[], now: number): Promise<boolean> {
    return this.forUser(userId, async (client) => {
      await client.query('INSERT INTO mfa_users (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
      const claimed = await client.query(
        'UPDATE mfa_users SET recovery_issued = TRUE, recovery_acknowledged = FALSE WHERE user_id = $1 AND NOT recovery_issued',
        [userId],
      );
      if (claimed.rowCount !== 1) return false;
      await writeRecoveryCodes(client, userId, codes, now);
      return true;
    });
  }
  async replaceRecoveryCodes(userId: string, codes: StoredRecoveryCode[], now: number): Promise<void> {
    await this.forUser(userId, async (client) => {
      await client.query(
        `INSERT INTO mfa_users (user_id, recovery_issued) VALUES ($1, TRUE)
         ON CONFLICT (user_id) DO UPDATE SET recovery_issued = TRUE, recovery_acknowledged = FALSE`,
        [userId],
      );
      await writeRecoveryCodes(client, userId, codes, now);
    });
  }
  async findRecoveryCodes(userId: string, prefix: string): Promise<string[]> {
    const { rows } = await this.pool.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1 AND prefix = $2 AND used_at IS NULL', [userId, prefix]);
    return rows.map((row) => row.code_hash as string);
  }
  async consumeRecoveryCode(userId: string, codeHash: string, now: number): Promise<boolean> {
    const changed = await this.rowCount('UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL', [
      userId,
      codeHash,
      now,
    ]);
    return changed === 1;
  }
  async deleteRecoveryCodes(userId: string): Promise<void> {
    await this.forUser(userId, async (client) => {
      await client.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
      await client.query('UPDATE mfa_users SET recovery_issued = FALSE, recovery_acknowledged = FALSE WHERE user_id = $1', [userId]);
    });
  }
  async getRecoveryCodeState(userId: string): Promise<RecoveryCodeState> {
    const { rows } = await this.pool.query(
      `SELECT (SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL)::int AS remaining,
              COALESCE((SELECT recovery_acknowledged FROM mfa_users WHERE user_id = $1), FALSE) AS acknowledged`,
      [userId],
    );
    return { remaining: pgNumber(rows[0]!.remaining), acknowledged: rows[0]!.acknowledged === true };
  }
  async acknowledgeRecoveryCodes(userId: string): Promise<void> {
    await this.pool.query('UPDATE mfa_users SET recovery_acknowledged = TRUE WHERE user_id = $1', [userId]);
  }

  async reserveAttempt(userId: string, now: number, policy: LockoutPolicy): Promise<AttemptReservation> {
    // The count moves under the row lock, so failures spread over several instances add up
    // exactly. Failures accumulate across locks: every `maxFailures`-th locks, each lock twice
    // the last (capped), and from `permanentAfter` on nothing is reserved any more.
    await this.pool.query('INSERT INTO mfa_users (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
    const { maxFailures, lockMs, maxLockMs, permanentAfter } = policy;
    const { rows } = await this.pool.query(
      `UPDATE mfa_users SET
         failures = failures + 1,
         locked_until = CASE
           WHEN failures + 1 < $5 AND (failures + 1) % $3 = 0
           THEN $2::bigint + LEAST($4::bigint * (1::bigint << LEAST((failures + 1) / $3 - 1, 30)), $6::bigint)
           ELSE NULL END
       WHERE user_id = $1 AND (locked_until IS NULL OR locked_until <= $2) AND failures < $5
       RETURNING failures, locked_until`,
      [userId, now, maxFailures, lockMs, permanentAfter, maxLockMs],
    );
    if (rows[0]) return { allowed: true, failures: pgNumber(rows[0].failures), lockedUntil: pgNumberOrNull(rows[0].locked_until) };
    const user = (await this.pool.query('SELECT failures, locked_until FROM mfa_users WHERE user_id = $1', [userId])).rows[0]!;
    return { allowed: false, failures: pgNumber(user.failures), lockedUntil: pgNumberOrNull(user.locked_until) };
  }
  async resetAttempts(userId: string): Promise<void> {
    await this.pool.query('UPDATE mfa_users SET failures = 0, locked_until = NULL WHERE user_id = $1', [userId]);
  }

  async insertMfaToken(t: MfaTokenRecord): Promise<void> {
    await this.pool.query('INSERT INTO mfa_tokens (token_hash, user_id, session_id, single_use, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      t.tokenHash,
      t.userId,
      t.sessionId,
      t.singleUse,
      t.expiresAt,
    ]);
  }
  async consumeMfaToken(tokenHash: string, userId: string, sessionId: string, now: number, consume: boolean): Promise<boolean> {
    const changed = await this.rowCount(
      `UPDATE mfa_tokens SET consumed_at = CASE WHEN single_use OR $5 THEN $4 ELSE consumed_at END
       WHERE token_hash = $1 AND user_id = $2 AND session_id = $3 AND expires_at > $4 AND consumed_at IS NULL`,
      [tokenHash, userId, sessionId, now, consume],
    );
    return changed === 1;
  }
  async useJti(jti: string, expiresAt: number, now: number): Promise<boolean> {
    const changed = await this.rowCount('INSERT INTO used_jtis (jti, expires_at, used_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [jti, expiresAt, now]);
    return changed === 1;
  }

  async claimIdempotencyKey(scope: string, key: string, bodyDigest: string, now: number): Promise<IdempotencyRecord | undefined> {
    const claimed = await this.rowCount('INSERT INTO idempotency_keys (scope, key, body_digest, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      scope,
      key,
      bodyDigest,
      now,
    ]);
    if (claimed === 1) return undefined;
    const { rows } = await this.pool.query(
      'SELECT body_digest, status, response_sealed, proof_expires_at FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    // Released between our INSERT and this read: report it as still in progress.
    if (!row) return { bodyDigest, status: null, responseSealed: null, proofExpiresAt: null };
    return {
      bodyDigest: row.body_digest as string,
      status: pgNumberOrNull(row.status),
      responseSealed: (row.response_sealed as string | null) ?? null,
      proofExpiresAt: pgNumberOrNull(row.proof_expires_at),
    };
  }
  async completeIdempotencyKey(scope: string, key: string, status: number, responseSealed: string, proofExpiresAt: number | null): Promise<void> {
    await this.pool.query('UPDATE idempotency_keys SET status = $3, response_sealed = $4, proof_expires_at = $5 WHERE scope = $1 AND key = $2', [
      scope,
      key,
      status,
      responseSealed,
      proofExpiresAt,
    ]);
  }
  async releaseIdempotencyKey(scope: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL', [scope, key]);
  }

  async insertSecurityEvent(e: SecurityEventRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO security_events (id, user_id, session_id, type, at, ip_address, user_agent, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.id, e.userId, e.sessionId, e.type, e.at, e.ipAddress, e.userAgent, e.details],
    );
  }
  async listSecurityEvents(userId: string, limit: number): Promise<SecurityEventRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM security_events WHERE user_id = $1 ORDER BY at DESC, seq DESC LIMIT $2', [userId, limit]);
    return rows.map((row) => ({
      id: row.id as string,
      userId: row.user_id as string,
      sessionId: row.session_id as string,
      type: row.type as string,
      at: pgNumber(row.at),
      ipAddress: (row.ip_address as string | null) ?? null,
      userAgent: (row.user_agent as string | null) ?? null,
      details: row.details as string,
    }));
  }

  async purgeExpired(now: number): Promise<void> {
    await this.pool.query('DELETE FROM webauthn_challenges WHERE expires_at <= $1', [now]);
    await this.pool.query('DELETE FROM used_jtis WHERE expires_at <= $1', [now]);
    await this.pool.query('DELETE FROM mfa_tokens WHERE expires_at <= $1', [now]);
    await this.pool.query('DELETE FROM idempotency_keys WHERE created_at <= $1', [now - IDEMPOTENCY_RECORD_TTL_MS]);
  }

  async loadOrCreateSharedKey(name: string, value: string): Promise<string> {
    // The first instance's INSERT wins; everyone (the winner included) then reads the winner.
    await this.pool.query('INSERT INTO mfa_shared_keys (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [name, value, Date.now()]);
    const { rows } = await this.pool.query('SELECT value FROM mfa_shared_keys WHERE name = $1', [name]);
    return rows[0]!.value as string;
  }

  async readSharedKey(name: string): Promise<string | undefined> {
    const { rows } = await this.pool.query('SELECT value FROM mfa_shared_keys WHERE name = $1', [name]);
    return rows[0]?.value as string | undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }
}

async function factorCount(client: PgPoolClient, userId: string): Promise<number> {
  const { rows } = await client.query(
    `SELECT (SELECT COUNT(*) FROM totp_devices WHERE user_id = $1 AND verified_at IS NOT NULL)
          + (SELECT COUNT(*) FROM passkeys WHERE user_id = $1) AS n`,
    [userId],
  );
  return pgNumber(rows[0]!.n);
}

async function isVerifiedDevice(client: PgPoolClient, userId: string, id: string): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM totp_devices WHERE user_id = $1 AND id = $2 AND verified_at IS NOT NULL', [userId, id]);
  return rows.length > 0;
}

async function writeRecoveryCodes(client: PgPoolClient, userId: string, codes: StoredRecoveryCode[], now: number): Promise<void> {
  await client.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  await client.query(
    `INSERT INTO recovery_codes (user_id, code_hash, prefix, created_at)
     SELECT $1, hash, prefix, $4 FROM unnest($2::text[], $3::text[]) AS code(hash, prefix)`,
    [userId, codes.map((code) => code.codeHash), codes.map((code) => code.prefix), now],
  );
}
