/**
 * `mfa-kit`: the framework-free client core. No React here, so plain ESM with no
 * "use client"; `mfa-kit/react` re-exports all of it. Every name is listed: what is not here
 * is internal, and `test/public-api.test.ts` compares the list with `api/public-api.json`.
 */
export { MFAAction, TokenScope, MfaMethod, ACTION_SCOPE } from '../protocol/enums.js';
export { ELEVATED_ACCESS_TOKEN_HEADER, MFA_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER } from '../protocol/http.js';
export { payloadDigest } from '../protocol/payload-digest.js';
export type { MfaErrorCode, ServerErrorCode, ClientErrorCode, ErrorBody } from '../protocol/errors.js';
export type {
  ActionBinding,
  ElevatedAccessTokenGrant,
  IsoDateTime,
  MfaMethodsResponse,
  MfaTokenGrant,
  Passkey,
  TotpDevice,
  VerifyResponse,
  WebAuthnJson,
} from '../protocol/wire.js';

export { MfaError, MfaCancelledError, MfaInvalidCodeError, MfaRateLimitedError, NoWebAuthnSupportError, isMfaError, type MfaErrorOptions } from './errors.js';

export { promptMfaAuth, getElevatedAccessToken, getMfaToken } from './prompt/mounted-provider.js';
export type { PromptMfaAuthParams } from './prompt/normalize-prompt-request.js';
export { isMfaRequiredForAction } from './tokens/is-mfa-required.js';
export { withStepUp, type ChallengedRequest, type WithStepUpOptions } from './http/step-up-fetch.js';
export type { StepUpCheckResult, StepUpCredential } from './tokens/check-step-up-auth.js';
export { fetchWithElevatedAccess, type FetchWithElevatedAccessOptions } from './http/fetch-with-elevated-access.js';

// The parts, for a prompt UI that is not React: a client, a token store and the controller
// whose snapshot a view renders.
export { createMfaClient, type CreateMfaClientOptions } from './http/create-mfa-client.js';
export type { MfaApi, MfaCallOptions } from './http/mfa-api.js';
export {
  createTokenStore,
  type CreateTokenStoreOptions,
  type FindCoveringOptions,
  type SaveElevatedTokenOptions,
  type StoredElevatedToken,
  type TokenStore,
} from './tokens/token-store.js';
export { createPromptController, type CreatePromptControllerOptions, type PromptController } from './prompt/prompt-controller.js';
export { headlessCallsOf, type HeadlessCalls } from './prompt/headless-calls.js';
export type {
  MfaAvailableMethods,
  MfaCodeStatus,
  MfaEnrollmentState,
  MfaPasskeyStatus,
  MfaPromptActions,
  MfaPromptRequest,
  MfaPromptState,
  MfaPromptStep,
  MfaPromptStore,
} from './prompt/prompt-state.js';
export type { VerifyMethod } from './prompt/method-choice.js';
export type { WebAuthnSeam } from './passkey/webauthn-seam.js';
