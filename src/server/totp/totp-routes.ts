import { Hono, type Context } from 'hono';
import {
  ROUTES,
  routePattern,
  TokenScope,
  type CreateTotpDeviceResponse,
  type VerifyResponse,
  type VerifyTotpDeviceRequest,
  type VerifyTotpDeviceResponse,
  type VerifyTotpRequest,
} from '../../protocol/index.js';
import type { MfaEnv } from '../context.js';
import { newId } from '../crypto/random.js';
import { enforceElevatedAccess } from '../guards/require-elevated-access.js';
import { notFound } from '../http/mfa-http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { readCode, readOptionalString, readTokenRequest } from '../http/validate.js';
import { attemptRefused, invalidCode } from '../lockout.js';
import type { MfaPrincipal } from '../options.js';
import { isStaleEnrollment, staleEnrollment, userHasVerifiedMethods } from '../policy.js';
import { issueFirstRecoveryCodes } from '../recovery-codes/recovery-code.js';
import { recordSecurityEvent } from '../security-events.js';
import type { SecurityEventRecord, TotpDeviceRecord } from '../store/mfa-store.js';
import { enrollmentTokenRequest, issueVerifyResponse, normalizeTokenRequest, stepUpGrantedEvent } from '../tokens/issue-verify-response.js';
import { toTotpDevice } from '../wire.js';
import { dropRecoveryCodesWithoutFactors, lastFactorRefused, refuseRemovingLastFactor } from '../factor-removal.js';
import { generateTotpSecret, matchTotpStep, totpUri } from './totp-code.js';

/**
 * Checks a code against one device, with the lockout around it, in one write transaction of
 * the store: the attempt is counted as a failure up front, the step is accepted only while the
 * user is not locked out and only if it is later than the last accepted one (RFC 6238 §5.2),
 * and only an accepted step clears the count. So of 100 concurrent requests carrying one code
 * exactly one wins, and concurrent guesses get no more tries than the lockout allows. The code
 * is matched first (pure computation, the same for every outcome), so the store is reached once.
 * Answers whether the store also wrote `granted`.
 */
async function verifyDeviceCode(
  c: Context<MfaEnv>,
  principal: MfaPrincipal,
  device: TotpDeviceRecord,
  code: string,
  granted?: SecurityEventRecord,
): Promise<boolean> {
  const ctx = c.var.mfa;
  const now = ctx.now();
  const step = matchTotpStep(ctx.secrets.open(device.secretSealed), code, now);
  const attempt = await ctx.store.attemptTotpStep(principal.userId, device.id, step, now, ctx.config.lockout, granted);
  if (!attempt.allowed) throw attemptRefused(ctx, attempt, now);
  if (!attempt.accepted) throw await invalidCode(c, principal, attempt, 'totp');
  return attempt.grantedRecorded === true;
}

function deviceParam(c: Context): string {
  return c.req.param('id') ?? '';
}

export function totpRoutes(): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();

  app.post(ROUTES.totpDevices, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    await readJsonBody(c);
    // docs/architecture.md §6: a second method needs `credential:link` (the policy passes a first one).
    await enforceElevatedAccess(c, ctx, principal, { scope: TokenScope.Credentiallink });
    await ctx.store.deleteUnverifiedTotpDevices(principal.userId);
    const secret = generateTotpSecret();
    const id = newId();
    await ctx.store.insertTotpDevice({
      id,
      userId: principal.userId,
      secretSealed: ctx.secrets.seal(secret),
      createdAt: ctx.now(),
      verifiedAt: null,
      isDefault: false,
      lastStep: null,
      lastUsedAt: null,
    });
    const body: CreateTotpDeviceResponse = { id, secret, uri: totpUri(secret, ctx.config.rpName, principal.accountName ?? principal.userId) };
    return c.json(body, 201);
  });

  app.post(routePattern(ROUTES.totpDeviceVerify), async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    const body = await readJsonBody(c);
    const { code, ...requested } = { code: readCode(body), ...readTokenRequest(body) } satisfies VerifyTotpDeviceRequest;
    const tokens = normalizeTokenRequest(ctx, requested);
    const device = await ctx.store.getTotpDevice(principal.userId, deviceParam(c));
    if (!device) throw notFound('No such TOTP device.');
    if (device.verifiedAt === null && (await isStaleEnrollment(ctx.store, principal.userId, device.createdAt))) {
      await ctx.store.deleteTotpDevice(principal.userId, device.id);
      throw staleEnrollment();
    }
    const firstFactor = !(await userHasVerifiedMethods(ctx.store, principal.userId));
    await verifyDeviceCode(c, principal, device, code);
    await ctx.store.setDefaultTotpDeviceIfNone(principal.userId, device.id);
    if (device.verifiedAt === null) await recordSecurityEvent(c, principal, 'factor_added', { factor: { kind: 'totp', id: device.id } });
    const recoveryCodes = await issueFirstRecoveryCodes(c, principal);
    const verified = (await ctx.store.getTotpDevice(principal.userId, device.id)) ?? device;
    const response: VerifyTotpDeviceResponse = {
      device: toTotpDevice(verified),
      ...(recoveryCodes ? { recoveryCodes } : {}),
      ...(await issueVerifyResponse(c, principal, 'totp', enrollmentTokenRequest(tokens, firstFactor))),
    };
    return c.json(response);
  });

  app.post(routePattern(ROUTES.totpDeviceDefault), async (c) => {
    const ctx = c.var.mfa;
    const device = await ctx.store.getTotpDevice(c.var.mfaPrincipal.userId, deviceParam(c));
    if (!device || device.verifiedAt === null) throw notFound('No such verified TOTP device.');
    // docs/architecture.md §7: the default factor is the one every prompt offers first; changing it
    // is a credential change, approved with `credential:update`.
    await enforceElevatedAccess(c, ctx, c.var.mfaPrincipal, { scope: TokenScope.Credentialupdate });
    if (!(await ctx.store.setDefaultTotpDevice(c.var.mfaPrincipal.userId, deviceParam(c)))) throw notFound('No such verified TOTP device.');
    await recordSecurityEvent(c, c.var.mfaPrincipal, 'default_factor_changed', { factor: { kind: 'totp', id: deviceParam(c) } });
    return c.body(null, 204);
  });

  app.delete(routePattern(ROUTES.totpDevice), async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    const id = deviceParam(c);
    const device = await ctx.store.getTotpDevice(principal.userId, id);
    if (!device) throw notFound('No such TOTP device.');
    const keepLastFactor = await refuseRemovingLastFactor(ctx, principal.userId, device.verifiedAt !== null);
    await enforceElevatedAccess(c, ctx, principal, { scope: TokenScope.Credentialunlink, credentialId: id });
    if (!(await ctx.store.deleteTotpDevice(principal.userId, id, keepLastFactor))) throw lastFactorRefused();
    if (device.verifiedAt !== null) await recordSecurityEvent(c, principal, 'factor_removed', { factor: { kind: 'totp', id } });
    await dropRecoveryCodesWithoutFactors(ctx, principal.userId);
    return c.body(null, 204);
  });

  app.post(ROUTES.totpVerify, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    const body = await readJsonBody(c);
    const { code, deviceId, ...requested } = {
      code: readCode(body),
      deviceId: readOptionalString(body, 'deviceId'),
      ...readTokenRequest(body),
    } satisfies VerifyTotpRequest;
    const tokens = normalizeTokenRequest(ctx, requested);
    const verifiedDevices = (await ctx.store.listTotpDevices(principal.userId)).filter((d) => d.verifiedAt !== null);
    const device = deviceId ? verifiedDevices.find((d) => d.id === deviceId) : (verifiedDevices.find((d) => d.isDefault) ?? verifiedDevices[0]);
    if (!device) throw notFound('No verified TOTP device.');
    // The grant's audit event is written by the transaction that accepts the code.
    const granted = await stepUpGrantedEvent(c, principal, 'totp', tokens);
    const recorded = await verifyDeviceCode(c, principal, device, code, granted);
    const response: VerifyResponse = await issueVerifyResponse(c, principal, 'totp', tokens, recorded ? granted : undefined);
    return c.json(response);
  });

  return app;
}
