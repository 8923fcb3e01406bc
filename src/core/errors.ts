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

/** A subclass's one argument: its message (each has a default) and its own fields beside the common options. */
type With<T = object> = MfaErrorOptions & { message?: string } & T;

/**
 * Reads a subclass's arguments: one options object, or the earlier positional form
 * `(message, …fields, options)`, still accepted so code written against it keeps working.
 */
function optionsOf<T extends object>(first: unknown, positional: () => With<T>): With<T> {
  return typeof first === 'object' && first !== null ? (first as With<T>) : positional();
}

export class MfaCancelledError extends MfaError {
  override name = 'MfaCancelledError';
  constructor(options?: With);
  /** @deprecated Pass one options object: `new MfaCancelledError({ message, cause })`. */
  constructor(message?: string, options?: MfaErrorOptions);
  constructor(first?: string | With, legacy: MfaErrorOptions = {}) {
    const { message = 'The MFA prompt was cancelled.', ...options } = optionsOf(first, () => ({
      ...legacy,
      ...(first === undefined ? {} : { message: first as string }),
    }));
    super('mfa_cancelled', message, options);
  }
}

export class MfaInvalidCodeError extends MfaError {
  override name = 'MfaInvalidCodeError';
  readonly attemptsRemaining?: number;
  constructor(options?: With<{ attemptsRemaining?: number | undefined }>);
  /** @deprecated Pass one options object: `new MfaInvalidCodeError({ message, attemptsRemaining })`. */
  constructor(message: string, attemptsRemaining?: number, options?: MfaErrorOptions);
  constructor(first?: string | With<{ attemptsRemaining?: number | undefined }>, attempts?: number, legacy: MfaErrorOptions = {}) {
    const {
      message = 'The code is not valid.',
      attemptsRemaining,
      ...options
    } = optionsOf<{ attemptsRemaining?: number | undefined }>(first, () => ({
      ...legacy,
      message: first as string,
      attemptsRemaining: attempts,
    }));
    super('mfa_invalid_code', message, options);
    if (attemptsRemaining !== undefined) this.attemptsRemaining = attemptsRemaining;
  }
}

export class MfaRateLimitedError extends MfaError {
  override name = 'MfaRateLimitedError';
  readonly retryAfterSeconds: number;
  constructor(options: With<{ retryAfterSeconds: number }>);
  /** @deprecated Pass one options object: `new MfaRateLimitedError({ message, retryAfterSeconds })`. */
  constructor(message: string, retryAfterSeconds: number, options?: MfaErrorOptions);
  constructor(first: string | With<{ retryAfterSeconds: number }>, seconds?: number, legacy: MfaErrorOptions = {}) {
    const {
      message = 'Too many attempts.',
      retryAfterSeconds,
      ...options
    } = optionsOf<{ retryAfterSeconds: number }>(first, () => ({
      ...legacy,
      message: first as string,
      retryAfterSeconds: seconds ?? 0,
    }));
    super('mfa_rate_limited', message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class NoWebAuthnSupportError extends MfaError {
  override name = 'NoWebAuthnSupportError';
  constructor(options?: With);
  /** @deprecated Pass one options object: `new NoWebAuthnSupportError({ cause })`. */
  constructor(message?: string, options?: MfaErrorOptions);
  constructor(first?: string | With, legacy: MfaErrorOptions = {}) {
    const { message = 'This browser does not support passkeys.', ...options } = optionsOf(first, () => ({
      ...legacy,
      ...(first === undefined ? {} : { message: first as string }),
    }));
    super('no_webauthn_support', message, options);
  }
}

export function isMfaError(value: unknown): value is MfaError {
  return value instanceof MfaError;
}
