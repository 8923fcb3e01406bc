/**
 * Step-up with a method the user already has: load the methods, open the step
 * `method-choice.ts` picks (the one used last, or the choice when there are several), then
 * run TOTP, passkey or recovery code.
 * A wrong code keeps the step open; only the controller ends the prompt.
 */
import type { MfaMethod, MfaMethodsResponse, VerifyResponse } from '../../protocol/index.js';
import { defaultTotpDeviceId, firstStep, toAvailableMethods, type VerifyMethod } from './method-choice.js';
import { canSubmitCode } from './code-status.js';
import { MfaError, NoWebAuthnSupportError } from '../errors.js';
import type { FlowContext, PromptEntry } from './prompt-entry.js';
import type { MfaAvailableMethods } from './prompt-state.js';
import { codeStatusOf, withCodeStatus } from './step-status.js';
import { loadOnce } from '../load-once.js';

export interface VerificationFlow {
  /** Loads the user's methods and opens the default step (or hands over to enrollment). */
  load(entry: PromptEntry): Promise<void>;
  choose(entry: PromptEntry, method: MfaMethod | 'choose'): void;
  submitTotpCode(entry: PromptEntry, code: string): void;
  submitRecoveryCode(entry: PromptEntry, code: string): void;
  /** "Try again" after a cancelled or failed passkey ceremony. */
  startPasskey(entry: PromptEntry): void;
  /** Sends the last code again after a network failure, or restarts the passkey. */
  retry(entry: PromptEntry): void;
  reset(): void;
}

export interface VerificationFlowHooks {
  lastUsed(): VerifyMethod | undefined;
  /** The user has no verified method: enroll, then continue. */
  enroll(entry: PromptEntry): void;
}

const VERIFY_STEPS = new Set(['choosing', 'totp', 'passkey', 'recovery']);

// A TOTP user's step-up never runs a passkey ceremony: that code loads once the user's methods
// show a passkey, which is normally when the provider preloads them, well before a prompt.
const passkeyModule = loadOnce(() => import('./passkey-verification.js'));

/** Starts fetching the passkey step-up; a failed fetch is tried again by the next call. */
export const preloadPasskeyVerification = passkeyModule.load;

export function createVerificationFlow(ctx: FlowContext, hooks: VerificationFlowHooks): VerificationFlow {
  const { api, store } = ctx;
  let available: MfaAvailableMethods | undefined;
  let lastCode: string | undefined;

  function openDefault(entry: PromptEntry, methods: MfaAvailableMethods) {
    const step = firstStep(methods, ctx.enabledMethods, hooks.lastUsed());
    if (step.kind === 'choose') return showChoice(entry, methods);
    if (step.kind === 'method') return openMethod(entry, step.method, methods);
    const error =
      methods.passkeys.length > 0 && !methods.webAuthnSupported
        ? new NoWebAuthnSupportError()
        : new MfaError('invalid_request', 'None of the MFA methods this app enables is set up for this user.');
    store.setState({ step: 'error', ...ctx.base(entry), error });
  }

  function showChoice(entry: PromptEntry, methods: MfaAvailableMethods) {
    ctx.begin();
    const lastUsed = hooks.lastUsed();
    const remembered = lastUsed && methods.methods.includes(lastUsed) ? { lastUsed } : {};
    store.setState({ step: 'choosing', ...ctx.base(entry), available: methods, ...remembered });
  }

  function openMethod(entry: PromptEntry, method: MfaMethod, methods: MfaAvailableMethods) {
    const generation = ctx.begin();
    lastCode = undefined;
    if (method === 'totp') {
      const deviceId = defaultTotpDeviceId(methods);
      store.setState({ step: 'totp', ...ctx.base(entry), available: methods, ...(deviceId ? { deviceId } : {}), status: { kind: 'idle' } });
    } else if (method === 'recovery_code') {
      store.setState({ step: 'recovery', ...ctx.base(entry), available: methods, status: { kind: 'idle' } });
    } else {
      const passkey = passkeyModule.current();
      // Not arrived yet: the step the user is on (loading, or the choice) stays until it has.
      if (!passkey) {
        return void passkeyModule.load().then(
          () => ctx.isCurrent(generation) && openMethod(entry, method, methods),
          (error: unknown) => ctx.isCurrent(generation) && ctx.showError(entry, error),
        );
      }
      store.setState({ step: 'passkey', ...ctx.base(entry), available: methods, status: { kind: 'waiting' } });
      void passkey.authenticateWithPasskey(ctx, entry, generation);
    }
  }

  function verifyCode(entry: PromptEntry, code: string, method: 'totp' | 'recovery_code', run: () => Promise<VerifyResponse>) {
    const generation = ctx.begin();
    lastCode = code;
    store.setState(withCodeStatus(store.getState(), { kind: 'verifying' }));
    run().then(
      (result) => ctx.isCurrent(generation) && ctx.complete(entry, method, result),
      (error: unknown) => ctx.isCurrent(generation) && ctx.showError(entry, error),
    );
  }

  const flow: VerificationFlow = {
    async load(entry) {
      const open = (methods: MfaMethodsResponse) => {
        if (!methods.userHasVerifiedMfaMethods) return hooks.enroll(entry);
        available = toAvailableMethods(methods, ctx.enabledMethods, ctx.webAuthnSupported(), hooks.lastUsed());
        openDefault(entry, available);
      };
      // Known already (loaded at mount, refreshed after every change): the first step opens in
      // this same tick, with no request before the code input can take focus.
      const cached = ctx.cachedMethods();
      if (cached) {
        ctx.refreshMethods();
        return open(cached);
      }
      const generation = ctx.begin();
      try {
        const methods = await api.getMethods(ctx.call());
        if (ctx.isCurrent(generation)) open(methods);
      } catch (error) {
        if (ctx.isCurrent(generation)) ctx.showError(entry, error);
      }
    },

    choose(entry, method) {
      if (!available || !VERIFY_STEPS.has(store.getState().step)) return;
      if (method === 'choose') return showChoice(entry, available);
      const offered = method === 'recovery_code' ? ctx.enabledMethods.includes(method) : available.methods.includes(method);
      if (offered) openMethod(entry, method, available);
    },

    submitTotpCode(entry, code) {
      const state = store.getState();
      if (state.step !== 'totp' || !canSubmitCode(state.status, ctx.now())) return;
      const { deviceId } = state;
      verifyCode(entry, code, 'totp', () => api.verifyTotp({ code, ...(deviceId ? { deviceId } : {}), ...ctx.tokenRequest(entry) }, ctx.call()));
    },

    submitRecoveryCode(entry, code) {
      const state = store.getState();
      if (state.step !== 'recovery' || !canSubmitCode(state.status, ctx.now())) return;
      verifyCode(entry, code, 'recovery_code', () => api.verifyRecoveryCode({ code, ...ctx.tokenRequest(entry) }, ctx.call()));
    },

    startPasskey(entry) {
      const state = store.getState();
      // The ceremony starts by itself when the passkey step opens; this is "try again".
      if (state.step !== 'passkey' || state.status.kind === 'waiting' || state.status.kind === 'verifying') return;
      const passkey = passkeyModule.current();
      if (!passkey) return;
      const generation = ctx.begin();
      store.setState({ ...state, status: { kind: 'waiting' } });
      void passkey.authenticateWithPasskey(ctx, entry, generation);
    },

    retry(entry) {
      const state = store.getState();
      if (state.step === 'passkey') return flow.startPasskey(entry);
      // A code step that failed on the network: send the same code again.
      if (codeStatusOf(state)?.kind !== 'failed' || lastCode === undefined) return;
      if (state.step === 'totp') flow.submitTotpCode(entry, lastCode);
      else if (state.step === 'recovery') flow.submitRecoveryCode(entry, lastCode);
    },

    reset() {
      available = undefined;
      lastCode = undefined;
    },
  };
  return flow;
}
