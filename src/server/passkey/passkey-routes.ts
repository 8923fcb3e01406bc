import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { Hono } from 'hono';
import {
  ROUTES,
  routePattern,
  TokenScope,
  isMfaAction,
  type PasskeyAuthenticationOptionsRequest,
  type PasskeyAuthenticationVerifyRequest,
  type PasskeyRegistrationVerifyRequest,
  type PasskeyRegistrationVerifyResponse,
  type RenamePasskeyRequest,
} from '../../protocol/index.js';
import type { MfaEnv } from '../context.js';
import { newId } from '../crypto/random.js';
import { enforceElevatedAccess } from '../guards/require-elevated-access.js';
import { MfaHttpError, notFound } from '../http/mfa-http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { readActionBinding, readName, readTokenRequest } from '../http/validate.js';
import { isStaleEnrollment, staleEnrollment, userHasVerifiedMethods } from '../policy.js';
import { issueFirstRecoveryCodes } from '../recovery-codes/recovery-code.js';
import { recordSecurityEvent } from '../security-events.js';
import { enrollmentTokenRequest, issueVerifyResponse, normalizeTokenRequest } from '../tokens/issue-verify-response.js';
import { toPasskey } from '../wire.js';
import { codeAttemptSucceeded } from '../lockout.js';
import { dropRecoveryCodesWithoutFactors, lastFactorRefused, refuseRemovingLastFactor } from '../factor-removal.js';
import { CHALLENGE_TTL_MS, challengeIssuedAt, challengeOf, consumeChallenge, createChallenge } from './passkey-challenge.js';
import { readAuthenticationResponse, readRegistrationResponse } from './read-webauthn-response.js';
import { refuseUnexpectedCrossOrigin } from './cross-origin.js';

/** COSE algorithm ids (IANA): ES256, EdDSA, RS256 — what platform and roaming authenticators offer. */
const SUPPORTED_ALGORITHM_IDS = [-7, -8, -257];

const verificationFailed = () => new MfaHttpError('passkey_verification_failed', 'The passkey could not be verified.');

export function passkeyRoutes(): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();

  app.post(ROUTES.passkeyRegistrationOptions, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    await readJsonBody(c);
    await enforceElevatedAccess(c, ctx, principal, { scope: TokenScope.Credentiallink });
    const accountName = principal.accountName ?? principal.userId;
    const existing = await ctx.store.listPasskeys(principal.userId);
    const options = await generateRegistrationOptions({
      rpName: ctx.config.rpName,
      rpID: ctx.config.rpId,
      userName: accountName,
      userDisplayName: accountName,
      userID: new TextEncoder().encode(principal.userId),
      challenge: await createChallenge(ctx, principal.userId, 'registration'),
      timeout: CHALLENGE_TTL_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      supportedAlgorithmIDs: SUPPORTED_ALGORITHM_IDS,
    });
    return c.json(options);
  });

  app.post(ROUTES.passkeyRegistrationVerify, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    const body = await readJsonBody(c);
    const { response, name, ...requested } = {
      response: readRegistrationResponse(body),
      name: readName(body, { required: false }),
      ...readTokenRequest(body),
    } satisfies PasskeyRegistrationVerifyRequest;
    const tokens = normalizeTokenRequest(ctx, requested);
    const challenge = await consumeChallenge(ctx, principal.userId, 'registration', challengeOf(body.response as Record<string, unknown>));
    if (await isStaleEnrollment(ctx.store, principal.userId, challengeIssuedAt(challenge))) throw staleEnrollment();
    refuseUnexpectedCrossOrigin(response.response.clientDataJSON, ctx.config.expectedTopOrigins);
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: ctx.config.expectedOrigins,
        expectedRPID: ctx.config.rpId,
        requireUserVerification: true,
        supportedAlgorithmIDs: SUPPORTED_ALGORITHM_IDS,
      });
    } catch {
      throw verificationFailed();
    }
    if (!verification.verified) throw verificationFailed();
    const { credential } = verification.registrationInfo;
    const now = ctx.now();
    const firstFactor = !(await userHasVerifiedMethods(ctx.store, principal.userId));
    const record = {
      id: newId(),
      userId: principal.userId,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: response.response.transports ?? [],
      name: name ?? `Passkey ${(await ctx.store.listPasskeys(principal.userId)).length + 1}`,
      createdAt: now,
      lastUsedAt: now,
    };
    // A credential id already held (by this account or another) gets the answer any failed
    // verification gets: "already registered" would tell a caller whose passkey it is.
    if (!(await ctx.store.insertPasskey(record))) throw verificationFailed();
    await recordSecurityEvent(c, principal, 'factor_added', { factor: { kind: 'passkey', id: record.id, name: record.name } });
    const recoveryCodes = await issueFirstRecoveryCodes(c, principal);
    const result: PasskeyRegistrationVerifyResponse = {
      passkey: toPasskey(record),
      ...(recoveryCodes ? { recoveryCodes } : {}),
      ...(await issueVerifyResponse(c, principal, 'passkey', enrollmentTokenRequest(tokens, firstFactor))),
    };
    return c.json(result, 201);
  });

  app.patch(routePattern(ROUTES.passkey), async (c) => {
    const ctx = c.var.mfa;
    const { name } = { name: readName(await readJsonBody(c), { required: true })! } satisfies RenamePasskeyRequest;
    // The pattern comes from ROUTES, so the router types the parameter as possibly absent; it never is.
    const id = c.req.param('id') ?? '';
    // docs/architecture.md §7: a factor's name is what a step-up prompt shows; changing it is
    // a credential change, approved with `credential:update` like new recovery codes.
    if (!(await ctx.store.listPasskeys(c.var.mfaPrincipal.userId)).some((p) => p.id === id)) throw notFound('No such passkey.');
    await enforceElevatedAccess(c, ctx, c.var.mfaPrincipal, { scope: TokenScope.Credentialupdate });
    const renamed = await ctx.store.renamePasskey(c.var.mfaPrincipal.userId, id, name);
    if (!renamed) throw notFound('No such passkey.');
    await recordSecurityEvent(c, c.var.mfaPrincipal, 'factor_renamed', { factor: { kind: 'passkey', id: renamed.id, name } });
    return c.json(toPasskey(renamed));
  });

  app.delete(routePattern(ROUTES.passkey), async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    // The pattern comes from ROUTES, so the router types the parameter as possibly absent; it never is.
    const id = c.req.param('id') ?? '';
    if (!(await ctx.store.listPasskeys(principal.userId)).some((p) => p.id === id)) throw notFound('No such passkey.');
    const keepLastFactor = await refuseRemovingLastFactor(ctx, principal.userId, true);
    await enforceElevatedAccess(c, ctx, principal, { scope: TokenScope.Credentialunlink, credentialId: id });
    if (!(await ctx.store.deletePasskey(principal.userId, id, keepLastFactor))) throw lastFactorRefused();
    await recordSecurityEvent(c, principal, 'factor_removed', { factor: { kind: 'passkey', id } });
    await dropRecoveryCodesWithoutFactors(ctx, principal.userId);
    return c.body(null, 204);
  });

  app.post(ROUTES.passkeyAuthenticationOptions, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    const { action } = { action: readActionBinding((await readJsonBody(c)).action) } satisfies PasskeyAuthenticationOptionsRequest;
    const passkeys = await ctx.store.listPasskeys(principal.userId);
    if (passkeys.length === 0) throw notFound('No passkey is registered.');
    const options = await generateAuthenticationOptions({
      rpID: ctx.config.rpId,
      challenge: await createChallenge(ctx, principal.userId, 'authentication', action),
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
      userVerification: 'required',
      timeout: CHALLENGE_TTL_MS,
    });
    return c.json(options);
  });

  app.post(ROUTES.passkeyAuthenticationVerify, async (c) => {
    const ctx = c.var.mfa;
    const principal = c.var.mfaPrincipal;
    const body = await readJsonBody(c);
    const { response, ...requested } = { response: readAuthenticationResponse(body), ...readTokenRequest(body) } satisfies PasskeyAuthenticationVerifyRequest;
    const challenge = await consumeChallenge(ctx, principal.userId, 'authentication', challengeOf(body.response as Record<string, unknown>));
    // docs/architecture.md §10: the approval is what the challenge committed to, never what the body claims.
    const bound =
      challenge.payloadDigest !== null && isMfaAction(challenge.mfaAction)
        ? { mfaAction: challenge.mfaAction, payloadDigest: challenge.payloadDigest }
        : undefined;
    if (requested.action && (requested.action.payloadDigest !== bound?.payloadDigest || requested.action.mfaAction !== bound.mfaAction)) {
      throw new MfaHttpError('elevated_access_mismatch', 'This assertion approves a different request.');
    }
    const tokens = normalizeTokenRequest(ctx, { ...requested, action: bound });
    const passkey = await ctx.store.getPasskeyByCredentialId(principal.userId, response.id);
    if (!passkey) throw verificationFailed();
    refuseUnexpectedCrossOrigin(response.response.clientDataJSON, ctx.config.expectedTopOrigins);
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: ctx.config.expectedOrigins,
        expectedRPID: ctx.config.rpId,
        credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
        ...(ctx.config.expectedTopOrigins.length ? { expectedTopOrigin: ctx.config.expectedTopOrigins } : {}),
        requireUserVerification: true,
      });
    } catch {
      throw verificationFailed();
    }
    // W3C WebAuthn §7.2 step 22: a counter that did not move forward may be a cloned key.
    if (
      !verification.verified ||
      !(await ctx.store.updatePasskeyCounter(principal.userId, passkey.id, verification.authenticationInfo.newCounter, ctx.now()))
    ) {
      throw verificationFailed();
    }
    // A passkey proves the user: it lifts a code lockout, the permanent one included.
    await codeAttemptSucceeded(ctx, principal.userId);
    return c.json(await issueVerifyResponse(c, principal, 'passkey', tokens));
  });

  return app;
}
