import type { Context, MiddlewareHandler } from 'hono';
import {
  ACTION_SCOPE,
  ELEVATED_ACCESS_TOKEN_HEADER,
  MFA_TOKEN_HEADER,
  STEP_UP_ERROR,
  isMfaAction,
  isTokenScope,
  type MFAAction,
  type TokenScope,
} from '../../protocol/index.js';
import type { MfaServerContext } from '../context.js';
import { serverPayloadDigest } from '../crypto/payload-digest.js';
import { MfaHttpError } from '../http/mfa-http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { getMfaContext, getPrincipal } from '../http/require-session.js';
import type { MfaPrincipal } from '../options.js';
import { isMfaRequired, tokenPolicyForScopes } from '../policy.js';
import { recordSecurityEvent } from '../security-events.js';
import { redeemMfaToken } from '../tokens/mfa-token.js';
import { ElevatedAccessError, verifyOwnElevatedJwt } from './verify-elevated-access-token.js';

export interface RequireElevatedAccessOptions {
  /**
   * With a scope as the first argument: the action whose payload an action-bound token must
   * match. Without one, a scope-only guard refuses every bound token (it cannot check what
   * the token approves). @default none
   */
  action?: MFAAction;
  /**
   * The payload an action-bound token must match (docs/architecture.md §10).
   * @default the request's JSON body
   */
  getPayload?: (c: Context) => unknown | Promise<unknown>;
  /**
   * Accept the legacy `X-Mfa-Token` on this route. Can only narrow the server's
   * `allowLegacyMfaToken`: when the server turned legacy tokens off, no route accepts one.
   * @default true (i.e. whatever the server allows)
   */
  allowMfaToken?: boolean;
}

export interface ElevatedAccessCheck {
  scope: TokenScope;
  action?: MFAAction | undefined;
  /** The factor a `credential:unlink` check removes (the approval must name it). */
  credentialId?: string | undefined;
  getPayload?: ((c: Context) => unknown) | undefined;
  allowMfaToken?: boolean | undefined;
}

/** RFC 9470 §3: the challenge a client reads to know which scope to step up for. */
export function stepUpRequired(scope: TokenScope, message: string): MfaHttpError {
  return new MfaHttpError(
    'elevated_access_required',
    message,
    { requiredScopes: [scope] },
    {
      'WWW-Authenticate': `Bearer error="${STEP_UP_ERROR}", scope="${scope}"`,
    },
  );
}

/**
 * The guard's whole decision. Policy first (no MFA needed → pass); then every check of the
 * token; only when all pass is a single-use token consumed (one INSERT of its jti, or one
 * conditional UPDATE of a legacy token), so a refused request never burns a token.
 */
export async function enforceElevatedAccess(c: Context, ctx: MfaServerContext, principal: MfaPrincipal, check: ElevatedAccessCheck): Promise<void> {
  if (!(await isMfaRequired(ctx, principal.userId, check.action ?? check.scope))) return;
  const elevated = c.req.header(ELEVATED_ACCESS_TOKEN_HEADER);
  if (elevated) {
    // The payload is read and digested only when the token turns out to be bound to an action.
    const action = check.action ? { mfaAction: check.action, payloadDigest: () => digestOf(c, check.getPayload) } : undefined;
    try {
      const claims = await verifyOwnElevatedJwt(elevated, ctx.keys.verifyOwn, {
        issuer: ctx.config.issuer,
        audience: ctx.config.audience,
        scope: check.scope,
        userId: principal.userId,
        sessionId: principal.sessionId,
        action,
        credentialId: check.credentialId,
        currentDate: new Date(ctx.now()),
      });
      const singleUse = claims.single_use !== false || check.credentialId !== undefined;
      if (singleUse && !(await ctx.store.useJti(claims.jti, claims.exp * 1000, ctx.now()))) {
        throw stepUpRequired(check.scope, 'The elevated access token was already used.');
      }
      return;
    } catch (error) {
      if (error instanceof ElevatedAccessError) {
        if (error.code === 'elevated_access_mismatch') {
          await recordSecurityEvent(c, principal, 'bound_token_refused', {
            scopes: [check.scope],
            ...(check.action ? { action: check.action } : {}),
            reason: error.message,
          });
          throw new MfaHttpError(error.code, error.message);
        }
        throw stepUpRequired(check.scope, error.message);
      }
      throw error;
    }
  }
  const legacy = c.req.header(MFA_TOKEN_HEADER);
  // docs/architecture.md §7: a legacy token is unbound and unscoped, so it never approves a credential change.
  const legacyAllowed = ctx.config.allowLegacyMfaToken && check.allowMfaToken !== false && !check.scope.startsWith('credential:');
  if (legacy && legacyAllowed) {
    // The server's policy for what is guarded, not the client's request, decides single use.
    const policy = check.action ? ctx.config.policy[check.action] : tokenPolicyForScopes(ctx.config, [check.scope]);
    if (await redeemMfaToken(ctx, principal, legacy, policy.singleUse)) return;
    throw stepUpRequired(check.scope, 'The MFA token is invalid, expired or already used.');
  }
  throw stepUpRequired(check.scope, `This request needs elevated access (${check.scope}).`);
}

async function digestOf(c: Context, getPayload: ElevatedAccessCheck['getPayload']): Promise<string> {
  const payload = getPayload ? await getPayload(c) : await readJsonBody(c);
  return serverPayloadDigest(payload);
}

/** The check a scope or an action stands for: an action requires its scope and binds its payload. */
function toCheck(scopeOrAction: TokenScope | MFAAction, options: RequireElevatedAccessOptions): ElevatedAccessCheck {
  let check: ElevatedAccessCheck;
  if (isMfaAction(scopeOrAction)) check = { scope: ACTION_SCOPE[scopeOrAction], action: scopeOrAction };
  else if (isTokenScope(scopeOrAction)) {
    if (options.action !== undefined && ACTION_SCOPE[options.action] !== scopeOrAction) {
      throw new Error(`mfa-kit: requireElevatedAccess: the action "${String(options.action)}" does not go with the scope "${scopeOrAction}"`);
    }
    check = { scope: scopeOrAction, action: options.action };
  } else throw new Error(`mfa-kit: requireElevatedAccess: unknown scope or action "${String(scopeOrAction)}"`);
  check.getPayload = options.getPayload;
  check.allowMfaToken = options.allowMfaToken;
  return check;
}

/**
 * The guard as a call, for a handler that decides which scope or action applies only once
 * it has read the request (for example, enabling vs revoking a delegation). Throws the same
 * 401 / 403 `MfaHttpError`s as `requireElevatedAccess`.
 */
export async function assertElevatedAccess(c: Context, scopeOrAction: TokenScope | MFAAction, options: RequireElevatedAccessOptions = {}): Promise<void> {
  await enforceElevatedAccess(c, getMfaContext(c), await getPrincipal(c), toCheck(scopeOrAction, options));
}

/**
 * Hono middleware guarding a route with elevated access: pass an `MFAAction` (its scope is
 * required, and an action-bound token must match this request's payload) or a `TokenScope`.
 * Answers 401 `elevated_access_required` with `requiredScopes` and an RFC 9470
 * `WWW-Authenticate` challenge, or 403 `elevated_access_mismatch`. The app must come from
 * `createMfaServer` (which provides the session and the store).
 */
export function requireElevatedAccess(scopeOrAction: TokenScope | MFAAction, options: RequireElevatedAccessOptions = {}): MiddlewareHandler {
  const check = toCheck(scopeOrAction, options);
  return async (c, next) => {
    await enforceElevatedAccess(c, getMfaContext(c), await getPrincipal(c), check);
    await next();
  };
}
