import { ACTION_SCOPE, TokenScope, unboundBesideAction, type MfaMethod, type VerifyResponse } from '../../protocol/index.js';
import type { Context } from 'hono';
import type { MfaEnv, MfaServerContext } from '../context.js';
import { invalidRequest } from '../http/mfa-http-error.js';
import type { ParsedTokenRequest } from '../http/validate.js';
import type { MfaPrincipal } from '../options.js';
import { issueElevatedToken, type Amr } from './elevated-token.js';
import { issueMfaToken } from './mfa-token.js';
import { notifySecurityEvent, securityEventRecord } from '../security-events.js';
import type { SecurityEventRecord } from '../store/mfa-store.js';

/** RFC 8176: `otp` for TOTP and recovery codes (both one-time codes); `hwk` + `user` for a passkey with UV. */
export const AMR_BY_METHOD: Record<MfaMethod, Amr[]> = {
  totp: ['otp'],
  recovery_code: ['otp'],
  passkey: ['hwk', 'user'],
};

/**
 * Checks a token request before any code is spent (so a malformed request never burns one):
 * legacy tokens may be disabled; an action binding grants its action's scope and nothing
 * else. The user approved one concrete request, shown to them in plain words; an unbound
 * scope or a legacy token riding along would authorise what they were never shown.
 */
export function normalizeTokenRequest(ctx: MfaServerContext, request: ParsedTokenRequest): ParsedTokenRequest {
  if (request.createMfaToken && !ctx.config.allowLegacyMfaToken) {
    throw invalidRequest('Legacy MFA tokens are disabled on this server; request scopes instead.');
  }
  const unlink = request.requestedScopes.includes(TokenScope.Credentialunlink);
  if (unlink || request.credentialId !== undefined) {
    // An unlink approval removes one named factor and does nothing else: a multi-use,
    // unbound one could strip every factor and leave the account with no MFA at all.
    if (!unlink || !request.credentialId || request.requestedScopes.length !== 1 || request.createMfaToken || request.action) {
      throw invalidRequest('`credential:unlink` is requested alone, with the `credentialId` of the one factor it removes.');
    }
    return request;
  }
  if (!request.action) return request;
  const unbound = unboundBesideAction(request.action.mfaAction, {
    requestedScopes: request.requestedScopes,
    legacyToken: Boolean(request.createMfaToken),
  });
  if (unbound) throw invalidRequest(unbound);
  return { ...request, requestedScopes: [ACTION_SCOPE[request.action.mfaAction]] };
}

/**
 * What an enrollment's answer may carry. Enroll-then-continue is for the user's first factor:
 * a factor added under a `credential:link` approval mints nothing else in the same answer, or
 * one link approval would turn into an export or an unlink approval.
 */
export function enrollmentTokenRequest(request: ParsedTokenRequest, firstFactor: boolean): ParsedTokenRequest {
  return firstFactor ? request : { requestedScopes: [], createMfaToken: false, action: undefined };
}

/**
 * The `step_up_granted` audit record of the tokens `request` asks for, or none when it asks
 * for none: built before the code is checked, so a store can write it in the transaction that
 * accepts the code (`MfaStore.attemptTotpStep`).
 */
export async function stepUpGrantedEvent(
  c: Context<MfaEnv>,
  principal: MfaPrincipal,
  method: MfaMethod,
  request: ParsedTokenRequest,
): Promise<SecurityEventRecord | undefined> {
  if (request.requestedScopes.length === 0 && !request.createMfaToken) return undefined;
  return securityEventRecord(c, principal, 'step_up_granted', {
    method,
    scopes: request.requestedScopes,
    ...(request.action ? { action: request.action.mfaAction } : {}),
  });
}

/**
 * The `VerifyResponse` of a successful verification: the tokens the request asked for, and
 * their `step_up_granted` event — written here, unless `recorded` says the store already wrote
 * it with the verification (then the app is only told).
 */
export async function issueVerifyResponse(
  c: Context<MfaEnv>,
  principal: MfaPrincipal,
  method: MfaMethod,
  request: ParsedTokenRequest,
  recorded?: SecurityEventRecord,
): Promise<VerifyResponse> {
  const ctx = c.var.mfa;
  const response: VerifyResponse = { method };
  if (request.requestedScopes.length > 0) {
    response.elevatedAccessToken = await issueElevatedToken(ctx, {
      principal,
      scopes: request.requestedScopes,
      amr: AMR_BY_METHOD[method],
      action: request.action,
      credentialId: request.credentialId,
    });
  }
  if (request.createMfaToken) {
    response.mfaToken = await issueMfaToken(ctx, principal, request.createMfaToken.singleUse);
  }
  if (recorded) await notifySecurityEvent(c, recorded);
  else {
    const event = await stepUpGrantedEvent(c, principal, method, request);
    if (event) {
      await ctx.store.insertSecurityEvent(event);
      await notifySecurityEvent(c, event);
    }
  }
  return response;
}
