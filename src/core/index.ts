/**
 * `mfa-kit`: the framework-free client core (DESIGN.md §4, §5). No React here, so plain ESM
 * with no "use client"; `mfa-kit/react` re-exports all of this.
 */
// The wire contract: enums (MFAAction, TokenScope, MfaMethod), error codes, wire types, routes.
export * from '../protocol/index.js';
export * from './errors.js';
export type { MfaApi, MfaCallOptions } from './mfa-api.js';
export type * from './prompt-state.js';

export { createMfaClient, DEFAULT_TIMEOUT_MS, type CreateMfaClientOptions } from './create-mfa-client.js';
export { toMfaError, parseRetryAfterSeconds, DEFAULT_RETRY_AFTER_SECONDS } from './to-mfa-error.js';
export { parseBearerChallenge, parseStepUpChallenge, type StepUpChallenge } from './parse-step-up-challenge.js';
export {
  createTokenStore,
  type CreateTokenStoreOptions,
  type FindCoveringOptions,
  type SaveElevatedTokenOptions,
  type StoredElevatedToken,
  type TokenStore,
} from './token-store.js';

export {
  createPromptController,
  DEFAULT_SUCCESS_DELAY_MS,
  type CreatePromptControllerOptions,
  type PromptController,
} from './prompt-controller.js';
export type { PromptMfaAuthParams } from './normalize-prompt-request.js';
export type { VerifyMethod } from './available-methods.js';
export { simpleWebAuthnSeam, type WebAuthnSeam } from './webauthn-seam.js';
export { classifyPasskeyError, type PasskeyErrorKind } from './passkey-error.js';

export { mountController, getMountedController, promptMfaAuth, getElevatedAccessToken, getMfaToken } from './mounted-provider.js';
export { isMfaRequiredForAction } from './is-mfa-required.js';
export { withStepUp, readStepUpChallenge, type ChallengedRequest, type WithStepUpOptions } from './step-up-fetch.js';
export { fetchWithElevatedAccess, type FetchWithElevatedAccessOptions } from './fetch-with-elevated-access.js';
