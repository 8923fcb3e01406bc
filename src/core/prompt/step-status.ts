/**
 * Pure helpers that put a verification's outcome into the current snapshot, whatever step it
 * is in: a code step, the passkey step, or an enrollment stage. The controller stays a
 * sequence of "call the server, then show what happened".
 */
import type { MfaCodeStatus, MfaPasskeyStatus, MfaPromptState } from './prompt-state.js';
import { asMfaError, toCodeStatus } from './code-status.js';
import type { MfaError } from '../errors.js';

/** The code status shown by `state`, if it is a code-entry step. */
export function codeStatusOf(state: MfaPromptState): MfaCodeStatus | undefined {
  if (state.step === 'totp' || state.step === 'recovery') return state.status;
  if (state.step === 'enrolling' && state.enrollment.stage === 'totp') return state.enrollment.status;
  return undefined;
}

export function withCodeStatus(state: MfaPromptState, status: MfaCodeStatus): MfaPromptState {
  if (state.step === 'totp' || state.step === 'recovery') return { ...state, status };
  if (state.step === 'enrolling' && state.enrollment.stage === 'totp') {
    return { ...state, enrollment: { ...state.enrollment, status } };
  }
  return state;
}

export function withPasskeyStatus(state: MfaPromptState, status: MfaPasskeyStatus): MfaPromptState {
  if (state.step === 'passkey') return { ...state, status };
  if (state.step === 'enrolling' && state.enrollment.stage === 'passkey') {
    return { ...state, enrollment: { stage: 'passkey', status } };
  }
  return state;
}

/**
 * `state` showing `thrown` where the user is, and the MfaError that describes it. What a
 * WebAuthn ceremony throws is read by `withPasskeyError` (passkey-verification.ts), which the
 * passkey code passes for it; on a passkey step any other error (the server's) is a failure.
 */
export function withError(state: MfaPromptState, thrown: unknown, nowMs: number): { state: MfaPromptState; error: MfaError } {
  const error = asMfaError(thrown);
  if (state.step === 'passkey' || (state.step === 'enrolling' && state.enrollment.stage === 'passkey')) {
    return { state: withPasskeyStatus(state, { kind: 'failed', error }), error };
  }
  if (codeStatusOf(state)) return { state: withCodeStatus(state, toCodeStatus(error, nowMs)), error };
  if (state.step === 'enrolling') return { state: { ...state, enrollment: { stage: 'failed', error } }, error };
  if (state.step === 'closed') return { state, error };
  return { state: { step: 'error', request: state.request, promptId: state.promptId, error }, error };
}
