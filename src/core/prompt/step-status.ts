/**
 * Pure helpers that put a verification's outcome into the current snapshot, whatever step it
 * is in: a code step, the passkey step, or an enrollment stage. The controller stays a
 * sequence of "call the server, then show what happened".
 */
import type { MfaCodeStatus, MfaPasskeyStatus, MfaPromptState } from './prompt-state.js';
import { classifyPasskeyError } from '../passkey/passkey-error.js';
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

/** `state` showing `thrown` where the user is, and the MfaError that describes it. */
export function withError(state: MfaPromptState, thrown: unknown, nowMs: number): { state: MfaPromptState; error: MfaError } {
  if (state.step === 'passkey' || (state.step === 'enrolling' && state.enrollment.stage === 'passkey')) {
    const { kind, error } = classifyPasskeyError(thrown);
    // An abort we did not cause (another ceremony took over) reads like a cancel: "try again".
    const status: MfaPasskeyStatus = kind === 'failed' ? { kind: 'failed', error } : { kind: 'cancelled', error };
    return { state: withPasskeyStatus(state, status), error };
  }
  const error = asMfaError(thrown);
  if (codeStatusOf(state)) return { state: withCodeStatus(state, toCodeStatus(error, nowMs)), error };
  if (state.step === 'enrolling') return { state: { ...state, enrollment: { stage: 'failed', error } }, error };
  if (state.step === 'closed') return { state, error };
  return { state: { step: 'error', request: state.request, promptId: state.promptId, error }, error };
}
