import type { MfaTokenGrant } from '../../protocol/index.js';
import type { MfaServerContext } from '../context.js';
import { randomToken, sha256 } from '../crypto/random.js';
import type { MfaPrincipal } from '../options.js';

/** docs/architecture.md §7: legacy MFA tokens live 10 minutes. */
export const MFA_TOKEN_TTL_MS = 10 * 60 * 1000;
/** 32 random bytes: 256 bits, beyond guessing. */
const MFA_TOKEN_BYTES = 32;

/**
 * Issues a deprecated legacy MFA token: opaque, bound to user and session, kept only as its
 * SHA-256 (a database leak yields no usable token).
 */
export async function issueMfaToken(ctx: MfaServerContext, principal: MfaPrincipal, singleUse: boolean): Promise<MfaTokenGrant> {
  const token = randomToken(MFA_TOKEN_BYTES);
  const expiresAt = ctx.now() + MFA_TOKEN_TTL_MS;
  await ctx.store.insertMfaToken({ tokenHash: sha256(token), userId: principal.userId, sessionId: principal.sessionId, singleUse, expiresAt });
  return { token, expiresAt: new Date(expiresAt).toISOString(), singleUse };
}

/**
 * Redeems a legacy token for this user and session: one conditional UPDATE. `consume` (the
 * guarded action's policy is single-use) spends even a token issued as multi-use.
 */
export async function redeemMfaToken(ctx: MfaServerContext, principal: MfaPrincipal, token: string, consume: boolean): Promise<boolean> {
  if (token.length > 128) return false;
  return ctx.store.consumeMfaToken(sha256(token), principal.userId, principal.sessionId, ctx.now(), consume);
}
