/**
 * Enroll, then continue (docs/architecture.md §5): a user with no verified method sets one up inside the
 * same modal, and the first verification of the new method is the step-up itself: the verify
 * call carries the prompt's `requestedScopes` / `createMfaToken` / `action`, so its answer
 * holds the token. When it also returns the user's first recovery codes, they are shown and
 * the prompt resolves only after `acknowledgeRecoveryCodes()`.
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import type { MfaMethod, VerifyResponse, WebAuthnJson } from '../../protocol/index.js';
import { enrollmentOptions } from './method-choice.js';
import { canSubmitCode } from './code-status.js';
import { MfaError, NoWebAuthnSupportError } from '../errors.js';
import type { FlowContext, PromptEntry } from './prompt-entry.js';
import { passkeyNameFor } from '../passkey/passkey-name.js';
import { withPasskeyError } from './passkey-verification.js';
import type { MfaEnrollmentState, MfaPromptState } from './prompt-state.js';

/** A passkey from an authenticator not in the AAGUID table; the user can rename it. */
const DEFAULT_PASSKEY_NAME = 'Passkey';

type EnrollMethod = 'totp' | 'passkey';

export interface EnrollmentFlow {
  open(entry: PromptEntry): void;
  /** Back to the enrollment's method choice ("use another method"). */
  choose(entry: PromptEntry): void;
  start(entry: PromptEntry, method: EnrollMethod): void;
  submitTotpCode(entry: PromptEntry, code: string): void;
  restartPasskey(entry: PromptEntry): void;
  acknowledge(entry: PromptEntry): void;
  retry(entry: PromptEntry): void;
  /**
   * What closing now rejects with, when it is not a plain cancel: on the recovery-codes step
   * the factor is enrolled but its codes were never acknowledged, and the caller (and
   * settings) must be able to tell.
   */
  closingError(): MfaError | undefined;
}

export function createEnrollmentFlow(ctx: FlowContext): EnrollmentFlow {
  let options: EnrollMethod[] = [];
  let lastMethod: EnrollMethod | undefined;
  let lastCode: string | undefined;
  let pending: { method: MfaMethod; result: VerifyResponse } | undefined;
  let acknowledging = false;

  const enrollment = (): MfaEnrollmentState | undefined => {
    const state = ctx.store.getState();
    return state.step === 'enrolling' ? state.enrollment : undefined;
  };
  const show = (entry: PromptEntry, next: MfaEnrollmentState) =>
    ctx.store.setState({ step: 'enrolling', ...ctx.base(entry), enrollment: next } satisfies MfaPromptState);

  function verified(entry: PromptEntry, method: MfaMethod, result: VerifyResponse & { recoveryCodes?: string[] }) {
    if (result.recoveryCodes && result.recoveryCodes.length > 0) {
      pending = { method, result };
      ctx.begin();
      show(entry, { stage: 'recovery-codes', codes: result.recoveryCodes, method });
      return;
    }
    ctx.complete(entry, method, result);
  }

  async function startTotp(entry: PromptEntry, generation: number) {
    show(entry, { stage: 'starting', method: 'totp' });
    try {
      const device = await ctx.api.createTotpDevice(ctx.call());
      if (!ctx.isCurrent(generation)) return;
      show(entry, { stage: 'totp', deviceId: device.id, secret: device.secret, uri: device.uri, status: { kind: 'idle' } });
    } catch (error) {
      if (ctx.isCurrent(generation)) ctx.showError(entry, error);
    }
  }

  async function registerPasskey(entry: PromptEntry, generation: number) {
    show(entry, { stage: 'passkey', status: { kind: 'waiting' } });
    try {
      const optionsJSON = await ctx.api.passkeyRegistrationOptions(ctx.call());
      if (!ctx.isCurrent(generation)) return;
      const response = await ctx.ceremony(generation, () =>
        ctx.webauthn.startRegistration({ optionsJSON: optionsJSON as unknown as PublicKeyCredentialCreationOptionsJSON }),
      );
      if (!ctx.isCurrent(generation)) return;
      show(entry, { stage: 'passkey', status: { kind: 'verifying' } });
      const result = await ctx.api.verifyPasskeyRegistration(
        { response: response as unknown as WebAuthnJson, name: passkeyNameFor(response) ?? DEFAULT_PASSKEY_NAME, ...ctx.tokenRequest(entry) },
        ctx.call(),
      );
      if (ctx.isCurrent(generation)) verified(entry, 'passkey', result);
    } catch (error) {
      if (ctx.isCurrent(generation)) ctx.showError(entry, error, withPasskeyError);
    }
  }

  const flow: EnrollmentFlow = {
    open(entry) {
      options = enrollmentOptions(ctx.enabledMethods, ctx.webAuthnSupported());
      pending = undefined;
      acknowledging = false;
      lastMethod = undefined;
      if (options.length === 0) {
        // Only passkeys are enabled and this browser has none: nothing can be enrolled here.
        ctx.store.setState({ step: 'error', ...ctx.base(entry), error: new NoWebAuthnSupportError() });
        return;
      }
      show(entry, { stage: 'choose', options });
    },

    choose(entry) {
      const current = enrollment();
      if (!current || current.stage === 'recovery-codes') return;
      ctx.begin();
      show(entry, { stage: 'choose', options });
    },

    start(entry, method) {
      const current = enrollment();
      if (!current || current.stage === 'recovery-codes' || !options.includes(method)) return;
      lastMethod = method;
      const generation = ctx.begin();
      void (method === 'totp' ? startTotp(entry, generation) : registerPasskey(entry, generation));
    },

    submitTotpCode(entry, code) {
      const current = enrollment();
      if (current?.stage !== 'totp' || !canSubmitCode(current.status, ctx.now())) return;
      const generation = ctx.begin();
      lastCode = code;
      show(entry, { ...current, status: { kind: 'verifying' } });
      ctx.api.verifyTotpDevice(current.deviceId, { code, ...ctx.tokenRequest(entry) }, ctx.call()).then(
        (result) => ctx.isCurrent(generation) && verified(entry, 'totp', result),
        (error: unknown) => ctx.isCurrent(generation) && ctx.showError(entry, error),
      );
    },

    restartPasskey(entry) {
      const current = enrollment();
      if (current?.stage !== 'passkey' || current.status.kind === 'waiting' || current.status.kind === 'verifying') return;
      void registerPasskey(entry, ctx.begin());
    },

    acknowledge(entry) {
      if (enrollment()?.stage !== 'recovery-codes' || !pending || acknowledging) return;
      const { method, result } = pending;
      acknowledging = true;
      const generation = ctx.begin();
      // The codes were on screen and the user confirmed: a failed acknowledge call only means
      // the server will remind them later (isPendingRecoveryCodesAcknowledgment), so it must
      // not strand them without the token they just earned.
      ctx.api
        .acknowledgeRecoveryCodes(ctx.call())
        .catch(() => undefined)
        .then(() => {
          acknowledging = false;
          if (!ctx.isCurrent(generation)) return;
          pending = undefined;
          ctx.complete(entry, method, result);
        });
    },

    retry(entry) {
      const current = enrollment();
      if (!current) return;
      if (current.stage === 'failed') {
        if (lastMethod) flow.start(entry, lastMethod);
        else flow.choose(entry);
      } else if (current.stage === 'totp' && current.status.kind === 'failed' && lastCode !== undefined) {
        flow.submitTotpCode(entry, lastCode);
      } else if (current.stage === 'passkey') {
        flow.restartPasskey(entry);
      }
    },

    closingError() {
      if (enrollment()?.stage !== 'recovery-codes') return undefined;
      return new MfaError(
        'mfa_recovery_codes_unsaved',
        'The user closed the prompt without saving the recovery codes: the new method is set up, the codes are not acknowledged.',
      );
    },
  };
  return flow;
}
