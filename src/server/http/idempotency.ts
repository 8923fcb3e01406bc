import type { MiddlewareHandler } from 'hono';
import { ELEVATED_ACCESS_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER, MFA_TOKEN_HEADER, payloadDigest } from '../../protocol/index.js';
import type { MfaEnv } from '../context.js';
import { MfaHttpError, invalidRequest } from './mfa-http-error.js';
import { readJsonBody } from './read-json-body.js';
import { getPrincipal } from './require-session.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Honours `Idempotency-Key` on a mutation (issue 6): the first request with a key runs and
 * its 2xx answer is kept (sealed, since it may hold a private key); a repeat with the same key
 * and the same body is answered from that record and does not run again. The key is scoped to
 * user, session and route. A request that failed (e.g. 401 step-up) frees the key, so the
 * retry that follows the step-up runs. A repeat while the first still runs gets 409.
 *
 * The record is also scoped to the step-up proof the first request carried: a stored answer
 * (an exported private key) is replayed only to a request presenting that same token, so an
 * Idempotency-Key — which is not a secret and sits in logs — is never a way around the guard.
 */
export function idempotent(): MiddlewareHandler<MfaEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) throw invalidRequest('`Idempotency-Key` must be 1–255 visible ASCII characters.');
    const ctx = c.var.mfa;
    const principal = await getPrincipal(c);
    const proof = await payloadDigest({ elevated: c.req.header(ELEVATED_ACCESS_TOKEN_HEADER) ?? null, mfa: c.req.header(MFA_TOKEN_HEADER) ?? null });
    const scope = `${principal.userId}\n${principal.sessionId}\n${c.req.method} ${c.req.path}\n${proof}`;
    const bodyDigest = await payloadDigest(await readJsonBody(c));
    const existing = await ctx.store.claimIdempotencyKey(scope, key, bodyDigest, ctx.now());
    if (existing) {
      if (existing.bodyDigest !== bodyDigest) throw new MfaHttpError('conflict', 'This Idempotency-Key was used with a different request body.');
      if (existing.status === null || existing.responseSealed === null) {
        throw new MfaHttpError('conflict', 'A request with this Idempotency-Key is still in progress.');
      }
      return new Response(ctx.secrets.open(existing.responseSealed), {
        status: existing.status,
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true', 'cache-control': 'no-store' },
      });
    }
    try {
      await next();
    } finally {
      if (c.res.status >= 200 && c.res.status < 300) {
        await ctx.store.completeIdempotencyKey(scope, key, c.res.status, ctx.secrets.seal(await c.res.clone().text()));
      } else {
        await ctx.store.releaseIdempotencyKey(scope, key);
      }
    }
  };
}
