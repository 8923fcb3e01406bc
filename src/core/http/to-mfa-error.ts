/**
 * Turns a server's error answer (docs/architecture.md §6: `{ error: { code, message, ... } }`) into the
 * typed error users branch on. Kept apart from the HTTP client so `withStepUp` and tests can
 * read the same answers the same way.
 */
import { isErrorBody } from '../../protocol/index.js';
import { MfaError, MfaInvalidCodeError, MfaRateLimitedError } from '../errors.js';
import { parseStepUpChallenge } from './parse-step-up-challenge.js';

/** When a 429 names no delay at all, wait this long before letting the user try again. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** RFC 9110 §10.2.3: `Retry-After` is delay-seconds or an HTTP-date. */
export function parseRetryAfterSeconds(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

/** The typed error for a non-2xx answer; `body` is the parsed JSON, or undefined. */
export function toMfaError(status: number, body: unknown, headers: Headers): MfaError {
  if (!isErrorBody(body)) {
    // A proxy's HTML 502 page is a server failure the user can retry, not a protocol bug.
    const code = status >= 500 ? 'internal_error' : 'invalid_response';
    return new MfaError(code, `The MFA server answered ${status} without a JSON error body.`, { status });
  }
  const { code, message, attemptsRemaining, retryAfterSeconds, requiredScopes } = body.error;
  switch (code) {
    case 'mfa_invalid_code':
      return new MfaInvalidCodeError({ message, attemptsRemaining: typeof attemptsRemaining === 'number' ? attemptsRemaining : undefined, status });
    case 'mfa_rate_limited': {
      const seconds =
        typeof retryAfterSeconds === 'number' ? retryAfterSeconds : (parseRetryAfterSeconds(headers.get('Retry-After')) ?? DEFAULT_RETRY_AFTER_SECONDS);
      return new MfaRateLimitedError({ message, retryAfterSeconds: seconds, status });
    }
    default: {
      // RFC 9470: the scopes may come only in the WWW-Authenticate challenge.
      const scopes = requiredScopes ?? parseStepUpChallenge(headers.get('WWW-Authenticate'))?.scopes;
      return new MfaError(code, message, { status, ...(scopes ? { requiredScopes: scopes } : {}) });
    }
  }
}
