/**
 * What a prompt controller is (docs/architecture.md §5): the options it is made with and the
 * surface the modal, the hooks and a UI that is not React call. `prompt-controller.ts` is
 * the implementation.
 */
import type { MfaMethod, MfaMethodsResponse } from '../../protocol/index.js';
import type { MfaError } from '../errors.js';
import type { MfaApi } from '../http/mfa-api.js';
import type { WebAuthnSeam } from '../passkey/webauthn-seam.js';
import type { TokenStore } from '../tokens/token-store.js';
import type { VerifyMethod } from './method-choice.js';
import type { PromptMfaAuthParams } from './normalize-prompt-request.js';
import type { MfaPromptRequest, MfaPromptStore } from './prompt-state.js';

export interface CreatePromptControllerOptions {
  api: MfaApi;
  /** Where resolved tokens go. @default createTokenStore() */
  tokens?: TokenStore;
  /** The methods the app enables; others are never offered. @default ['totp', 'passkey', 'recovery_code'] */
  methods?: MfaMethod[];
  /** The WebAuthn seam. @default @simplewebauthn/browser */
  webauthn?: WebAuthnSeam;
  /** After each successful verification (before the prompt resolves). */
  onSuccess?: (event: { method: MfaMethod; request: MfaPromptRequest }) => void;
  /** After each failed verification (`final: false`) and when a prompt is rejected (`final: true`). */
  onFailure?: (error: MfaError, context: { request: MfaPromptRequest; final: boolean }) => void;
  /** How long the success state shows before the prompt resolves and the modal closes. @default 600 */
  successDelayMs?: number;
  /**
   * After every answer of `GET /mfa/methods` (at `preloadMethods()`, a prompt, or a change):
   * a UI fetches here what that user's prompt will show (the React provider, the passkey screens).
   */
  onMethodsLoaded?: (methods: MfaMethodsResponse) => void;
  /** The clock, in epoch milliseconds (lockout countdowns). @default Date.now */
  now?: () => number;
}

export interface PromptController extends MfaPromptStore {
  /** `promptMfaAuth`: resolves with the elevated token (or the legacy MFA token). */
  prompt(params?: PromptMfaAuthParams): Promise<string>;
  readonly api: MfaApi;
  readonly tokens: TokenStore;
  /** The WebAuthn seam its ceremonies use (and `headlessCallsOf(controller)`'s). */
  readonly webauthn: WebAuthnSeam;
  /** The method the user verified with last in this controller, if any. */
  getLastUsedMethod(): VerifyMethod | undefined;
  /** Loads the user's methods now, so the next prompt opens without a round trip. */
  preloadMethods(): void;
  /** Forgets the loaded methods and any pending headless enrollment (the session changed). */
  forgetMethods(): void;
  /** Calls `listener` on every `forgetMethods()`, for state kept beside the controller. Returns the unsubscribe. */
  onForget(listener: () => void): () => void;
  /** Rejects every pending prompt (default code `mfa_provider_not_mounted`) and closes. Stays usable. */
  closeAll(error?: MfaError): void;
}
