/**
 * What a failed code verification (TOTP, recovery code, the first code of an enrollment)
 * shows: the step stays open with the error; only a final error ends the prompt.
 */
import type { MfaCodeStatus } from './prompt-state.js';
import { MfaError, MfaInvalidCodeError, MfaRateLimitedError } from '../errors.js';

/** Any thrown value as an MfaError, so state and rejections never carry a bare Error. */
export function asMfaError(error: unknown): MfaError {
  if (error instanceof MfaError) return error;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return new MfaError('internal_error', message, { cause: error });
}

/**
 * Errors nothing in the modal can fix: the app's session is gone (`unauthenticated`). They
 * reject the prompt instead of offering "try again".
 */
export function isFinalError(error: MfaError): boolean {
  return error.code === 'unauthenticated';
}

export function toCodeStatus(error: MfaError, nowMs: number): MfaCodeStatus {
  if (error instanceof MfaRateLimitedError) {
    return { kind: 'locked', error, retryAt: nowMs + error.retryAfterSeconds * 1000 };
  }
  if (error instanceof MfaInvalidCodeError) {
    return error.attemptsRemaining === undefined ? { kind: 'invalid', error } : { kind: 'invalid', error, attemptsRemaining: error.attemptsRemaining };
  }
  return { kind: 'failed', error };
}

/** Whether a code may be submitted now: not while one is verifying, nor during a lockout. */
export function canSubmitCode(status: MfaCodeStatus, nowMs: number): boolean {
  if (status.kind === 'verifying') return false;
  return !(status.kind === 'locked' && nowMs < status.retryAt);
}
