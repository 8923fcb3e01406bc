import type { MfaServerContext } from './context.js';
import { MfaHttpError } from './http/mfa-http-error.js';
import { userHasVerifiedMethods } from './policy.js';

/** The user's verified factors: TOTP devices confirmed by a first code, and passkeys. */
async function factorCount(ctx: MfaServerContext, userId: string): Promise<number> {
  const totp = (await ctx.store.listTotpDevices(userId)).filter((d) => d.verifiedAt !== null).length;
  return totp + (await ctx.store.listPasskeys(userId)).length;
}

export function lastFactorRefused(): MfaHttpError {
  return new MfaHttpError(
    'last_factor',
    'This is the only MFA method on the account; removing it would turn MFA off. Add the replacement first, then remove this one.',
  );
}

/**
 * Refuses, before any approval is checked (so none is spent for nothing), to remove the
 * user's only verified factor unless the server allows it. The store's delete repeats the
 * check atomically, so two removals racing each other never leave the user with none.
 */
export async function refuseRemovingLastFactor(ctx: MfaServerContext, userId: string, isVerifiedFactor: boolean): Promise<boolean> {
  const keep = !ctx.config.allowRemovingLastFactor;
  if (keep && isVerifiedFactor && (await factorCount(ctx, userId)) <= 1) throw lastFactorRefused();
  return keep;
}

/** Recovery codes stand behind the user's methods; with none left they go too. */
export async function dropRecoveryCodesWithoutFactors(ctx: MfaServerContext, userId: string): Promise<void> {
  if (!(await userHasVerifiedMethods(ctx.store, userId))) await ctx.store.deleteRecoveryCodes(userId);
}
