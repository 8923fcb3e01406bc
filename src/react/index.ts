'use client';
/**
 * `mfa-kit/react`: the provider, the modal's parts, the hooks (Dynamic's names, DESIGN.md §4),
 * and everything from the core. Styles: `import 'mfa-kit/react/styles.css'`.
 */
// Everything from the core, including promptMfaAuth / getElevatedAccessToken bound to the
// mounted provider, the enums (MFAAction, TokenScope) and the error classes.
export * from '../core/index.js';

export { MfaProvider, type MfaProviderProps } from './mfa-provider.js';
export { useMfaPromptState } from './use-mfa-prompt-state.js';
export { useMfaKit, type MfaKitContextValue, type MfaTheme } from './mfa-kit-context.js';

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
export { MfaSettings } from './settings/mfa-settings.js';
export { MfaTotpEnrollment, type MfaTotpEnrollmentProps } from './enrollment/mfa-totp-enrollment.js';
export { MfaRecoveryCodes } from './enrollment/recovery-codes.js';

export { en } from './strings/en.js';
// German plus a few words of your own: `strings={mergeStrings(de, { close: 'Schließen' })}`.
export { mergeStrings } from './strings/format.js';
// German has its own entry point, 'mfa-kit/react/strings/de', so only apps that use it ship it.
export type { MfaStrings, MfaStringsOverride, MfaPlural, MfaSettingsStrings } from './strings/types.js';
