/**
 * `mfa-kit`: the framework-free client core (DESIGN.md §4, §5). No React here; `mfa-kit/react`
 * re-exports all of this. Plain ESM, no "use client" needed.
 */
export * from '../protocol/index.js';
export * from './errors.js';
export type { MfaApi, MfaCallOptions } from './mfa-api.js';
export * from './prompt-state.js';
export { createMfaClient, DEFAULT_TIMEOUT_MS, type CreateMfaClientOptions } from './create-mfa-client.js';
export { toMfaError, parseRetryAfterSeconds } from './to-mfa-error.js';
export { parseStepUpChallenge, parseBearerChallenge, type StepUpChallenge } from './parse-step-up-challenge.js';
export {
  createTokenStore,
  type CreateTokenStoreOptions,
  type FindCoveringOptions,
  type SaveElevatedTokenOptions,
  type StoredElevatedToken,
  type TokenStore,
} from './token-store.js';
