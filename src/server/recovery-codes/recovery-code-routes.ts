import { Hono } from 'hono';
import { ROUTES, TokenScope, type RecoveryCodesResponse, type VerifyRecoveryCodeRequest } from '../../protocol/index.js';
import type { MfaEnv } from '../context.js';
import { enforceElevatedAccess } from '../guards/require-elevated-access.js';
import { MfaHttpError } from '../http/mfa-http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { readCode, readTokenRequest } from '../http/validate.js';
import { codeAttemptSucceeded, invalidCode, reserveCodeAttempt } from '../lockout.js';
import { userHasVerifiedMethods } from '../policy.js';
import { recordSecurityEvent } from '../security-events.js';
import { issueVerifyResponse, normalizeTokenRequest } from '../tokens/issue-verify-response.js';
import { generateRecoveryCodeSet, redeemRecoveryCode } from './recovery-code.js';

export function recoveryCodeRoutes(): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();

  // Regenerate: replaces the whole set; the new codes are shown this once.
  app.post(ROUTES.recoveryCodes, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    await readJsonBody(c);
    if (!(await userHasVerifiedMethods(ctx.store, principal.userId))) {
      throw new MfaHttpError('conflict', 'Recovery codes come with a first verified method; enroll one first.');
    }
    await enforceElevatedAccess(c, ctx, principal, { scope: TokenScope.Credentialupdate });
    const { codes, sealed } = await generateRecoveryCodeSet();
    await ctx.store.replaceRecoveryCodes(principal.userId, sealed, ctx.now());
    await recordSecurityEvent(c, principal, 'recovery_codes_regenerated');
    const body: RecoveryCodesResponse = { codes };
    return c.json(body, 201);
  });

  app.post(ROUTES.recoveryCodesAcknowledge, async (c) => {
    await readJsonBody(c);
    await c.var.mfa.store.acknowledgeRecoveryCodes(c.var.mfaPrincipal.userId);
    return c.body(null, 204);
  });

  app.post(ROUTES.recoveryCodesVerify, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    const body = await readJsonBody(c);
    const { code, ...requested } = { code: readCode(body), ...readTokenRequest(body) } satisfies VerifyRecoveryCodeRequest;
    const tokens = normalizeTokenRequest(ctx, requested);
    const attempt = await reserveCodeAttempt(ctx, principal.userId);
    if (!(await redeemRecoveryCode(ctx, principal.userId, code))) {
      throw await invalidCode(c, principal, attempt, 'recovery_code', 'The recovery code is not valid or was already used.');
    }
    await codeAttemptSucceeded(ctx, principal.userId);
    const { remaining } = await ctx.store.getRecoveryCodeState(principal.userId);
    await recordSecurityEvent(c, principal, 'recovery_code_used', { reason: `${remaining} left` });
    return c.json(await issueVerifyResponse(c, principal, 'recovery_code', tokens));
  });

  return app;
}
