import type { Context } from 'hono';
import type { MfaMethod } from '../protocol/index.js';
import type { MfaEnv, MfaServerContext } from './context.js';
import type { MfaPrincipal } from './options.js';
import { recordSecurityEvent } from './security-events.js';
import { MfaHttpError } from './http/mfa-http-error.js';
import type { AttemptReservation } from './store/mfa-store.js';

/**
 * docs/architecture.md §8 lockout. Each code attempt is reserved (counted as a failure) before the code
 * is checked, in one conditional UPDATE that also refuses while locked; a success clears the
 * count. So 100 concurrent guesses get at most `maxFailures` tries, never 100.
 */
export async function reserveCodeAttempt(ctx: MfaServerContext, userId: string): Promise<{ failures: number; lockedUntil: number | null }> {
  const now = ctx.now();
  const reservation = await ctx.store.reserveAttempt(userId, now, ctx.config.lockout);
  if (!reservation.allowed) throw attemptRefused(ctx, reservation, now);
  return { failures: reservation.failures, lockedUntil: reservation.lockedUntil };
}

/** The error for an attempt the store refused to reserve: locked for a while, or until a reset. */
export function attemptRefused(ctx: MfaServerContext, reservation: AttemptReservation, now: number): MfaHttpError {
  if (reservation.failures >= ctx.config.lockout.permanentAfter) return lockedUntilReset();
  return rateLimited(Math.max(1, Math.ceil(((reservation.lockedUntil ?? now) - now) / 1000)));
}

/** Tries left before the next lock (or the permanent one, if it comes first). */
function attemptsRemaining(ctx: MfaServerContext, failures: number): number {
  const { maxFailures, permanentAfter } = ctx.config.lockout;
  const beforeLock = failures % maxFailures === 0 ? 0 : maxFailures - (failures % maxFailures);
  return Math.max(0, Math.min(beforeLock, permanentAfter - failures));
}

function lockedUntilReset(): MfaHttpError {
  return new MfaHttpError(
    'mfa_locked',
    'Too many failed codes: codes are no longer accepted on this account. Confirm with a passkey, or ask support to unlock it.',
    { attemptsRemaining: 0 },
  );
}

export async function codeAttemptSucceeded(ctx: MfaServerContext, userId: string): Promise<void> {
  await ctx.store.resetAttempts(userId);
}

/**
 * The error of a failed attempt (wrong, replayed or unknown code), with the tries left. When
 * this failure is the one that locks the user (every `maxFailures`-th, or the permanent
 * limit), the lockout is recorded as a security event.
 */
export async function invalidCode(
  c: Context<MfaEnv>,
  principal: MfaPrincipal,
  attempt: { failures: number; lockedUntil: number | null },
  method: MfaMethod,
  message = 'The code is not valid.',
): Promise<MfaHttpError> {
  const ctx = c.var.mfa;
  const { permanentAfter } = ctx.config.lockout;
  if (attempt.failures >= permanentAfter || attempt.lockedUntil !== null) {
    await recordSecurityEvent(c, principal, 'lockout', {
      method,
      ...(attempt.failures < permanentAfter && attempt.lockedUntil !== null ? { lockedUntil: new Date(attempt.lockedUntil).toISOString() } : {}),
    });
  }
  return new MfaHttpError('mfa_invalid_code', message, {
    attemptsRemaining: attemptsRemaining(ctx, attempt.failures),
  });
}

function rateLimited(retryAfterSeconds: number): MfaHttpError {
  return new MfaHttpError(
    'mfa_rate_limited',
    `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
