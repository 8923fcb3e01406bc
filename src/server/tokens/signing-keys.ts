import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type JWTVerifyGetKey } from 'jose';
import { loadOrCreateKeyFile } from '../crypto/key-file.js';

export const SIGNING_ALG = 'ES256';
const SIGNING_KEY_FILE = 'signing-key.jwk.json';

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public JWK as published at `/.well-known/jwks.json`. */
  publicJwk: JWK;
  /**
   * The published JWKS as a key resolver: the guard picks the key by the token's `kid` exactly
   * as a resource server with `verifyElevatedAccessToken` does, so both accept the same tokens.
   */
  keySet: JWTVerifyGetKey;
}

/** A fresh P-256 key pair as a private JWK (with `d`). */
export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  return exportJWK(privateKey);
}

/** Imports a private ES256 JWK; `kid` is its RFC 7638 thumbprint unless the JWK names one. */
export async function importSigningKeys(jwk: JWK): Promise<SigningKeys> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') {
    throw new Error('mfa-kit: the signing key must be a private EC P-256 JWK (ES256).');
  }
  const { kty, crv, x, y } = jwk;
  const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty, crv, x, y }));
  const privateKey = (await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG)) as CryptoKey;
  const publicJwk: JWK = { kty, crv, x, y, kid, alg: SIGNING_ALG, use: 'sig' };
  const publicKey = (await importJWK(publicJwk, SIGNING_ALG)) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk, keySet: createLocalJWKSet({ keys: [publicJwk] }) };
}

/** The signing key kept in `dataDir` (made on first start), or an ephemeral one when there is none. */
export async function loadSigningKeys(dataDir: string | undefined, configured?: JWK): Promise<SigningKeys> {
  if (configured) return importSigningKeys(configured);
  if (!dataDir) return importSigningKeys(await generateSigningJwk());
  // Generated up front because key generation is async and key-file creation is sync.
  const fresh = JSON.stringify(await generateSigningJwk());
  const stored = loadOrCreateKeyFile(dataDir, SIGNING_KEY_FILE, () => fresh);
  return importSigningKeys(JSON.parse(stored) as JWK);
}
