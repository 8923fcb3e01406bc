/**
 * Every error code, defined once and used by server and client alike (docs/architecture.md §4, §6).
 * The server answers `{ error: { code, message, ... } }` with the status given here; the
 * client turns the same codes into typed `MfaError`s. Client-only codes have no status.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  mfa_invalid_code: 401,
  passkey_verification_failed: 401,
  elevated_access_required: 401,
  elevated_access_mismatch: 403,
  /** Codes are refused until a passkey succeeds or an operator resets the count (NIST SP 800-63B §5.2.2). */
  mfa_locked: 403,
  not_found: 404,
  conflict: 409,
  /** Removing the user's only factor would turn MFA off; add the replacement first. */
  last_factor: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  mfa_rate_limited: 429,
  internal_error: 500,
} as const;

export type ServerErrorCode = keyof typeof ERROR_STATUS;

/** Codes raised only in the browser: nothing on the wire carries them. */
export type ClientErrorCode =
  | 'mfa_cancelled'
  /** The user left the recovery-codes step without saving them: the new factor is enrolled, the codes are not acknowledged. */
  | 'mfa_recovery_codes_unsaved'
  | 'mfa_provider_not_mounted'
  | 'no_webauthn_support'
  | 'network_error'
  | 'timeout'
  | 'invalid_response';

export type MfaErrorCode = ServerErrorCode | ClientErrorCode;

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: {
    code: ServerErrorCode;
    message: string;
    attemptsRemaining?: number;
    retryAfterSeconds?: number;
    requiredScopes?: string[];
  };
}

export function isServerErrorCode(value: unknown): value is ServerErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && isServerErrorCode((error as { code?: unknown }).code);
}
