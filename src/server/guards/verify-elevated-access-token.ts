import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type CryptoKey, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { MFAAction, ServerErrorCode, TokenScope } from '../../protocol/index.js';
import type { ElevatedAccessClaims } from '../tokens/elevated-token.js';
import type { JwsVerifier } from '../tokens/jws-verifier.js';
import { hasLowS } from '../tokens/low-s.js';
import { ELEVATED_TOKEN_TYP, SIGNING_ALG } from '../tokens/signing-keys.js';

/** Why a token was refused: `elevated_access_required` (invalid, expired, wrong scope) or `elevated_access_mismatch`. */
export class ElevatedAccessError extends Error {
  override readonly name = 'ElevatedAccessError';
  constructor(
    readonly code: Extract<ServerErrorCode, 'elevated_access_required' | 'elevated_access_mismatch'>,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyElevatedJwtOptions {
  issuer: string;
  audience: string;
  /** The scope the protected operation needs. */
  scope: TokenScope;
  /** When set, the token must belong to this user (`sub`). */
  userId?: string | undefined;
  /** When set, the token must belong to this session (`sid`). */
  sessionId?: string | undefined;
  /**
   * docs/architecture.md §10: the action and the digest of the request being performed. The digest
   * may be given as a function: it is then called only for a token that is bound to an action.
   */
  action?: { mfaAction: MFAAction; payloadDigest: string | (() => string | Promise<string>) } | undefined;
  /** The factor a `credential:unlink` check removes: only an approval naming it passes. */
  credentialId?: string | undefined;
  currentDate?: Date | undefined;
}

/** The claims every elevated token must carry (RFC 7519 §4.1 and docs/architecture.md §7). */
const REQUIRED_CLAIMS = ['sub', 'sid', 'scope', 'exp', 'iat', 'jti'];

/** Runs the signature and registered-claim checks; any failure there is the same refusal. */
async function signedClaims(verifySignature: () => Promise<unknown> | unknown): Promise<ElevatedAccessClaims> {
  try {
    return (await verifySignature()) as ElevatedAccessClaims;
  } catch {
    throw new ElevatedAccessError('elevated_access_required', 'The elevated access token is invalid or expired.');
  }
}

/**
 * Every check of docs/architecture.md §7 except single use: signature (ES256 only — `alg: none` and
 * HMAC confusion are refused by jose's `algorithms` allow-list) by the key the header's `kid`
 * names (pass a JWKS resolver; a bare key cannot check the `kid`), issuer, audience, expiry,
 * user, session, scope, and the action digest.
 */
export async function verifyElevatedJwt(token: string, key: CryptoKey | JWTVerifyGetKey, options: VerifyElevatedJwtOptions): Promise<ElevatedAccessClaims> {
  const claims = await signedClaims(async () => {
    if (!hasLowS(token)) throw new Error('high S');
    const verified = await jwtVerify(token, key as CryptoKey, {
      algorithms: [SIGNING_ALG],
      issuer: options.issuer,
      audience: options.audience,
      currentDate: options.currentDate,
      requiredClaims: REQUIRED_CLAIMS,
      // RFC 8725 §3.11: the type says what the token is for; ours are all typ JWT.
      typ: ELEVATED_TOKEN_TYP,
    });
    // docs/architecture.md §7: our tokens always name their key. Without a `kid`, jose would try the only
    // key of a one-key JWKS; refusing it keeps key selection explicit (and rotation safe).
    if (typeof verified.protectedHeader.kid !== 'string') throw new Error('no kid');
    return verified.payload;
  });
  return checkElevatedClaims(claims, options);
}

/**
 * `verifyElevatedJwt` for the server's own guard, with the server's own keys: the same checks,
 * the signature and registered claims by `verifier` (jws-verifier.ts) instead of jose.
 */
export async function verifyOwnElevatedJwt(token: string, verifier: JwsVerifier, options: VerifyElevatedJwtOptions): Promise<ElevatedAccessClaims> {
  const claims = await signedClaims(
    () =>
      verifier(token, {
        issuer: options.issuer,
        audience: options.audience,
        typ: ELEVATED_TOKEN_TYP,
        requiredClaims: REQUIRED_CLAIMS,
        currentDate: options.currentDate,
      }).payload,
  );
  return checkElevatedClaims(claims, options);
}

/** The checks after the signature: claim types, user, session, scope, binding. */
async function checkElevatedClaims(claims: ElevatedAccessClaims, options: VerifyElevatedJwtOptions): Promise<ElevatedAccessClaims> {
  if (typeof claims.scope !== 'string' || typeof claims.jti !== 'string' || typeof claims.sid !== 'string') {
    throw new ElevatedAccessError('elevated_access_required', 'The elevated access token is malformed.');
  }
  if (options.userId !== undefined && claims.sub !== options.userId) {
    throw new ElevatedAccessError('elevated_access_required', 'The elevated access token belongs to another user.');
  }
  if (options.sessionId !== undefined && claims.sid !== options.sessionId) {
    throw new ElevatedAccessError('elevated_access_required', 'The elevated access token belongs to another session.');
  }
  if (!claims.scope.split(' ').includes(options.scope)) {
    throw new ElevatedAccessError('elevated_access_required', `The elevated access token lacks the scope ${options.scope}.`);
  }
  await checkBinding(claims, options);
  return claims;
}

/**
 * docs/architecture.md §7: a token that carries `authorization_details` approves one request and fails
 * closed everywhere else. It passes only a check that names what it is bound to: the action
 * and the digest of the guarded payload, or the factor an unlink removes. An unlink check
 * accepts nothing but an approval naming that factor.
 */
async function checkBinding(claims: ElevatedAccessClaims, options: VerifyElevatedJwtOptions): Promise<void> {
  const raw: unknown = claims.authorization_details;
  const details = (Array.isArray(raw) ? raw : raw === undefined ? [] : [null]) as Array<Record<string, unknown> | null>;
  const mismatch = () => new ElevatedAccessError('elevated_access_mismatch', 'The elevated access token approves a different request.');
  if (options.credentialId !== undefined) {
    if (details.length === 0) {
      throw new ElevatedAccessError('elevated_access_required', 'Removing a factor needs an approval that names it (`credentialId`).');
    }
    if (!details.every((d) => d?.type === 'credential:unlink' && d.credential_id === options.credentialId)) throw mismatch();
    return;
  }
  if (details.length === 0) return;
  const { action } = options;
  if (!action) {
    throw new ElevatedAccessError('elevated_access_required', 'The elevated access token is bound to one request, and this check does not name it.');
  }
  const digest = typeof action.payloadDigest === 'string' ? action.payloadDigest : await action.payloadDigest();
  if (!details.every((d) => d?.type === action.mfaAction && d.payload_digest === digest)) throw mismatch();
}

export interface VerifyElevatedAccessTokenOptions {
  scope: TokenScope;
  /** The issuing server's keys: its JWKS document, or the URL of `/.well-known/jwks.json`. */
  jwks: JSONWebKeySet | URL | string;
  /**
   * The issuing server's `issuer`: by default the first of its `expectedOrigins` (its
   * origin). Required: a default shared by every install would accept another's tokens.
   */
  issuer: string;
  /** The issuing server's `audience` (by default, like `issuer`, its origin). Required. */
  audience: string;
  userId?: string;
  sessionId?: string;
  action?: { mfaAction: MFAAction; payloadDigest: string };
  /** For a check that removes one factor: only an unlink approval naming it passes. */
  credentialId?: string;
  currentDate?: Date;
}

/** One remote key set per URL, so jose's cache and cooldown work across calls. */
const remoteKeySets = new Map<string, JWTVerifyGetKey>();
function remoteJwks(url: string): JWTVerifyGetKey {
  let keySet = remoteKeySets.get(url);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url));
    remoteKeySets.set(url, keySet);
  }
  return keySet;
}

/**
 * Verifies an elevated access token in a resource server that runs apart from the mfa-kit
 * server, with only its JWKS. Resolves with the claims or rejects with `ElevatedAccessError`.
 *
 * It has no store, so it CANNOT enforce single use: a `single_use` token stays valid here
 * until it expires. Resource servers that need single use must record `jti`s themselves
 * (until `exp`) or use `requireElevatedAccess` on the mfa-kit server.
 */
export async function verifyElevatedAccessToken(token: string, options: VerifyElevatedAccessTokenOptions): Promise<ElevatedAccessClaims> {
  const keys = typeof options.jwks === 'string' || options.jwks instanceof URL ? remoteJwks(String(options.jwks)) : createLocalJWKSet(options.jwks);
  // From plain JavaScript a missing value would make jose skip the check: refuse instead.
  if (typeof options.issuer !== 'string' || !options.issuer || typeof options.audience !== 'string' || !options.audience) {
    throw new TypeError("mfa-kit/server: verifyElevatedAccessToken needs `issuer` and `audience` (the issuing server's, by default its origin).");
  }
  return verifyElevatedJwt(token, keys, {
    issuer: options.issuer,
    audience: options.audience,
    scope: options.scope,
    userId: options.userId,
    sessionId: options.sessionId,
    action: options.action,
    credentialId: options.credentialId,
    currentDate: options.currentDate,
  });
}
