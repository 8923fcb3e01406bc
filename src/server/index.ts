/** `mfa-kit/server`: the reference server, its guards and its storage seam. */
export { createMfaServer, type MfaServer } from './create-mfa-server.js';
export { startMfaServer, type RunningMfaServer, type StartMfaServerOptions } from './start-mfa-server.js';
export type { MfaServerOptions, MfaPrincipal, MfaActionPolicy, MfaRequirement } from './options.js';
export type { MfaEnv, MfaServerContext } from './context.js';
export { requireElevatedAccess, type RequireElevatedAccessOptions } from './guards/require-elevated-access.js';
export {
  verifyElevatedAccessToken,
  ElevatedAccessError,
  type VerifyElevatedAccessTokenOptions,
} from './guards/verify-elevated-access-token.js';
export type { ElevatedAccessClaims, ActionAuthorizationDetail, Amr } from './tokens/elevated-token.js';
export type * from './store/mfa-store.js';
export { SqliteMfaStore } from './store/sqlite-store.js';
export { MfaHttpError } from './http/mfa-http-error.js';
