/**
 * One error class with a `code`, and subclasses only where users branch on them
 * (docs/architecture.md §4). Closing the modal rejects with `MfaCancelledError`: never a bare `Error`,
 * never a silent `undefined`.
 */
import type { MfaErrorCode } from '../protocol/index.js';

export interface MfaErrorOptions {
  cause?: unknown;
  status?: number;
  requiredScopes?: string[];
}

export class MfaError extends Error {
  override name = 'MfaError';
  readonly code: MfaErrorCode;
  /** HTTP status when the error came from the server. */
  readonly status?: number;
  readonly requiredScopes?: string[];

  constructor(code: MfaErrorCode, message: string, options: MfaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.requiredScopes) this.requiredScopes = options.requiredScopes;
  }
}

export class MfaCancelledError extends MfaError {
  override name = 'MfaCancelledError';
  constructor(message = 'The MFA prompt was cancelled.', options: MfaErrorOptions = {}) {
    super('mfa_cancelled', message, options);
  }
}

export class MfaInvalidCodeError extends MfaError {
  override name = 'MfaInvalidCodeError';
  readonly attemptsRemaining?: number;
  constructor(message: string, attemptsRemaining?: number, options: MfaErrorOptions = {}) {
    super('mfa_invalid_code', message, options);
    if (attemptsRemaining !== undefined) this.attemptsRemaining = attemptsRemaining;
  }
}

export class MfaRateLimitedError extends MfaError {
  override name = 'MfaRateLimitedError';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number, options: MfaErrorOptions = {}) {
    super('mfa_rate_limited', message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class NoWebAuthnSupportError extends MfaError {
  override name = 'NoWebAuthnSupportError';
  constructor(message = 'This browser does not support passkeys.', options: MfaErrorOptions = {}) {
    super('no_webauthn_support', message, options);
  }
}

export function isMfaError(value: unknown): value is MfaError {
  return value instanceof MfaError;
}
