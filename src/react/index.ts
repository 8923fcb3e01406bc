/**
 * `mfa-kit/react`: the provider, the modal and its parts, the hooks (Dynamic's names), and
 * every name of the core. Styles: `import 'mfa-kit/react/styles.css'`. Not a client module
 * itself, so a React Server Component can import the enums from here; each module it names
 * that runs React carries its own "use client".
 */
// The core, name by name (a client boundary cannot re-export with `export *`).
export {
  MFAAction,
  TokenScope,
  MfaMethod,
  ACTION_SCOPE,
  ELEVATED_ACCESS_TOKEN_HEADER,
  MFA_TOKEN_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  payloadDigest,
  MfaError,
  MfaCancelledError,
  MfaInvalidCodeError,
  MfaRateLimitedError,
  NoWebAuthnSupportError,
  isMfaError,
  promptMfaAuth,
  getElevatedAccessToken,
  getMfaToken,
  isMfaRequiredForAction,
  withStepUp,
  fetchWithElevatedAccess,
  createMfaClient,
  createTokenStore,
  createPromptController,
  headlessCallsOf,
} from '../core/index.js';
export type {
  MfaErrorCode,
  ServerErrorCode,
  ClientErrorCode,
  ErrorBody,
  ActionBinding,
  ElevatedAccessTokenGrant,
  IsoDateTime,
  MfaMethodsResponse,
  MfaTokenGrant,
  Passkey,
  TotpDevice,
  VerifyResponse,
  WebAuthnJson,
  MfaErrorOptions,
  PromptMfaAuthParams,
  ChallengedRequest,
  WithStepUpOptions,
  StepUpCheckResult,
  StepUpCredential,
  FetchWithElevatedAccessOptions,
  CreateMfaClientOptions,
  MfaApi,
  MfaCallOptions,
  CreateTokenStoreOptions,
  FindCoveringOptions,
  SaveElevatedTokenOptions,
  StoredElevatedToken,
  TokenStore,
  CreatePromptControllerOptions,
  PromptController,
  HeadlessCalls,
  MfaAvailableMethods,
  MfaCodeStatus,
  MfaEnrollmentState,
  MfaPasskeyStatus,
  MfaPromptActions,
  MfaPromptRequest,
  MfaPromptState,
  MfaPromptStep,
  MfaPromptStore,
  VerifyMethod,
  WebAuthnSeam,
} from '../core/index.js';

export { MfaProvider, type MfaProviderProps } from './mfa-provider.js';
export { useMfaPromptState } from './use-mfa-prompt-state.js';
export type { MfaTheme } from './mfa-kit-context.js';

export { usePromptMfaAuth } from './hooks/use-prompt-mfa-auth.js';
export { useIsMfaRequiredForAction } from './hooks/use-is-mfa-required-for-action.js';
export { useStepUpAuthentication, type StepUpState } from './hooks/use-step-up-authentication.js';
export { useMfa, type AuthenticateDeviceParams } from './hooks/use-mfa.js';
export { useRegisterPasskey } from './hooks/use-register-passkey.js';
export { useGetPasskeys } from './hooks/use-get-passkeys.js';
export { useDeletePasskey } from './hooks/use-delete-passkey.js';
export { useAuthenticatePasskeyMFA, type AuthenticatePasskeyMfaParams } from './hooks/use-authenticate-passkey-mfa.js';
export { useGetMfaToken, type GetMfaToken } from './hooks/use-get-mfa-token.js';
export { useStepUpFetch } from './hooks/use-step-up-fetch.js';

export { MfaModal, MfaStepView } from './modal/mfa-modal.js';
export {
  MfaModalContent,
  MfaModalTitle,
  MfaModalDescription,
  MfaModalClose,
  MfaModalBody,
  MfaStatusLine,
  MfaSpinner,
  MfaButton,
} from './modal/mfa-modal-parts.js';
export { MfaCodeInput } from './modal/code-input.js';
export { MfaActionSummary } from './summaries/action-summary.js';
export { MfaSummaryAddress } from './summaries/summary-address.js';
export { MfaVisibleText } from './summaries/mfa-visible-text.js';
export type { RenderActionSummary } from './mfa-kit-context.js';
export { MfaSettings } from './settings/mfa-settings.js';
export { MfaTotpEnrollment, type MfaTotpEnrollmentProps } from './enrollment/mfa-totp-enrollment.js';
export { MfaRecoveryCodes } from './enrollment/recovery-codes.js';

export { en } from './strings/en.js';
// German plus a few words of your own: `strings={mergeStrings(de, { close: 'Schließen' })}`.
export { mergeStrings } from './strings/format.js';
// German has its own entry point, 'mfa-kit/react/strings/de', so only apps that use it ship it.
export type { MfaStrings, MfaStringsOverride, MfaPlural, MfaSettingsStrings } from './strings/types.js';
