import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { hasLowS } from './low-s.js';

/** What a verified token carries: its protected header and its claims, both JSON objects. */
export interface VerifiedJws {
  protectedHeader: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** The registered-claim checks (RFC 7519 §4.1) made with the signature, as jose's `jwtVerify` makes them. */
export interface JwtClaimsCheck {
  issuer: string;
  audience: string;
  /** The `typ` header, compared as RFC 7515 §4.1.9 says (case-insensitive, `application/` optional). */
  typ: string;
  requiredClaims: readonly string[];
  currentDate?: Date | undefined;
}

/** Verifies one of our own compact ES256 JWTs; throws on anything it would not accept. */
export type JwsVerifier = (token: string, check: JwtClaimsCheck) => VerifiedJws;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/**
 * How many verified tokens a verifier remembers. A multi-use token is presented again on every
 * guarded request it approves; its signature (an ES256 check, ~100 µs, most of a guard's own
 * work) need only be checked the first time. About 1 kB each; the oldest goes first. Only
 * multi-use tokens (`single_use: false`) are remembered: a single-use one is spent at its
 * first use, so remembering it would only take memory.
 */
export const VERIFIED_TOKENS_REMEMBERED = 4096;

function jsonObject(segment: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

const normalizeTyp = (typ: string) => typ.toLowerCase().replace(/^application\//, '');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The guard's verifier for the tokens this server signs: the same decisions as jose's
 * `jwtVerify` against the published JWKS (header, key by `kid`, signature, registered
 * claims), over node:crypto's synchronous `verify` with each public key imported once. jose
 * runs every verification as a WebCrypto job on libuv's thread pool; on a loaded core the
 * hop there and back cost about as much as the signature check itself, on every guarded
 * request. Where jose is lenient about headers this server never writes (`crit`, `b64`), it
 * refuses. Resource servers keep jose (`verifyElevatedAccessToken`): they hold only a JWKS,
 * perhaps remote, and `jws-verifier.test.ts` holds both to the same verdicts.
 */
export function createEs256Verifier(publicJwks: readonly JWK[]): JwsVerifier {
  const keys = new Map<string, KeyObject>();
  for (const jwk of publicJwks) {
    if (typeof jwk.kid === 'string') keys.set(jwk.kid, createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }));
  }
  // Exactly these bytes were verified under one of these keys (a rotation builds a new verifier,
  // so a retired key's tokens are not remembered past it). Only the signature is remembered:
  // the type and claims are checked on every call, so an expired token fails as it would unremembered.
  const remembered = new Map<string, VerifiedJws>();
  return (token, check) => {
    const known = typeof token === 'string' ? remembered.get(token) : undefined;
    if (known) {
      checkTypeAndClaims(known, check);
      return known;
    }
    const verified = verifySignature(token);
    checkTypeAndClaims(verified, check);
    if (verified.payload.single_use !== false) return verified;
    if (remembered.size >= VERIFIED_TOKENS_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    // Frozen: every later call hands out the same objects.
    remembered.set(token, deepFreeze(verified));
    return verified;
  };

  function verifySignature(token: string): VerifiedJws {
    if (typeof token !== 'string' || !COMPACT_JWS.test(token)) throw new Error('not a compact JWS');
    const [encodedHeader, encodedPayload, encodedSignature] = token.split('.') as [string, string, string];
    const protectedHeader = jsonObject(encodedHeader);
    // RFC 7515 §4.1.11: an extension we do not understand must be refused; we write none.
    if ('crit' in protectedHeader || 'b64' in protectedHeader) throw new Error('unsupported header');
    if (protectedHeader.alg !== 'ES256') throw new Error('alg');
    const key = typeof protectedHeader.kid === 'string' ? keys.get(protectedHeader.kid) : undefined;
    if (!key) throw new Error('no key for this kid');
    if (!hasLowS(token)) throw new Error('high S');
    const signature = Buffer.from(encodedSignature, 'base64url');
    const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    if (!verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature)) throw new Error('signature');
    return { protectedHeader, payload: jsonObject(encodedPayload) };
  }
}

/** The `typ` header, then jose's `validateClaimsSet` for the options the guard passes (no clock tolerance, no maximum age). */
function checkTypeAndClaims({ protectedHeader, payload }: VerifiedJws, check: JwtClaimsCheck): void {
  if (typeof protectedHeader.typ !== 'string' || normalizeTyp(protectedHeader.typ) !== normalizeTyp(check.typ)) throw new Error('typ');
  for (const claim of check.requiredClaims) if (!(claim in payload)) throw new Error(`missing ${claim}`);
  if (payload.iss !== check.issuer) throw new Error('iss');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(check.audience)) throw new Error('aud');
  const now = Math.floor((check.currentDate ?? new Date()).getTime() / 1000);
  if (payload.iat !== undefined && typeof payload.iat !== 'number') throw new Error('iat');
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now)) throw new Error('nbf');
  if (payload.exp !== undefined && (typeof payload.exp !== 'number' || payload.exp <= now)) throw new Error('exp');
}
