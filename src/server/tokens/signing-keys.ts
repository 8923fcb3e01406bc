import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type JWTVerifyGetKey } from 'jose';
import type { KeyVault } from '../crypto/key-vault.js';
import { createEs256Signer, type JwsSigner } from './jws-signer.js';
import { createEs256Verifier, type JwsVerifier } from './jws-verifier.js';

export const SIGNING_ALG = 'ES256';
/** The `typ` header every elevated token carries, and every verifier requires. */
export const ELEVATED_TOKEN_TYP = 'JWT';
const SIGNING_KEY_FILE = 'signing-key.jwk.json';

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** Signs claims with `privateKey` as a compact ES256 JWS (header `alg`, `kid`, `typ`), low S. */
  sign: JwsSigner;
  publicKey: CryptoKey;
  /** The public JWK of the key that signs. */
  publicJwk: JWK;
  /** What `/.well-known/jwks.json` publishes: the signing key first, then the retired ones. */
  published: JWK[];
  /**
   * The published JWKS as a key resolver: the guard picks the key by the token's `kid` exactly
   * as a resource server with `verifyElevatedAccessToken` does, so both accept the same tokens.
   */
  keySet: JWTVerifyGetKey;
  /** The same keys for the server's own guard: the checks of `keySet` with jose, over node:crypto (jws-verifier.ts). */
  verifyOwn: JwsVerifier;
}

/** A fresh P-256 key pair as a private JWK (with `d`). */
export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  return exportJWK(privateKey);
}

/** The public half of an EC P-256 JWK, as published; `kid` is its RFC 7638 thumbprint unless the JWK names one. */
async function publicJwkOf(jwk: JWK, what: string): Promise<JWK> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new Error(`mfa-kit: ${what} must be an EC P-256 JWK (ES256).`);
  }
  const { kty, crv, x, y } = jwk;
  const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty, crv, x, y }));
  return { kty, crv, x, y, kid, alg: SIGNING_ALG, use: 'sig' };
}

/**
 * Imports the private ES256 JWK that signs, and the keys it replaced: those only verify. A
 * retired key stays published until every token it signed has expired (at most the longest
 * token lifetime, 10 minutes by default), so rotating never logs anyone out of a step-up.
 */
export async function importSigningKeys(jwk: JWK, retired: readonly JWK[] = []): Promise<SigningKeys> {
  if (typeof jwk.d !== 'string') throw new Error('mfa-kit: the signing key must be a private EC P-256 JWK (ES256).');
  const publicJwk = await publicJwkOf(jwk, 'the signing key');
  const privateKey = (await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG)) as CryptoKey;
  const publicKey = (await importJWK(publicJwk, SIGNING_ALG)) as CryptoKey;
  const published = [publicJwk];
  for (const old of retired) {
    const publicOld = await publicJwkOf(old, 'each retired signing key');
    await importJWK(publicOld, SIGNING_ALG); // a key that can't verify fails the start, not a user's request
    const sameKid = published.find((key) => key.kid === publicOld.kid);
    if (!sameKid) published.push(publicOld);
    // Two keys under one kid: a verifier could only ever find one, and tokens of the other would fail.
    else if (sameKid.x !== publicOld.x || sameKid.y !== publicOld.y) {
      throw new Error(`mfa-kit: two different signing keys share the kid "${publicOld.kid}"; give the new one its own.`);
    }
  }
  const kid = publicJwk.kid!;
  const sign = createEs256Signer(jwk, { alg: SIGNING_ALG, kid, typ: ELEVATED_TOKEN_TYP });
  return { kid, privateKey, sign, publicKey, publicJwk, published, keySet: createLocalJWKSet({ keys: published }), verifyOwn: createEs256Verifier(published) };
}

/** Under this name a shared vault keeps public keys that still verify but no longer sign (a JSON array). */
export const RETIRED_SIGNING_KEYS_NAME = 'retired-signing-keys.json';

/**
 * The signing key kept in the vault (made on first start: in `dataDir`, or in the database
 * that several instances share), or an ephemeral one when there is none. The vault's
 * retired keys are published beside the ones configured.
 */
export async function loadSigningKeys(vault: KeyVault | undefined, configured?: JWK, retired: readonly JWK[] = []): Promise<SigningKeys> {
  const keptRetired = await vault?.read(RETIRED_SIGNING_KEYS_NAME);
  const kept = keptRetired === undefined ? [] : (JSON.parse(keptRetired) as JWK[]);
  const allRetired = [...retired, ...kept];
  if (configured) return importSigningKeys(configured, allRetired);
  if (!vault) return importSigningKeys(await generateSigningJwk(), allRetired);
  // Generated up front because key generation is async and the vault's creation callback is not.
  const fresh = JSON.stringify(await generateSigningJwk());
  const stored = await vault.loadOrCreate(SIGNING_KEY_FILE, () => fresh);
  return importSigningKeys(JSON.parse(stored) as JWK, allRetired);
}
