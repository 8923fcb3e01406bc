/**
 * The steps only a user with a passkey opens at once: the passkey ceremony, and the choice
 * between it and the authenticator app. One module, so they load as one fetch
 * (`lazy-passkey-steps.tsx`).
 */
export { MfaPasskeyStep } from './passkey-step.js';
export { MfaChooseMethodStep } from './choose-method-step.js';
