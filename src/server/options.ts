import type { JWK } from 'jose';
import type { MFAAction } from '../protocol/index.js';
import type { MfaLogger } from './http/error-handler.js';
import type { MfaStore } from './store/mfa-store.js';
import type { ClientInfo, SecurityEventNotice } from './security-events.js';
import type { PgPool } from './store/pg-driver.js';

/** Who is calling: the app's own user and session, resolved from the request. */
export interface MfaPrincipal {
  userId: string;
  sessionId: string;
  /** Shown in authenticator apps beside the issuer. @default userId */
  accountName?: string;
}

/**
 * When an action needs MFA (docs/architecture.md §7). `'when-enrolled'`: once the user has a verified
 * method; `'always'`: even before (the user must enroll first); `'never'`: not at all.
 */
export type MfaRequirement = 'when-enrolled' | 'always' | 'never';

export interface MfaActionPolicy {
  /** @default 'when-enrolled' (or 'always' under `requireEnrollment`) */
  required?: MfaRequirement;
  /** Whether an elevated token for this action is consumed by its first use. @default true for wallet actions, false otherwise */
  singleUse?: boolean;
  /** Lifetime of an elevated token for this action. @default 300 for wallet actions, 600 otherwise */
  ttlSeconds?: number;
}

export interface MfaServerOptions {
  /**
   * Resolves the app's user session from a request; `null` answers 401 `unauthenticated`.
   * Required: the kit has no sessions of its own.
   */
  authenticate?: (request: Request) => MfaPrincipal | null | Promise<MfaPrincipal | null>;
  /** WebAuthn relying-party ID: the site's registrable domain. @default 'localhost' */
  rpId?: string;
  /** Shown by authenticators, and the TOTP issuer in the otpauth URI. @default 'mfa-kit' */
  rpName?: string;
  /** Origins a WebAuthn ceremony may come from. @default [`https://${rpId}`] */
  expectedOrigins?: string[];
  /**
   * Top-level origins that may embed a ceremony in a cross-origin iframe (WebAuthn L3
   * `topOrigin`). Client data with `crossOrigin: true` is refused unless its `topOrigin` is
   * one of these. @default [] (no cross-origin ceremonies)
   */
  expectedTopOrigins?: string[];
  /**
   * `iss` of elevated tokens: a resource server checks it (`verifyElevatedAccessToken`).
   * @default the first of `expectedOrigins` (the deployment's origin)
   */
  issuer?: string;
  /** `aud` of elevated tokens. @default the first of `expectedOrigins` (the deployment's origin) */
  audience?: string;
  /** Per-action policy; unspecified fields keep their defaults. @default {} */
  policy?: Partial<Record<MFAAction, MfaActionPolicy>>;
  /** Require MFA for every action even before the user enrolled (`required: 'always'` for all). @default false */
  requireEnrollment?: boolean;
  /**
   * Failed codes (TOTP and recovery, per user, consecutive): every `maxFailures` lock, the
   * first for `lockSeconds`, each later one twice as long up to `maxLockSeconds`; at
   * `permanentAfter` codes are refused until a passkey succeeds or `resetLockout(userId)`.
   * @default { maxFailures: 5, lockSeconds: 300, maxLockSeconds: 86400, permanentAfter: 100 }
   */
  lockout?: { maxFailures?: number; lockSeconds?: number; maxLockSeconds?: number; permanentAfter?: number };
  /**
   * Folder for the SQLite file and the keys made on first start.
   * @default './mfa-data' in the working directory (none when `databasePath` is ':memory:')
   */
  dataDir?: string;
  /** SQLite file, or ':memory:'. @default `${dataDir}/mfa.sqlite` */
  databasePath?: string;
  /**
   * PostgreSQL instead of SQLite (`postgres://user:password@host:port/database`, needs the
   * `pg` package). Every instance on one database shares all state, and the signing and
   * encryption keys too (kept in the database unless `signingKey` / `encryptionKey` are
   * given). The schema is created or upgraded at start.
   * @default undefined (SQLite under `dataDir`)
   */
  databaseUrl?: string;
  /** A node-postgres `Pool` the app already has, instead of `databaseUrl`; the server never ends it. @default undefined */
  databasePool?: PgPool;
  /** A ready store instead of SQLite under `dataDir`. The server closes it on `close()`. */
  store?: MfaStore;
  /** Private EC P-256 JWK that signs elevated tokens. @default made on first start, kept in dataDir */
  signingKey?: JWK;
  /**
   * Keys `signingKey` replaced (public or private JWKs): still published and accepted, never
   * used to sign. To rotate, move the old key here and set a new `signingKey`; drop it once
   * the longest `ttlSeconds` in the policy (10 minutes by default) has passed. Never list a
   * key that leaked: drop it. @default []
   */
  retiredSigningKeys?: JWK[];
  /** 32-byte AES-256-GCM key (or its base64) for secrets at rest. @default made on first start, kept in dataDir */
  encryptionKey?: Uint8Array | string;
  /** Clock seam (epoch ms) for tests. @default Date.now */
  now?: () => number;
  /** Accept and issue the deprecated single-use MFA token (`X-Mfa-Token`). @default true */
  allowLegacyMfaToken?: boolean;
  /**
   * Let a user remove their only MFA factor (which turns MFA off for them). Off, replacing a
   * factor means adding the new one first. @default false
   */
  allowRemovingLastFactor?: boolean;
  /** Origins allowed to call cross-origin (CORS). @default [] (same origin only) */
  corsOrigins?: string[];
  /**
   * Called after each security event is recorded (a factor added, renamed or removed; recovery
   * codes issued, regenerated or used; a lockout; a step-up granted; a bound token refused),
   * e.g. to e-mail "a passkey was added to your account". Its failure is logged, not raised.
   */
  onSecurityEvent?: (event: SecurityEventNotice) => void | Promise<void>;
  /**
   * The client's address and user agent for security events.
   * @default the first `X-Forwarded-For` hop and `User-Agent` (set it when you know your proxies)
   */
  getClientInfo?: (request: Request) => ClientInfo | Promise<ClientInfo>;
  /** Where internal errors are reported; never given secrets. @default console.error */
  logger?: MfaLogger;
}
