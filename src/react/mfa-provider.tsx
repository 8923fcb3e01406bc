'use client';
/**
 * `<MfaProvider>`: creates the core's prompt controller for the app, binds it so that
 * `promptMfaAuth()` works outside React too, and mounts the modal (unless `modal={false}`).
 * It injects no CSS: import `mfa-kit/react/styles.css` once in the app.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createMfaClient } from '../core/http/create-mfa-client.js';
import { MfaCancelledError, type MfaError } from '../core/errors.js';
import type { MfaApi } from '../core/http/mfa-api.js';
import { mountController } from '../core/prompt/mounted-provider.js';
import { createPromptController, type PromptController } from '../core/prompt/prompt-controller.js';
import { preloadWebAuthn, type WebAuthnSeam } from '../core/passkey/webauthn-seam.js';
import type { MfaPromptRequest } from '../core/prompt/prompt-state.js';
import { preloadPayloadDigest } from '../core/prompt/normalize-prompt-request.js';
import { offersPasskey } from '../core/prompt/method-choice.js';
import { ALL_METHODS, type MfaMethod } from '../protocol/index.js';
import { MfaKitProvider, type MfaKitContextValue, type MfaTheme, type RenderActionSummary } from './mfa-kit-context.js';
import { MfaModal } from './modal/mfa-modal.js';
import { preloadPasskeySteps } from './modal/lazy-passkey-steps.js';
import { enPrompt } from './strings/en-prompt.js';
import { preloadActionSummary } from './summaries/lazy-action-summary.js';
import { mergePromptStrings } from './strings/format.js';
import type { MfaStringsOverride } from './strings/types.js';

export interface MfaProviderProps {
  /**
   * Where the reference server's `/mfa` routes are mounted (a path on this origin or a URL).
   * Ignored when `api` is given.
   * @default '/mfa'
   */
  apiBaseUrl?: string;
  /** Your own `MfaApi` (e.g. `createMfaClient({...})` with custom fetch, or a stub in tests); the controller's `api`. */
  api?: MfaApi;
  /** @deprecated Renamed `api`, the name the controller and `createPromptController` use. */
  client?: MfaApi;
  /** Headers carrying the app's session, called per request. @default none (cookies only) */
  getAuthHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  /**
   * Who is signed in (a user or session id; `null` when signed out). When it changes, every
   * stored token is forgotten and open prompts are rejected with `MfaCancelledError`: a token
   * one session earned must never resolve a prompt of the next, without any UI.
   * @default undefined (tokens live as long as the provider)
   */
  sessionKey?: string | null;
  /** The methods the app enables, in the order to offer them. @default ['totp', 'passkey', 'recovery_code'] */
  methods?: MfaMethod[];
  /** `'system'` follows `prefers-color-scheme`. @default 'system' */
  theme?: MfaTheme;
  /**
   * The modal's words, merged over English: a full language (`de` from
   * 'mfa-kit/react/strings/de', or your own `MfaStrings`) or any part of one. Its `locale`
   * sets the modal's `lang` and plural rules. @default English
   */
  strings?: MfaStringsOverride;
  /**
   * Your own summary of what an action-bound prompt approves, rendered from its `payload`
   * (the very value whose digest the approval binds). Return `undefined` to use the kit's:
   * messages, EIP-1559 transactions, EIP-712 typed data and EIP-7702 authorizations, any
   * other payload field by field. @default the kit's renderers
   */
  renderActionSummary?: RenderActionSummary;
  /** After each successful verification in the modal. */
  onMfaCompletionSuccess?: (event: { method: MfaMethod; request: MfaPromptRequest }) => void;
  /** After each failed verification (`final: false`) and when a prompt is rejected (`final: true`). */
  onMfaCompletionFailure?: (error: MfaError, context: { request: MfaPromptRequest; final: boolean }) => void;
  /** `false` renders no modal: build your own UI with `useMfaPromptState()` and the controller's actions. @default true */
  modal?: boolean;
  /** How long the success state shows before the prompt resolves and the modal closes (read when the provider mounts). @default 600 */
  successDelayMs?: number;
  /**
   * The WebAuthn ceremonies (a test seam, or your own wrapper around the browser's API).
   * Read once, when the provider mounts. @default SimpleWebAuthn's browser client
   */
  webauthn?: WebAuthnSeam;
  children?: ReactNode;
}

export function MfaProvider({
  apiBaseUrl,
  api: givenApi,
  client,
  getAuthHeaders,
  sessionKey,
  methods,
  theme = 'system',
  strings: overrides,
  renderActionSummary,
  onMfaCompletionSuccess,
  onMfaCompletionFailure,
  modal = true,
  successDelayMs,
  webauthn,
  children,
}: MfaProviderProps) {
  // Callbacks change on every render of the app; the controller reads them through refs.
  const latest = useRef({ getAuthHeaders, onMfaCompletionSuccess, onMfaCompletionFailure });
  latest.current = { getAuthHeaders, onMfaCompletionSuccess, onMfaCompletionFailure };

  const api = givenApi ?? client;
  const enabled = methods ?? ALL_METHODS;
  const methodsKey = enabled.join();
  const controller = useMemo(
    () =>
      createPromptController({
        api:
          api ??
          createMfaClient({
            ...(apiBaseUrl ? { apiBaseUrl } : {}),
            getAuthHeaders: () => latest.current.getAuthHeaders?.() ?? {},
          }),
        methods: [...enabled],
        ...(successDelayMs !== undefined ? { successDelayMs } : {}),
        ...(webauthn ? { webauthn } : {}),
        onSuccess: (event) => latest.current.onMfaCompletionSuccess?.(event),
        onFailure: (error, context) => latest.current.onMfaCompletionFailure?.(error, context),
        // A passkey user's steps, and the WebAuthn client unless the app brings its own, arrive
        // with their methods, before they prompt; a user without a passkey never fetches them.
        onMethodsLoaded: (loaded) => {
          if (!offersPasskey(loaded, enabled)) return;
          void preloadPasskeySteps().catch(() => undefined);
          if (!webauthn) preloadWebAuthn();
        },
      }),
    // `enabled` is compared by value through `methodsKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, apiBaseUrl, methodsKey],
  );

  // Bound in an effect, never during render: SSR must not bind a server-wide singleton. The
  // core's binding survives StrictMode's unmount-remount; a real unmount rejects open prompts.
  useEffect(() => mountController(controller), [controller]);
  // Likewise the renderers of action summaries and the payload digest, so a signature's prompt
  // opens with its summary and binds its payload without a fetch.
  useEffect(() => {
    void preloadActionSummary().catch(() => undefined);
    void preloadPayloadDigest().catch(() => undefined);
  }, []);
  useSessionReset(controller, sessionKey);

  // English for the rest comes with the parts loaded on demand (`completeStrings`).
  const strings = useMemo(() => mergePromptStrings(enPrompt, overrides), [overrides]);
  const value = useMemo<MfaKitContextValue>(
    () => ({ controller, strings, theme, methods: enabled, renderActionSummary }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [controller, strings, theme, methodsKey, renderActionSummary],
  );

  return (
    <MfaKitProvider value={value}>
      {children}
      {modal ? <MfaModal /> : null}
    </MfaKitProvider>
  );
}

/** Forgets tokens and ends open prompts when `sessionKey` changes (sign-out, switch user). */
function useSessionReset(controller: PromptController, sessionKey: string | null | undefined) {
  // Tokens go during render, not in an effect: children's effects run before ours, and a prompt
  // made there would otherwise resolve, with no UI, from the previous session's token. Clearing
  // is idempotent and notifies nobody, so a repeated or discarded render does no harm.
  const tokensOf = useRef(sessionKey);
  if (tokensOf.current !== sessionKey) {
    controller.tokens.clear();
    controller.forgetMethods();
  }
  tokensOf.current = sessionKey;
  // The user's methods are loaded before any prompt (at mount, and for each new session), so
  // opening the modal costs no round trip.
  useEffect(() => controller.preloadMethods(), [controller, sessionKey]);
  // Rejecting prompts notifies the modal, so it waits for the effect. The ref, not the deps
  // alone, decides: StrictMode runs the effect twice for one change.
  const promptsOf = useRef(sessionKey);
  useEffect(() => {
    if (promptsOf.current === sessionKey) return;
    promptsOf.current = sessionKey;
    controller.closeAll(new MfaCancelledError({ message: 'The session changed while an MFA prompt was open.' }));
  }, [controller, sessionKey]);
}
