/**
 * The prompt controller (docs/architecture.md §5): one per provider. A snapshot store the modal reads
 * with `useSyncExternalStore`, the flow methods the modal calls, and `prompt()`, which is what
 * `promptMfaAuth` is. Components never fetch; this file decides every transition of the
 * modal (which method it opens on is `method-choice.ts`). The hooks share its API client,
 * token store and WebAuthn seam through `headlessCallsOf(controller)` (`headless-calls.ts`),
 * which is built only when one asks, so the prompt path alone does not ship it.
 */
import { ALL_METHODS, type MfaMethod, type VerifyResponse } from '../../protocol/index.js';
import { offersPasskey, type VerifyMethod } from './method-choice.js';
import { isFinalError } from './code-status.js';
import type { EnrollmentFlow } from './enrollment-flow.js';
import { createVerificationFlow, preloadPasskeyVerification } from './verification-flow.js';
import { MfaCancelledError, MfaError } from '../errors.js';
import { bindAction, normalizePromptRequest, promptKey, type PromptMfaAuthParams } from './normalize-prompt-request.js';
import { tokenRequest, type DescribeError, type FlowContext, type PromptCaller, type PromptEntry } from './prompt-entry.js';
import type { MfaPromptState } from './prompt-state.js';
import { createSnapshotStore } from './snapshot-store.js';
import { codeStatusOf, withCodeStatus, withError } from './step-status.js';
import { createMethodsCache } from './methods-cache.js';
import type { CreatePromptControllerOptions, PromptController } from './prompt-controller-api.js';
import { createTokenStore } from '../tokens/token-store.js';
import { simpleWebAuthnSeam } from '../passkey/webauthn-seam.js';
import { loadOnce } from '../load-once.js';

export type { CreatePromptControllerOptions, PromptController };

/** A token a verification earned, and whether the server will accept it only once. */
interface Earned {
  token: string;
  singleUse: boolean;
}

/** Long enough to read "Verified", short enough not to slow the action down. */
export const DEFAULT_SUCCESS_DELAY_MS = 600;

// A verified user's step-up never enrolls: the enrollment flow (and passkey naming, with its
// AAGUID table) loads once a user without a method is seen, which is normally when the
// provider preloads the methods, well before a prompt opens.
const enrollmentModule = loadOnce(() => import('./enrollment-flow.js'));

/** Starts fetching the enrollment flow; a failed fetch is tried again by the next call. */
export const preloadEnrollmentFlow = enrollmentModule.load;

const DEPRECATION_WARNING =
  'mfa-kit: promptMfaAuth({ createMfaToken: true }) is deprecated. Ask for requestedScopes and use the elevated access token instead.';

export function createPromptController(options: CreatePromptControllerOptions): PromptController {
  const { onSuccess, onFailure } = options;
  const enabledMethods = options.methods ?? [...ALL_METHODS];
  const webauthn = options.webauthn ?? simpleWebAuthnSeam;
  // What a prompt may need beyond the first bundle is fetched as soon as the methods show it.
  const methods = createMethodsCache(options.api, (loaded) => {
    if (!loaded.userHasVerifiedMfaMethods) void preloadEnrollmentFlow().catch(() => undefined);
    if (offersPasskey(loaded, enabledMethods)) void preloadPasskeyVerification().catch(() => undefined);
    options.onMethodsLoaded?.(loaded);
  });
  const { api } = methods;
  const tokens = options.tokens ?? createTokenStore();
  const successDelayMs = options.successDelayMs ?? DEFAULT_SUCCESS_DELAY_MS;
  const now = options.now ?? Date.now;

  const forgetListeners = new Set<() => void>();
  const store = createSnapshotStore<MfaPromptState>({ step: 'closed' });
  const queue: PromptEntry[] = [];
  let nextPromptId = 1;
  // The last action-bound prompt's turn to join the queue (see `prompt`).
  let lastBinding: Promise<unknown> = Promise.resolve();
  let generation = 0;
  let flowAbort: AbortController | undefined;
  let ceremonyGeneration: number | undefined;
  let unlockTimer: ReturnType<typeof setTimeout> | undefined;
  let successTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingSuccess: { entry: PromptEntry; earned: Earned } | undefined;
  let lastUsed: VerifyMethod | undefined;
  let warnedDeprecated = false;

  const active = (): PromptEntry | undefined => queue[0];
  const base = (entry: PromptEntry) => ({ request: entry.request, promptId: entry.promptId });
  const isCurrent = (gen: number) => gen === generation;
  const report = (error: MfaError, entry: PromptEntry, final: boolean) => onFailure?.(error, { request: entry.request, final });

  function webAuthnSupported(): boolean {
    try {
      return webauthn.isSupported();
    } catch {
      return false;
    }
  }

  function abortCeremony() {
    if (ceremonyGeneration === undefined) return;
    ceremonyGeneration = undefined;
    (webauthn.cancelCeremony ?? simpleWebAuthnSeam.cancelCeremony)?.call(webauthn);
  }

  /** Every transition starts here: older async results become stale and are ignored. */
  function begin(): number {
    generation += 1;
    clearTimeout(unlockTimer);
    abortCeremony();
    return generation;
  }

  async function ceremony<T>(gen: number, run: () => Promise<T>): Promise<T> {
    ceremonyGeneration = gen;
    try {
      return await run();
    } finally {
      if (ceremonyGeneration === gen) ceremonyGeneration = undefined;
    }
  }

  function showError(entry: PromptEntry, thrown: unknown, describe: DescribeError = withError) {
    if (thrown instanceof MfaError && isFinalError(thrown)) return fail(entry, thrown);
    const { state, error } = describe(store.getState(), thrown, now());
    report(error, entry, false);
    store.setState(state);
    const status = codeStatusOf(state);
    if (status?.kind === 'locked') {
      // When the lockout ends, the step goes back to idle by itself: no countdown logic needed in a headless UI.
      unlockTimer = setTimeout(
        () => {
          if (codeStatusOf(store.getState()) === status) store.setState(withCodeStatus(store.getState(), { kind: 'idle' }));
        },
        Math.max(0, status.retryAt - now()),
      );
    }
  }

  function complete(entry: PromptEntry, method: MfaMethod, result: VerifyResponse) {
    const legacy = entry.request.createMfaToken !== undefined;
    const grant = legacy ? result.mfaToken : result.elevatedAccessToken;
    const token = grant?.token;
    if (!grant || !token) {
      return showError(entry, new MfaError('invalid_response', 'The server verified the code but issued no token.'));
    }
    if (result.elevatedAccessToken) {
      tokens.saveElevatedToken(result.elevatedAccessToken, { claimed: !legacy, ...(entry.binding ? { action: entry.binding } : {}) });
    }
    if (result.mfaToken) tokens.saveMfaToken(result.mfaToken);
    if (method !== 'recovery_code') lastUsed = method;
    onSuccess?.({ method, request: entry.request });
    const gen = begin();
    const earned = { token, singleUse: grant.singleUse };
    pendingSuccess = { entry, earned };
    store.setState({ step: 'success', method, ...base(entry) });
    if (successDelayMs <= 0) return settle(entry, earned);
    successTimer = setTimeout(() => isCurrent(gen) && settle(entry, earned), successDelayMs);
  }

  function fail(entry: PromptEntry, error: MfaError) {
    report(error, entry, true);
    settle(entry, { error });
  }

  /** Ends `entry`: the modal moves to the next queued prompt (or closes), then its callers settle. */
  function settle(entry: PromptEntry, outcome: Earned | { error: MfaError }) {
    const index = queue.indexOf(entry);
    if (index === -1) return;
    // A single-use token can be spent by one request only (docs/architecture.md §7): the first caller gets
    // it; identical callers that joined keep their place at the head of the queue and are asked
    // again, under a new promptId, rather than each receiving a token only one of them can use.
    const served = 'token' in outcome && outcome.singleUse ? entry.callers.splice(0, 1) : entry.callers.splice(0);
    if (entry.callers.length > 0) entry.promptId = nextPromptId++;
    else queue.splice(index, 1);
    // Detach before the next prompt opens: a subscriber that aborts a settled caller's signal
    // in reaction to that state change must not reach onAbort for an entry already gone.
    for (const caller of served) caller.detach();
    if (index === 0) advance();
    for (const caller of served) {
      if ('token' in outcome) caller.resolve(outcome.token);
      else caller.reject(outcome.error);
    }
  }

  function advance() {
    begin();
    flowAbort?.abort();
    flowAbort = undefined;
    clearTimeout(successTimer);
    pendingSuccess = undefined;
    verification.reset();
    const next = active();
    if (next) openEntry(next);
    else store.setState({ step: 'closed' });
  }

  function openEntry(entry: PromptEntry) {
    flowAbort?.abort();
    flowAbort = new AbortController();
    store.setState({ step: 'loading', ...base(entry) });
    void verification.load(entry);
  }

  const flowCall = () => (flowAbort ? { signal: flowAbort.signal } : {});

  const context: FlowContext = {
    api,
    cachedMethods: methods.peek,
    refreshMethods: methods.preload,
    webauthn,
    store,
    enabledMethods,
    webAuthnSupported,
    now,
    begin,
    isCurrent,
    call: flowCall,
    tokenRequest,
    base,
    ceremony,
    showError,
    complete,
  };
  // Made when a user first needs it: every call of it below is for the `enrolling` step, which only it opens.
  let enrollmentFlow: EnrollmentFlow | undefined;

  /** Opens enrollment, in this tick when its flow has arrived, else after the `loading` step waited for it. */
  function enroll(entry: PromptEntry) {
    const loaded = enrollmentModule.current();
    if (loaded) return (enrollmentFlow ??= loaded.createEnrollmentFlow(context)).open(entry);
    const gen = begin();
    preloadEnrollmentFlow().then(
      () => isCurrent(gen) && enroll(entry),
      (error: unknown) => isCurrent(gen) && showError(entry, error),
    );
  }
  const verification = createVerificationFlow(context, { lastUsed: () => lastUsed, enroll });

  function cancelActive(error: MfaError) {
    const entry = active();
    if (!entry) return;
    // Esc during the brief success state: the token is already earned, so finish instead.
    if (pendingSuccess?.entry === entry) {
      settle(entry, pendingSuccess.earned);
      // Callers still waiting for their own single-use token were not asked yet: Esc ends theirs too.
      if (active() !== entry) return;
    }
    fail(entry, error);
  }

  /** Closing during enrollment may say more than "cancelled" (unsaved recovery codes): the enrollment flow knows. */
  function cancelError(): MfaError {
    return (store.getState().step === 'enrolling' && enrollmentFlow?.closingError()) || new MfaCancelledError();
  }

  function addCaller(entry: PromptEntry, resolve: (token: string) => void, reject: (error: MfaError) => void, signal?: AbortSignal) {
    const onAbort = () => {
      entry.callers = entry.callers.filter((other) => other !== caller);
      caller.detach();
      reject(new MfaCancelledError({ message: 'The MFA prompt was aborted by its caller.', cause: signal?.reason }));
      if (entry.callers.length > 0) return;
      // Nobody waits for this prompt any more: close it, or drop it from the queue.
      if (active() === entry) cancelActive(new MfaCancelledError({ message: 'The MFA prompt was aborted by its caller.' }));
      else if (queue.includes(entry)) queue.splice(queue.indexOf(entry), 1);
    };
    const caller: PromptCaller = { resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
    signal?.addEventListener('abort', onAbort, { once: true });
    entry.callers.push(caller);
  }

  async function prompt(params: PromptMfaAuthParams = {}): Promise<string> {
    if (params.createMfaToken && !warnedDeprecated) {
      warnedDeprecated = true;
      console.warn(DEPRECATION_WARNING);
    }
    const cancelled = () => new MfaCancelledError({ message: 'The MFA prompt was aborted by its caller.', cause: params.signal?.reason });
    if (params.signal?.aborted) throw cancelled();
    const request = normalizePromptRequest(params);
    // Only an action-bound prompt waits (for its digest); the others open in this same tick.
    // Action-bound prompts join the queue in the order they were asked, not in the order their
    // digests finish: two digests run as two WebCrypto jobs, which may end in either order.
    let binding: Awaited<ReturnType<typeof bindAction>> | undefined;
    if (request.action) {
      const digest = bindAction(request.action);
      const turn = lastBinding.then(() => digest);
      lastBinding = turn.catch(() => undefined);
      binding = await turn;
    }
    if (params.signal?.aborted) throw cancelled();
    if (!request.createMfaToken) {
      const stored = tokens.findCovering(request.requestedScopes, binding ? { action: binding } : {});
      if (stored) return stored;
    }
    const key = promptKey(request, binding);
    return new Promise<string>((resolve, reject) => {
      const existing = queue.find((entry) => entry.key === key);
      const entry: PromptEntry = existing ?? { key, request, callers: [], promptId: nextPromptId++, ...(binding ? { binding } : {}) };
      if (!existing) queue.push(entry);
      addCaller(entry, resolve, reject, params.signal);
      if (!existing && queue.length === 1) openEntry(entry);
    });
  }

  function retry(entry: PromptEntry) {
    const { step } = store.getState();
    if (step === 'error') return openEntry(entry);
    if (step === 'enrolling') return enrollmentFlow?.retry(entry);
    verification.retry(entry);
  }

  const withEntry = (run: (entry: PromptEntry) => void) => {
    const entry = active();
    if (entry) run(entry);
  };

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    prompt,
    api,
    tokens,
    getLastUsedMethod: () => lastUsed,

    chooseMethod: (method) =>
      withEntry((entry) => {
        if (store.getState().step !== 'enrolling') verification.choose(entry, method);
        else if (method === 'choose') enrollmentFlow?.choose(entry);
      }),
    submitTotpCode: (code) => withEntry((entry) => verification.submitTotpCode(entry, code)),
    submitRecoveryCode: (code) => withEntry((entry) => verification.submitRecoveryCode(entry, code)),
    startPasskey: () =>
      withEntry((entry) => (store.getState().step === 'enrolling' ? enrollmentFlow?.restartPasskey(entry) : verification.startPasskey(entry))),
    retry: () => withEntry(retry),
    startEnrollment: (method) => withEntry((entry) => enrollmentFlow?.start(entry, method)),
    submitEnrollmentTotpCode: (code) => withEntry((entry) => enrollmentFlow?.submitTotpCode(entry, code)),
    acknowledgeRecoveryCodes: () => withEntry((entry) => enrollmentFlow?.acknowledge(entry)),
    cancel: () => cancelActive(cancelError()),

    webauthn,
    preloadMethods: methods.preload,
    forgetMethods() {
      methods.clear();
      forgetListeners.forEach((listener) => listener());
    },
    onForget(listener) {
      forgetListeners.add(listener);
      return () => forgetListeners.delete(listener);
    },
    closeAll(error) {
      const reason =
        error ??
        new MfaError('mfa_provider_not_mounted', 'The MfaProvider unmounted while an MFA prompt was open. Keep <MfaProvider> mounted around your app.');
      for (const entry of [...queue].reverse()) fail(entry, reason);
    },
  };
}
