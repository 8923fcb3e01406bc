/**
 * The prompt controller's state (docs/architecture.md §5): one snapshot, a discriminated union on
 * `step`. The modal renders it and calls the controller's flow methods; it never fetches.
 * This file is the contract between `src/core` and `src/react`.
 */
import type { MFAAction, MfaMethod, Passkey, TokenScope, TotpDevice } from '../../protocol/index.js';
import type { MfaError } from '../errors.js';

/** What the caller of `promptMfaAuth` asked for, normalised. */
export interface MfaPromptRequest {
  requestedScopes: TokenScope[];
  /** Deprecated legacy token flow; `singleUse` defaults to true. */
  createMfaToken?: { singleUse: boolean };
  /** docs/architecture.md §10: what is being approved, shown in plain words. */
  action?: { mfaAction: MFAAction; payload: unknown; summary?: string };
  /** With `credential:unlink`: the one factor the approval removes. */
  credentialId?: string;
}

/** What the user can use right now: enrolled on the server and enabled by the app. */
export interface MfaAvailableMethods {
  totpDevices: TotpDevice[];
  passkeys: Passkey[];
  recoveryCodesRemaining: number;
  /** Methods the user can verify with, in the order to offer them (default first). */
  methods: Array<Exclude<MfaMethod, 'recovery_code'>>;
  /** false when the browser has no WebAuthn: passkey options are hidden. */
  webAuthnSupported: boolean;
}

/** Status of a code-entry step (TOTP, recovery code, first TOTP code of an enrollment). */
export type MfaCodeStatus =
  | { kind: 'idle' }
  | { kind: 'verifying' }
  | { kind: 'invalid'; error: MfaError; attemptsRemaining?: number }
  | { kind: 'locked'; error: MfaError; retryAt: number /* epoch ms */ }
  | { kind: 'failed'; error: MfaError /* network or unexpected: "try again" */ };

export type MfaPasskeyStatus =
  | { kind: 'waiting' }
  | { kind: 'verifying' }
  | { kind: 'cancelled'; error: MfaError /* NotAllowedError: cancelled or timed out */ }
  | { kind: 'failed'; error: MfaError };

interface Base {
  request: MfaPromptRequest;
  /** A short id for the prompt: changes when the next queued prompt takes the modal. */
  promptId: number;
}

export type MfaEnrollmentState =
  | { stage: 'choose'; options: Array<'totp' | 'passkey'> }
  | { stage: 'starting'; method: 'totp' | 'passkey' }
  | { stage: 'totp'; deviceId: string; secret: string; uri: string; status: MfaCodeStatus }
  | { stage: 'passkey'; status: MfaPasskeyStatus }
  | { stage: 'recovery-codes'; codes: string[]; method: MfaMethod }
  | { stage: 'failed'; error: MfaError };

export type MfaPromptState =
  | { step: 'closed' }
  | (Base & { step: 'loading' })
  | (Base & { step: 'choosing'; available: MfaAvailableMethods; lastUsed?: MfaMethod })
  | (Base & { step: 'totp'; available: MfaAvailableMethods; deviceId?: string; status: MfaCodeStatus })
  | (Base & { step: 'passkey'; available: MfaAvailableMethods; status: MfaPasskeyStatus })
  | (Base & { step: 'recovery'; available: MfaAvailableMethods; status: MfaCodeStatus })
  | (Base & { step: 'enrolling'; enrollment: MfaEnrollmentState })
  | (Base & { step: 'success'; method: MfaMethod })
  | (Base & { step: 'error'; error: MfaError /* could not even load the methods: "try again" */ });

export type MfaPromptStep = MfaPromptState['step'];

/** The flow methods the modal (or a headless UI) calls. None of them throws. */
export interface MfaPromptActions {
  /** Switch step: 'choosing' shows the method list, the others open that method. */
  chooseMethod(method: MfaMethod | 'choose'): void;
  submitTotpCode(code: string): void;
  /** Starts (or retries) the passkey ceremony. */
  startPasskey(): void;
  submitRecoveryCode(code: string): void;
  /** Retry whatever failed to load or verify because of the network. */
  retry(): void;
  startEnrollment(method: 'totp' | 'passkey'): void;
  submitEnrollmentTotpCode(code: string): void;
  acknowledgeRecoveryCodes(): void;
  /** Esc, the backdrop, the close button: rejects the pending prompt with MfaCancelledError. */
  cancel(): void;
}

export interface MfaPromptStore extends MfaPromptActions {
  getState(): MfaPromptState;
  subscribe(listener: () => void): () => void;
}
