/**
 * `mfa-kit/server`: the reference server, its guards and its storage seam, for Node. It
 * carries the enums and error codes itself, so server code never loads the browser client.
 * Every name is listed; what is not here is internal.
 */
export { MFAAction, TokenScope, MfaMethod, ACTION_SCOPE } from '../protocol/enums.js';
export { ERROR_STATUS, type ServerErrorCode, type ErrorBody } from '../protocol/errors.js';
export { ELEVATED_ACCESS_TOKEN_HEADER, MFA_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER, JWKS_PATH } from '../protocol/http.js';
export { payloadDigest } from '../protocol/payload-digest.js';

export { createMfaServer, type MfaServer } from './create-mfa-server.js';
export { startMfaServer, serveMfaServer, DEFAULT_PORT, type ListenOptions, type RunningMfaServer, type StartMfaServerOptions } from './start-mfa-server.js';
export type { MfaServerOptions, MfaPrincipal, MfaActionPolicy, MfaRequirement } from './options.js';
export type { MfaEnv, MfaServerContext, ResolvedMfaConfig } from './context.js';
export type { SecretBox } from './crypto/secret-box.js';
export type { SigningKeys } from './tokens/signing-keys.js';
export type { MfaLogger } from './http/error-handler.js';
export type { ClientInfo, SecurityEventNotice } from './security-events.js';
export type { SecurityEvent, SecurityEventType, SecurityEventDetails, SecurityEventsResponse } from '../protocol/wire.js';

// Guarding the app's own routes (mounted on `server.app`).
export { requireElevatedAccess, assertElevatedAccess, type RequireElevatedAccessOptions } from './guards/require-elevated-access.js';
export { verifyElevatedAccessToken, ElevatedAccessError, type VerifyElevatedAccessTokenOptions } from './guards/verify-elevated-access-token.js';
export type { ElevatedAccessClaims, ActionAuthorizationDetail, CredentialAuthorizationDetail, Amr } from './tokens/elevated-token.js';
export { requireSession, getPrincipal } from './http/require-session.js';
export { readJsonBody, type JsonObject } from './http/read-json-body.js';
export { idempotent } from './http/idempotency.js';
export { MfaHttpError, type MfaErrorExtras } from './http/mfa-http-error.js';

// Storage.
export type {
  MfaStore,
  TotpDeviceRecord,
  PasskeyRecord,
  ChallengePurpose,
  ChallengeLimits,
  ChallengeRecord,
  MfaTokenRecord,
  AttemptReservation,
  TotpAttemptResult,
  LockoutPolicy,
  RecoveryCodeState,
  IdempotencyRecord,
  StoredRecoveryCode,
  SecurityEventRecord,
} from './store/mfa-store.js';
export { SqliteMfaStore } from './store/sqlite-store.js';
export { PostgresMfaStore, type PostgresMfaStoreOptions } from './store/postgres-store.js';
export type { PgPool, PgPoolClient, PgQueryResult } from './store/pg-driver.js';
export type { SqliteDatabase, SqliteStatement } from './store/sqlite-driver.js';
