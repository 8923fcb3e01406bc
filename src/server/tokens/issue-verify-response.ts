import { ACTION_SCOPE, type MfaMethod, type VerifyResponse } from '../../protocol/index.js';
import type { MfaServerContext } from '../context.js';
import { invalidRequest } from '../http/mfa-http-error.js';
import type { ParsedTokenRequest } from '../http/validate.js';
import type { MfaPrincipal } from '../options.js';
import { issueElevatedToken, type Amr } from './elevated-token.js';
import { issueMfaToken } from './mfa-token.js';

/** RFC 8176: `otp` for TOTP and recovery codes (both one-time codes); `hwk` + `user` for a passkey with UV. */
export const AMR_BY_METHOD: Record<MfaMethod, Amr[]> = {
  totp: ['otp'],
  recovery_code: ['otp'],
  passkey: ['hwk', 'user'],
};

/**
 * Checks a token request before any code is spent (so a malformed request never burns one):
 * an action binding adds its action's scope; legacy tokens may be disabled.
 */
export function normalizeTokenRequest(ctx: MfaServerContext, request: ParsedTokenRequest): ParsedTokenRequest {
  if (request.createMfaToken && !ctx.config.allowLegacyMfaToken) {
    throw invalidRequest('Legacy MFA tokens are disabled on this server; request scopes instead.');
  }
  const scopes = [...request.requestedScopes];
  if (request.action) {
    const scope = ACTION_SCOPE[request.action.mfaAction];
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  return { ...request, requestedScopes: scopes };
}

/** The `VerifyResponse` of a successful verification: the tokens the request asked for. */
export async function issueVerifyResponse(
  ctx: MfaServerContext,
  principal: MfaPrincipal,
  method: MfaMethod,
  request: ParsedTokenRequest,
): Promise<VerifyResponse> {
  const response: VerifyResponse = { method };
  if (request.requestedScopes.length > 0) {
    response.elevatedAccessToken = await issueElevatedToken(ctx, {
      principal,
      scopes: request.requestedScopes,
      amr: AMR_BY_METHOD[method],
      action: request.action,
    });
  }
  if (request.createMfaToken) {
    response.mfaToken = issueMfaToken(ctx, principal, request.createMfaToken.singleUse);
  }
  return response;
}
