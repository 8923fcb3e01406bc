/**
 * The passkey step-up, loaded on demand: a user whose methods show no passkey never runs it,
 * so neither the ceremony's steps nor the table that reads WebAuthn's errors ship with the
 * prompt. The controller fetches it once the user's methods show a passkey (normally when the
 * provider preloads them), and a prompt that opens on a passkey before it has arrived stays on
 * `loading` until it has.
 */
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { classifyPasskeyError } from '../passkey/passkey-error.js';
import type { MfaPasskeyStatus } from './prompt-state.js';
import type { DescribeError, FlowContext, PromptEntry } from './prompt-entry.js';
import { withError, withPasskeyStatus } from './step-status.js';

/** As `withError`, reading what a ceremony threw (a cancel, a timeout, an unsupported authenticator) on a passkey step. */
export const withPasskeyError: DescribeError = (state, thrown, nowMs) => {
  if (state.step !== 'passkey' && !(state.step === 'enrolling' && state.enrollment.stage === 'passkey')) return withError(state, thrown, nowMs);
  const { kind, error } = classifyPasskeyError(thrown);
  // An abort we did not cause (another ceremony took over) reads like a cancel: "try again".
  const status: MfaPasskeyStatus = kind === 'failed' ? { kind: 'failed', error } : { kind: 'cancelled', error };
  return { state: withPasskeyStatus(state, status), error };
};

/** Asks the server for a challenge bound to the prompt, runs the ceremony, then verifies the assertion. */
export async function authenticateWithPasskey(ctx: FlowContext, entry: PromptEntry, generation: number): Promise<void> {
  const { api, store } = ctx;
  try {
    // docs/architecture.md §10: the server makes the challenge commit to the action's digest.
    const optionsJSON = await api.passkeyAuthenticationOptions(entry.binding ? { action: entry.binding } : {}, ctx.call());
    if (!ctx.isCurrent(generation)) return;
    const response = await ctx.ceremony(generation, () =>
      ctx.webauthn.startAuthentication({ optionsJSON: optionsJSON as unknown as PublicKeyCredentialRequestOptionsJSON }),
    );
    if (!ctx.isCurrent(generation)) return;
    const state = store.getState();
    if (state.step === 'passkey') store.setState({ ...state, status: { kind: 'verifying' } });
    const result = await api.verifyPasskeyAuthentication({ response: response, ...ctx.tokenRequest(entry) }, ctx.call());
    if (ctx.isCurrent(generation)) ctx.complete(entry, 'passkey', result);
  } catch (error) {
    if (ctx.isCurrent(generation)) ctx.showError(entry, error, withPasskeyError);
  }
}
