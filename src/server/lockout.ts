import type { MfaServerContext } from './context.js';
import { MfaHttpError } from './http/mfa-http-error.js';

/**
 * DESIGN.md §8 lockout. Each code attempt is reserved (counted as a failure) before the code
 * is checked, in one conditional UPDATE that also refuses while locked; a success clears the
 * count. So 100 concurrent guesses get at most `maxFailures` tries, never 100.
 */
export async function reserveCodeAttempt(ctx: MfaServerContext, userId: string): Promise<{ failures: number }> {
  const now = ctx.now();
  const reservation = await ctx.store.reserveAttempt(userId, now, ctx.config.maxFailures, ctx.config.lockMs);
  if (!reservation.allowed) throw rateLimited(Math.max(1, Math.ceil(((reservation.lockedUntil ?? now) - now) / 1000)));
  return { failures: reservation.failures };
}

export async function codeAttemptSucceeded(ctx: MfaServerContext, userId: string): Promise<void> {
  await ctx.store.resetAttempts(userId);
}

/** The error of a failed attempt (wrong, replayed or unknown code), with the tries left. */
export function invalidCode(ctx: MfaServerContext, attempt: { failures: number }, message = 'The code is not valid.'): MfaHttpError {
  return new MfaHttpError('mfa_invalid_code', message, {
    attemptsRemaining: Math.max(0, ctx.config.maxFailures - attempt.failures),
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
