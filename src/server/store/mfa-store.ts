/**
 * The storage seam. Every method that *consumes* something (a TOTP step, a
 * challenge, a recovery code, a token, a jti) is one conditional statement in each
 * implementation, never a read followed by a write, so concurrent redemptions of one secret
 * succeed exactly once, across processes too when they share a database. Times are epoch
 * milliseconds. Methods are async so that a networked database (PostgreSQL) fits behind the
 * same seam; the embedded SQLite store answers with already-settled promises.
 */

export interface TotpDeviceRecord {
  id: string;
  userId: string;
  /** AES-256-GCM sealed base32 secret (see crypto/secret-box.ts). */
  secretSealed: string;
  createdAt: number;
  verifiedAt: number | null;
  isDefault: boolean;
  lastStep: number | null;
  lastUsedAt: number | null;
}

export interface PasskeyRecord {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export type ChallengePurpose = 'registration' | 'authentication';

/** What `insertChallenge` keeps: live challenges only, at most `maxOutstanding` per user. */
export interface ChallengeLimits {
  now: number;
  maxOutstanding: number;
}

export interface ChallengeRecord {
  challenge: string;
  userId: string;
  purpose: ChallengePurpose;
  /** docs/architecture.md §10: the random part the challenge was derived from, when action-bound. */
  nonce: string | null;
  mfaAction: string | null;
  payloadDigest: string | null;
  expiresAt: number;
}

export interface MfaTokenRecord {
  tokenHash: string;
  userId: string;
  sessionId: string;
  singleUse: boolean;
  expiresAt: number;
}

export interface AttemptReservation {
  /** False when the user is locked out; then `lockedUntil` says until when. */
  allowed: boolean;
  failures: number;
  lockedUntil: number | null;
}

/** One TOTP attempt (`attemptTotpStep`): the reservation, and whether the step was accepted. */
export interface TotpAttemptResult extends AttemptReservation {
  /** The step was later than the device's last one and is now its last; the failure count is cleared (0, no lock). */
  accepted: boolean;
  /**
   * The store wrote the attempt's `granted` event in the same transaction. A store that leaves
   * this out (one written before the event was passed) has the server write the event itself.
   */
  grantedRecorded?: boolean;
}

/** docs/architecture.md §8: how failed code attempts lock a user out. */
export interface LockoutPolicy {
  /** Every this-many consecutive failures lock the user. */
  maxFailures: number;
  /** The first lock; each later one is twice the one before… */
  lockMs: number;
  /** …up to this. */
  maxLockMs: number;
  /** At this many consecutive failures, codes are refused until a passkey or an operator resets the count. */
  permanentAfter: number;
}

/** One recovery code at rest: its clear, non-secret prefix and its salted scrypt seal. */
export interface StoredRecoveryCode {
  prefix: string;
  codeHash: string;
}

export interface RecoveryCodeState {
  remaining: number;
  acknowledged: boolean;
}

export interface IdempotencyRecord {
  bodyDigest: string;
  /** null while the first request is still running. */
  status: number | null;
  responseSealed: string | null;
  /** When the step-up proof that earned the answer expires; null when it was earned with none. */
  proofExpiresAt: number | null;
}

/** One row of the audit table; `details` is the wire `SecurityEventDetails` as JSON. */
export interface SecurityEventRecord {
  id: string;
  userId: string;
  sessionId: string;
  type: string;
  at: number;
  ipAddress: string | null;
  userAgent: string | null;
  details: string;
}

export interface MfaStore {
  // TOTP devices
  insertTotpDevice(device: TotpDeviceRecord): Promise<void>;
  /** Removes the user's devices that were never verified (one pending enrollment at a time). */
  deleteUnverifiedTotpDevices(userId: string): Promise<void>;
  getTotpDevice(userId: string, id: string): Promise<TotpDeviceRecord | undefined>;
  listTotpDevices(userId: string): Promise<TotpDeviceRecord[]>;
  /**
   * RFC 6238 §5.2 replay rule: accepts `step` only if it is later than the last accepted one,
   * and marks the device verified. One conditional UPDATE; true when this call won.
   */
  acceptTotpStep(userId: string, id: string, step: number, now: number): Promise<boolean>;
  /**
   * A whole TOTP attempt as one write transaction (one round trip to a networked database):
   * `reserveAttempt`; then, only when that allowed it and the code matched a `step`,
   * `acceptTotpStep`; then, only when that accepted it, `resetAttempts` and, when given,
   * `insertSecurityEvent(granted)` (the `step_up_granted` event of the tokens the accepted
   * code earns). A locked-out user never has a step accepted, each part keeps its own
   * single-use guarantee, and no accepted step goes without its event.
   */
  attemptTotpStep(
    userId: string,
    id: string,
    step: number | null,
    now: number,
    policy: LockoutPolicy,
    granted?: SecurityEventRecord,
  ): Promise<TotpAttemptResult>;
  /** Makes `id` the default when the user has no default device yet. */
  setDefaultTotpDeviceIfNone(userId: string, id: string): Promise<void>;
  /** Makes `id` (a verified device) the only default; false when there is no such device. */
  setDefaultTotpDevice(userId: string, id: string): Promise<boolean>;
  /**
   * Deletes a device; promotes the oldest verified device when the default goes. With
   * `keepLastFactor`, deletes a verified device only while the user keeps another factor
   * (verified device or passkey), atomically, so two removals at once never leave none.
   */
  deleteTotpDevice(userId: string, id: string, keepLastFactor?: boolean): Promise<boolean>;

  /** Whether the user has a verified TOTP device or a passkey (recovery codes alone are not a factor): one `SELECT EXISTS`. */
  hasAnyFactor(userId: string): Promise<boolean>;

  // Passkeys
  insertPasskey(passkey: PasskeyRecord): Promise<boolean>;
  getPasskeyByCredentialId(userId: string, credentialId: string): Promise<PasskeyRecord | undefined>;
  listPasskeys(userId: string): Promise<PasskeyRecord[]>;
  /** Stores the new signature counter only if it moved forward (or both are 0). */
  updatePasskeyCounter(userId: string, id: string, newCounter: number, now: number): Promise<boolean>;
  renamePasskey(userId: string, id: string, name: string): Promise<PasskeyRecord | undefined>;
  /** Deletes a passkey; `keepLastFactor` as for `deleteTotpDevice`. */
  deletePasskey(userId: string, id: string, keepLastFactor?: boolean): Promise<boolean>;

  // WebAuthn challenges
  /**
   * Stores a challenge and, in the same transaction, deletes this user's expired challenges
   * and then their oldest beyond `limits.maxOutstanding` (the new one is always kept), so a
   * user's outstanding challenges never exceed the cap however many are requested.
   */
  insertChallenge(challenge: ChallengeRecord, limits: ChallengeLimits): Promise<void>;
  /** Deletes and returns a live challenge bound to this user and purpose: single use. */
  consumeChallenge(userId: string, purpose: ChallengePurpose, challenge: string, now: number): Promise<ChallengeRecord | undefined>;

  // Recovery codes
  /** Issues a first set only if the user has none (true when this call issued it). */
  issueRecoveryCodesIfNone(userId: string, codes: StoredRecoveryCode[], now: number): Promise<boolean>;
  replaceRecoveryCodes(userId: string, codes: StoredRecoveryCode[], now: number): Promise<void>;
  /** The sealed values of the user's unused codes that start with `prefix` (a set never repeats one). */
  findRecoveryCodes(userId: string, prefix: string): Promise<string[]>;
  consumeRecoveryCode(userId: string, codeHash: string, now: number): Promise<boolean>;
  deleteRecoveryCodes(userId: string): Promise<void>;
  getRecoveryCodeState(userId: string): Promise<RecoveryCodeState>;
  acknowledgeRecoveryCodes(userId: string): Promise<void>;

  // Lockout (docs/architecture.md §8)
  /**
   * Counts an attempt as a failure up front (a success clears it), so concurrent guesses
   * can never exceed the limit. Failures accumulate across locks: each multiple of
   * `maxFailures` locks for `lockMs · 2^(n−1)` (n-th lock, at most `maxLockMs`); from
   * `permanentAfter` failures on nothing is allowed until `resetAttempts`. One conditional UPDATE.
   */
  reserveAttempt(userId: string, now: number, policy: LockoutPolicy): Promise<AttemptReservation>;
  /** Clears the failure count and any lock (a success, or an operator's reset). */
  resetAttempts(userId: string): Promise<void>;

  // Tokens
  insertMfaToken(token: MfaTokenRecord): Promise<void>;
  /**
   * Redeems a legacy token bound to this user and session; single-use ones only once. With
   * `consume`, the redemption spends the token even when it was issued multi-use.
   */
  consumeMfaToken(tokenHash: string, userId: string, sessionId: string, now: number, consume: boolean): Promise<boolean>;
  /** Records a single-use elevated token's jti; false when it was already used. */
  useJti(jti: string, expiresAt: number, now: number): Promise<boolean>;

  // Idempotency-Key
  /** Claims the key for a first run; returns the existing record when it was already claimed. */
  claimIdempotencyKey(scope: string, key: string, bodyDigest: string, now: number): Promise<IdempotencyRecord | undefined>;
  completeIdempotencyKey(scope: string, key: string, status: number, responseSealed: string, proofExpiresAt: number | null): Promise<void>;
  releaseIdempotencyKey(scope: string, key: string): Promise<void>;

  // Security events (audit)
  insertSecurityEvent(event: SecurityEventRecord): Promise<void>;
  /** The user's most recent events, newest first. */
  listSecurityEvents(userId: string, limit: number): Promise<SecurityEventRecord[]>;

  /** Deletes what can no longer matter: expired challenges, tokens and jtis; idempotency records older than a day. */
  purgeExpired(now: number): Promise<void>;

  /**
   * Keys that every process on this store must hold alike (the token signing key, the
   * at-rest encryption key). A store shared between processes implements it: it returns the
   * value kept under `name`, keeping `value` first when there is none, so the first process
   * to start decides and every other one reads the same. Without it, keys are files in
   * `dataDir`.
   */
  loadOrCreateSharedKey?(name: string, value: string): Promise<string>;
  /** The shared key kept under `name`, if any (implemented with `loadOrCreateSharedKey`). */
  readSharedKey?(name: string): Promise<string | undefined>;

  close(): Promise<void>;
}
