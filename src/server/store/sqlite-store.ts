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
import { migrate } from './migrations.js';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-driver.js';
import { toPasskey, toSecurityEvent, toTotpDevice, type Row } from './sqlite-rows.js';

function prepareStatements(db: SqliteDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertTotp: p(`INSERT INTO totp_devices (id, user_id, secret_sealed, created_at, verified_at, is_default, last_step, last_used_at)
      VALUES (@id, @userId, @secretSealed, @createdAt, @verifiedAt, @isDefault, @lastStep, @lastUsedAt)`),
    deleteUnverifiedTotp: p('DELETE FROM totp_devices WHERE user_id = ? AND verified_at IS NULL'),
    getTotp: p('SELECT * FROM totp_devices WHERE user_id = ? AND id = ?'),
    listTotp: p('SELECT * FROM totp_devices WHERE user_id = ? ORDER BY created_at, id'),
    acceptStep: p(`UPDATE totp_devices SET last_step = @step, last_used_at = @now, verified_at = COALESCE(verified_at, @now)
      WHERE user_id = @userId AND id = @id AND (last_step IS NULL OR last_step < @step)`),
    setDefaultIfNone: p(`UPDATE totp_devices SET is_default = 1 WHERE user_id = @userId AND id = @id AND verified_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM totp_devices WHERE user_id = @userId AND is_default = 1)`),
    setDefault: p(`UPDATE totp_devices SET is_default = (id = @id) WHERE user_id = @userId
      AND EXISTS (SELECT 1 FROM totp_devices WHERE user_id = @userId AND id = @id AND verified_at IS NOT NULL)`),
    deleteTotp: p('DELETE FROM totp_devices WHERE user_id = ? AND id = ?'),
    countFactors: p(`SELECT (SELECT COUNT(*) FROM totp_devices WHERE user_id = @userId AND verified_at IS NOT NULL)
      + (SELECT COUNT(*) FROM passkeys WHERE user_id = @userId) AS n`),
    hasAnyFactor: p(`SELECT EXISTS (SELECT 1 FROM totp_devices WHERE user_id = @userId AND verified_at IS NOT NULL)
      OR EXISTS (SELECT 1 FROM passkeys WHERE user_id = @userId) AS has`),
    isVerifiedTotp: p('SELECT 1 FROM totp_devices WHERE user_id = ? AND id = ? AND verified_at IS NOT NULL'),
    promoteDefault: p(`UPDATE totp_devices SET is_default = 1 WHERE id = (SELECT id FROM totp_devices WHERE user_id = @userId
      AND verified_at IS NOT NULL ORDER BY created_at, id LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM totp_devices WHERE user_id = @userId AND is_default = 1)`),
    insertPasskey: p(`INSERT OR IGNORE INTO passkeys (id, user_id, credential_id, public_key, counter, transports, name, created_at, last_used_at)
      VALUES (@id, @userId, @credentialId, @publicKey, @counter, @transports, @name, @createdAt, @lastUsedAt)`),
    getPasskeyByCredential: p('SELECT * FROM passkeys WHERE user_id = ? AND credential_id = ?'),
    listPasskeys: p('SELECT * FROM passkeys WHERE user_id = ? ORDER BY created_at, id'),
    updateCounter: p(`UPDATE passkeys SET counter = @counter, last_used_at = @now WHERE user_id = @userId AND id = @id
      AND (counter < @counter OR (counter = 0 AND @counter = 0))`),
    renamePasskey: p('UPDATE passkeys SET name = ? WHERE user_id = ? AND id = ? RETURNING *'),
    deletePasskey: p('DELETE FROM passkeys WHERE user_id = ? AND id = ?'),
    insertChallenge: p(`INSERT INTO webauthn_challenges (challenge, user_id, purpose, nonce, mfa_action, payload_digest, expires_at)
      VALUES (@challenge, @userId, @purpose, @nonce, @mfaAction, @payloadDigest, @expiresAt)`),
    purgeUserChallenges: p('DELETE FROM webauthn_challenges WHERE user_id = ? AND expires_at <= ?'),
    evictChallenges: p(`DELETE FROM webauthn_challenges WHERE user_id = @userId AND rowid NOT IN
      (SELECT rowid FROM webauthn_challenges WHERE user_id = @userId ORDER BY rowid DESC LIMIT @keep)`),
    consumeChallenge: p(`DELETE FROM webauthn_challenges WHERE challenge = @challenge AND user_id = @userId AND purpose = @purpose
      AND expires_at > @now RETURNING *`),
    insertEvent: p(`INSERT INTO security_events (id, user_id, session_id, type, at, ip_address, user_agent, details)
      VALUES (@id, @userId, @sessionId, @type, @at, @ipAddress, @userAgent, @details)`),
    listEvents: p('SELECT * FROM security_events WHERE user_id = ? ORDER BY at DESC, rowid DESC LIMIT ?'),
    purgeChallenges: p('DELETE FROM webauthn_challenges WHERE expires_at <= ?'),
    purgeJtis: p('DELETE FROM used_jtis WHERE expires_at <= ?'),
    purgeMfaTokens: p('DELETE FROM mfa_tokens WHERE expires_at <= ?'),
    purgeIdem: p('DELETE FROM idempotency_keys WHERE created_at <= ?'),
    ensureUser: p('INSERT OR IGNORE INTO mfa_users (user_id) VALUES (?)'),
    claimRecoveryIssue: p('UPDATE mfa_users SET recovery_issued = 1, recovery_acknowledged = 0 WHERE user_id = ? AND recovery_issued = 0'),
    markRecoveryIssued: p('UPDATE mfa_users SET recovery_issued = 1, recovery_acknowledged = 0 WHERE user_id = ?'),
    deleteRecovery: p('DELETE FROM recovery_codes WHERE user_id = ?'),
    insertRecovery: p('INSERT INTO recovery_codes (user_id, code_hash, prefix, created_at) VALUES (?, ?, ?, ?)'),
    findRecovery: p('SELECT code_hash FROM recovery_codes WHERE user_id = ? AND prefix = ? AND used_at IS NULL'),
    resetRecoveryIssued: p('UPDATE mfa_users SET recovery_issued = 0, recovery_acknowledged = 0 WHERE user_id = ?'),
    consumeRecovery: p('UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL'),
    recoveryRemaining: p('SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL'),
    getUser: p('SELECT * FROM mfa_users WHERE user_id = ?'),
    getLockout: p('SELECT failures, locked_until FROM mfa_users WHERE user_id = ?'),
    acknowledge: p('UPDATE mfa_users SET recovery_acknowledged = 1 WHERE user_id = ?'),
    // Failures accumulate across lock windows: every `max`-th failure locks, each lock twice
    // the last (capped), and at `permanent` failures nothing is reserved any more.
    reserveAttempt: p(`UPDATE mfa_users SET
        failures = failures + 1,
        locked_until = CASE
          WHEN failures + 1 < @permanent AND (failures + 1) % @max = 0
          THEN @now + MIN(@lockMs * (1 << MIN((failures + 1) / @max - 1, 30)), @maxLockMs)
          ELSE NULL END
      WHERE user_id = @userId AND (locked_until IS NULL OR locked_until <= @now) AND failures < @permanent
      RETURNING failures, locked_until`),
    resetAttempts: p('UPDATE mfa_users SET failures = 0, locked_until = NULL WHERE user_id = ?'),
    insertMfaToken: p(`INSERT INTO mfa_tokens (token_hash, user_id, session_id, single_use, expires_at)
      VALUES (@tokenHash, @userId, @sessionId, @singleUse, @expiresAt)`),
    consumeMfaToken: p(`UPDATE mfa_tokens SET consumed_at = CASE WHEN single_use = 1 OR @consume = 1 THEN @now ELSE consumed_at END
      WHERE token_hash = @tokenHash AND user_id = @userId AND session_id = @sessionId AND expires_at > @now AND consumed_at IS NULL`),
    useJti: p('INSERT OR IGNORE INTO used_jtis (jti, expires_at, used_at) VALUES (?, ?, ?)'),
    claimIdem: p(`INSERT OR IGNORE INTO idempotency_keys (scope, key, body_digest, created_at) VALUES (?, ?, ?, ?)`),
    getIdem: p('SELECT body_digest, status, response_sealed, proof_expires_at FROM idempotency_keys WHERE scope = ? AND key = ?'),
    completeIdem: p('UPDATE idempotency_keys SET status = ?, response_sealed = ?, proof_expires_at = ? WHERE scope = ? AND key = ?'),
    releaseIdem: p('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL'),
  };
}

/**
 * The embedded default store: one SQLite file (WAL) or `:memory:`. Statements are prepared
 * once; each consumption is a single conditional UPDATE/DELETE/INSERT whose change count (or
 * RETURNING row) says whether this caller won.
 */
export class SqliteMfaStore implements MfaStore {
  /** The connection, for an app that keeps its own tables in the same file. */
  readonly db: SqliteDatabase;
  private readonly stmt: ReturnType<typeof prepareStatements>;
  private readonly totpAttempt: (
    userId: string,
    id: string,
    step: number | null,
    now: number,
    policy: LockoutPolicy,
    granted: SecurityEventRecord | undefined,
  ) => TotpAttemptResult;

  constructor(path: string) {
    this.db = openSqliteDatabase(path);
    if (path !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL keeps every commit atomic and the file consistent after a crash;
      // it syncs at checkpoints rather than at every commit, so a power loss (not a process
      // crash) may undo the last commits. Set here rather than inherited from the build's
      // default, which differs between SQLite builds (docs/architecture.md §9).
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.stmt = prepareStatements(this.db);
    // One transaction, so one commit, for the writes of a TOTP attempt, its audit event included.
    // IMMEDIATE: it reads the lockout state before it writes, so it takes the write lock first.
    const attempt = this.db.transaction(
      (userId: string, id: string, step: number | null, now: number, policy: LockoutPolicy, granted: SecurityEventRecord | undefined) => {
        const accept = () => step !== null && this.stmt.acceptStep.run({ userId, id, step, now }).changes === 1;
        // The common case, a right code from a user with no failures counted and no lock, leaves
        // the user's row as it is (the count would go up and straight back to zero).
        if (step !== null && this.hasNothingCounted(userId) && accept()) return this.acceptedAttempt(granted);
        // Any other attempt is counted as a failure first, and cleared only if its step is accepted.
        const reservation = this.reserve(userId, now, policy);
        if (!reservation.allowed || !accept()) return { ...reservation, accepted: false };
        this.stmt.resetAttempts.run(userId);
        return this.acceptedAttempt(granted);
      },
    );
    this.totpAttempt = attempt.immediate;
  }

  private hasNothingCounted(userId: string): boolean {
    const user = this.stmt.getLockout.get(userId) as Row | undefined;
    return !user || (user.failures === 0 && user.locked_until === null);
  }

  /** An accepted step, with its audit event written in the same transaction when given. */
  private acceptedAttempt(granted: SecurityEventRecord | undefined): TotpAttemptResult {
    if (granted) this.stmt.insertEvent.run(granted);
    return { allowed: true, failures: 0, lockedUntil: null, accepted: true, ...(granted ? { grantedRecorded: true } : {}) };
  }

  async insertTotpDevice(d: TotpDeviceRecord): Promise<void> {
    this.stmt.insertTotp.run({ ...d, isDefault: d.isDefault ? 1 : 0 });
  }
  async deleteUnverifiedTotpDevices(userId: string): Promise<void> {
    this.stmt.deleteUnverifiedTotp.run(userId);
  }
  async getTotpDevice(userId: string, id: string): Promise<TotpDeviceRecord | undefined> {
    const row = this.stmt.getTotp.get(userId, id) as Row | undefined;
    return row && toTotpDevice(row);
  }
  async listTotpDevices(userId: string): Promise<TotpDeviceRecord[]> {
    return (this.stmt.listTotp.all(userId) as Row[]).map(toTotpDevice);
  }
  async acceptTotpStep(userId: string, id: string, step: number, now: number): Promise<boolean> {
    return this.stmt.acceptStep.run({ userId, id, step, now }).changes === 1;
  }
  async attemptTotpStep(
    userId: string,
    id: string,
    step: number | null,
    now: number,
    policy: LockoutPolicy,
    granted?: SecurityEventRecord,
  ): Promise<TotpAttemptResult> {
    return this.totpAttempt(userId, id, step, now, policy, granted);
  }
  async hasAnyFactor(userId: string): Promise<boolean> {
    return (this.stmt.hasAnyFactor.get({ userId }) as { has: number }).has === 1;
  }
  async setDefaultTotpDeviceIfNone(userId: string, id: string): Promise<void> {
    this.stmt.setDefaultIfNone.run({ userId, id });
  }
  async setDefaultTotpDevice(userId: string, id: string): Promise<boolean> {
    return this.stmt.setDefault.run({ userId, id }).changes > 0;
  }
  private factorCount(userId: string): number {
    return (this.stmt.countFactors.get({ userId }) as { n: number }).n;
  }
  async deleteTotpDevice(userId: string, id: string, keepLastFactor = false): Promise<boolean> {
    return this.db.transaction(() => {
      if (keepLastFactor && this.stmt.isVerifiedTotp.get(userId, id) && this.factorCount(userId) <= 1) return false;
      const deleted = this.stmt.deleteTotp.run(userId, id).changes === 1;
      if (deleted) this.stmt.promoteDefault.run({ userId });
      return deleted;
    })();
  }

  async insertPasskey(k: PasskeyRecord): Promise<boolean> {
    const row = { ...k, publicKey: Buffer.from(k.publicKey), transports: JSON.stringify(k.transports) };
    return this.stmt.insertPasskey.run(row).changes === 1;
  }
  async getPasskeyByCredentialId(userId: string, credentialId: string): Promise<PasskeyRecord | undefined> {
    const row = this.stmt.getPasskeyByCredential.get(userId, credentialId) as Row | undefined;
    return row && toPasskey(row);
  }
  async listPasskeys(userId: string): Promise<PasskeyRecord[]> {
    return (this.stmt.listPasskeys.all(userId) as Row[]).map(toPasskey);
  }
  async updatePasskeyCounter(userId: string, id: string, counter: number, now: number): Promise<boolean> {
    return this.stmt.updateCounter.run({ userId, id, counter, now }).changes === 1;
  }
  async renamePasskey(userId: string, id: string, name: string): Promise<PasskeyRecord | undefined> {
    const row = this.stmt.renamePasskey.get(name, userId, id) as Row | undefined;
    return row && toPasskey(row);
  }
  async deletePasskey(userId: string, id: string, keepLastFactor = false): Promise<boolean> {
    return this.db.transaction(() => {
      if (keepLastFactor && this.factorCount(userId) <= 1) return false;
      return this.stmt.deletePasskey.run(userId, id).changes === 1;
    })();
  }

  async insertChallenge(c: ChallengeRecord, limits: ChallengeLimits): Promise<void> {
    this.db.transaction(() => {
      this.stmt.purgeUserChallenges.run(c.userId, limits.now);
      this.stmt.insertChallenge.run(c);
      this.stmt.evictChallenges.run({ userId: c.userId, keep: Math.max(1, limits.maxOutstanding) });
    })();
  }
  async consumeChallenge(userId: string, purpose: ChallengePurpose, challenge: string, now: number): Promise<ChallengeRecord | undefined> {
    const row = this.stmt.consumeChallenge.get({ userId, purpose, challenge, now }) as Row | undefined;
    if (!row) return undefined;
    return {
      challenge: row.challenge as string,
      userId: row.user_id as string,
      purpose: row.purpose as ChallengePurpose,
      nonce: (row.nonce as string | null) ?? null,
      mfaAction: (row.mfa_action as string | null) ?? null,
      payloadDigest: (row.payload_digest as string | null) ?? null,
      expiresAt: row.expires_at as number,
    };
  }

  async issueRecoveryCodesIfNone(userId: string, codes: StoredRecoveryCode[], now: number): Promise<boolean> {
    return this.db.transaction(() => {
      this.stmt.ensureUser.run(userId);
      if (this.stmt.claimRecoveryIssue.run(userId).changes !== 1) return false;
      this.stmt.deleteRecovery.run(userId);
      for (const code of codes) this.stmt.insertRecovery.run(userId, code.codeHash, code.prefix, now);
      return true;
    })();
  }
  async replaceRecoveryCodes(userId: string, codes: StoredRecoveryCode[], now: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.ensureUser.run(userId);
      this.stmt.markRecoveryIssued.run(userId);
      this.stmt.deleteRecovery.run(userId);
      for (const code of codes) this.stmt.insertRecovery.run(userId, code.codeHash, code.prefix, now);
    })();
  }
  async findRecoveryCodes(userId: string, prefix: string): Promise<string[]> {
    return (this.stmt.findRecovery.all(userId, prefix) as Row[]).map((row) => row.code_hash as string);
  }
  async consumeRecoveryCode(userId: string, codeHash: string, now: number): Promise<boolean> {
    return this.stmt.consumeRecovery.run(now, userId, codeHash).changes === 1;
  }
  async deleteRecoveryCodes(userId: string): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteRecovery.run(userId);
      this.stmt.resetRecoveryIssued.run(userId);
    })();
  }
  async getRecoveryCodeState(userId: string): Promise<RecoveryCodeState> {
    const { n } = this.stmt.recoveryRemaining.get(userId) as { n: number };
    const user = this.stmt.getUser.get(userId) as Row | undefined;
    return { remaining: n, acknowledged: user?.recovery_acknowledged === 1 };
  }
  async acknowledgeRecoveryCodes(userId: string): Promise<void> {
    this.stmt.acknowledge.run(userId);
  }

  async reserveAttempt(userId: string, now: number, policy: LockoutPolicy): Promise<AttemptReservation> {
    return this.reserve(userId, now, policy);
  }
  private reserve(userId: string, now: number, policy: LockoutPolicy): AttemptReservation {
    this.stmt.ensureUser.run(userId);
    const { maxFailures: max, lockMs, maxLockMs, permanentAfter: permanent } = policy;
    const row = this.stmt.reserveAttempt.get({ userId, now, max, lockMs, maxLockMs, permanent }) as Row | undefined;
    if (row) return { allowed: true, failures: row.failures as number, lockedUntil: (row.locked_until as number | null) ?? null };
    const user = this.stmt.getUser.get(userId) as Row;
    return { allowed: false, failures: user.failures as number, lockedUntil: (user.locked_until as number | null) ?? null };
  }
  async resetAttempts(userId: string): Promise<void> {
    this.stmt.resetAttempts.run(userId);
  }

  async insertMfaToken(t: MfaTokenRecord): Promise<void> {
    this.stmt.insertMfaToken.run({ ...t, singleUse: t.singleUse ? 1 : 0 });
  }
  async consumeMfaToken(tokenHash: string, userId: string, sessionId: string, now: number, consume: boolean): Promise<boolean> {
    return this.stmt.consumeMfaToken.run({ tokenHash, userId, sessionId, now, consume: consume ? 1 : 0 }).changes === 1;
  }
  async useJti(jti: string, expiresAt: number, now: number): Promise<boolean> {
    return this.stmt.useJti.run(jti, expiresAt, now).changes === 1;
  }

  async claimIdempotencyKey(scope: string, key: string, bodyDigest: string, now: number): Promise<IdempotencyRecord | undefined> {
    if (this.stmt.claimIdem.run(scope, key, bodyDigest, now).changes === 1) return undefined;
    const row = this.stmt.getIdem.get(scope, key) as Row | undefined;
    // Released between our INSERT and this read: report it as still in progress.
    if (!row) return { bodyDigest, status: null, responseSealed: null, proofExpiresAt: null };
    return {
      bodyDigest: row.body_digest as string,
      status: (row.status as number | null) ?? null,
      responseSealed: (row.response_sealed as string | null) ?? null,
      proofExpiresAt: (row.proof_expires_at as number | null) ?? null,
    };
  }
  async completeIdempotencyKey(scope: string, key: string, status: number, responseSealed: string, proofExpiresAt: number | null): Promise<void> {
    this.stmt.completeIdem.run(status, responseSealed, proofExpiresAt, scope, key);
  }
  async releaseIdempotencyKey(scope: string, key: string): Promise<void> {
    this.stmt.releaseIdem.run(scope, key);
  }

  async insertSecurityEvent(event: SecurityEventRecord): Promise<void> {
    this.stmt.insertEvent.run(event);
  }
  async listSecurityEvents(userId: string, limit: number): Promise<SecurityEventRecord[]> {
    return (this.stmt.listEvents.all(userId, limit) as Row[]).map(toSecurityEvent);
  }

  async purgeExpired(now: number): Promise<void> {
    this.stmt.purgeChallenges.run(now);
    this.stmt.purgeJtis.run(now);
    this.stmt.purgeMfaTokens.run(now);
    this.stmt.purgeIdem.run(now - 24 * 60 * 60 * 1000);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
