import type { MiddlewareHandler } from 'hono';
import { ELEVATED_ACCESS_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER, MFA_TOKEN_HEADER } from '../../protocol/index.js';
import { serverPayloadDigest } from '../crypto/payload-digest.js';
import { decodeJwt } from 'jose';
import type { MfaEnv, MfaServerContext } from '../context.js';
import { userHasVerifiedMethods } from '../policy.js';
import { MfaHttpError, invalidRequest } from './mfa-http-error.js';
import { readJsonBody } from './read-json-body.js';
import { getPrincipal } from './require-session.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** When the proof a request carried stops being good: null for none, 0 when unknown. */
function proofExpiry(elevated: string | undefined, legacy: string | undefined): number | null {
  if (elevated) {
    try {
      const { exp } = decodeJwt(elevated);
      return typeof exp === 'number' ? exp * 1000 : 0;
    } catch {
      return 0;
    }
  }
  return legacy ? 0 : null;
}

async function proofStillGood(ctx: MfaServerContext, userId: string, proofExpiresAt: number | null): Promise<boolean> {
  if (proofExpiresAt === null) return !(await userHasVerifiedMethods(ctx.store, userId));
  return ctx.now() < proofExpiresAt;
}

/**
 * Honours `Idempotency-Key` on a mutation: the first request with a key runs and
 * its 2xx answer is kept (sealed, since it may hold a private key); a repeat with the same key
 * and the same body is answered from that record and does not run again. The key is scoped to
 * user, session and route. A request that failed (e.g. 401 step-up) frees the key, so the
 * retry that follows the step-up runs. A repeat while the first still runs gets 409.
 *
 * The record is also scoped to the step-up proof the first request carried, and a stored
 * answer (an exported private key) is replayed only while that proof is still good: the very
 * elevated token that earned it, unexpired; or, for an answer earned with no proof, only while
 * the user still has no MFA method. Otherwise the request runs afresh through the guard. So an
 * Idempotency-Key — which is not a secret and sits in logs — is never a way around the guard.
 * A legacy MFA token's answer is never replayed (its expiry is not known here).
 */
export function idempotent(): MiddlewareHandler<MfaEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) throw invalidRequest('`Idempotency-Key` must be 1–255 visible ASCII characters.');
    const ctx = c.var.mfa;
    const principal = await getPrincipal(c);
    const proof = serverPayloadDigest({ elevated: c.req.header(ELEVATED_ACCESS_TOKEN_HEADER) ?? null, mfa: c.req.header(MFA_TOKEN_HEADER) ?? null });
    const scope = `${principal.userId}\n${principal.sessionId}\n${c.req.method} ${c.req.path}\n${proof}`;
    const bodyDigest = serverPayloadDigest(await readJsonBody(c));
    const existing = await ctx.store.claimIdempotencyKey(scope, key, bodyDigest, ctx.now());
    if (existing) {
      if (existing.bodyDigest !== bodyDigest) throw new MfaHttpError('conflict', 'This Idempotency-Key was used with a different request body.');
      if (existing.status === null || existing.responseSealed === null) {
        throw new MfaHttpError('conflict', 'A request with this Idempotency-Key is still in progress.');
      }
      if (!(await proofStillGood(ctx, principal.userId, existing.proofExpiresAt))) return next();
      return new Response(ctx.secrets.open(existing.responseSealed), {
        status: existing.status,
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true', 'cache-control': 'no-store' },
      });
    }
    try {
      await next();
    } finally {
      if (c.res.status >= 200 && c.res.status < 300) {
        const expires = proofExpiry(c.req.header(ELEVATED_ACCESS_TOKEN_HEADER), c.req.header(MFA_TOKEN_HEADER));
        await ctx.store.completeIdempotencyKey(scope, key, c.res.status, ctx.secrets.seal(await c.res.clone().text()), expires);
      } else {
        await ctx.store.releaseIdempotencyKey(scope, key);
      }
    }
  };
}
