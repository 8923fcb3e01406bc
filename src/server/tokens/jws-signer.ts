import { createPrivateKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { lowSSignature } from './low-s.js';

/** Signs a JWT's claims as a compact JWS (RFC 7515 §7.1), ES256, with a fixed protected header. */
export type JwsSigner = (claims: object) => string;

/**
 * An ES256 signer over node:crypto with the key imported once, at start: `sign` with
 * `dsaEncoding: 'ieee-p1363'` gives the r ‖ s form JWS wants (RFC 7518 §3.4) in one
 * synchronous call, where jose's SignJWT goes through WebCrypto's async job and a fresh
 * encoding of the header for every token. The header never changes for a key, so it is
 * encoded once too. Every signature leaves with a low S (see low-s.ts).
 */
export function createEs256Signer(privateJwk: JWK, header: { alg: 'ES256'; kid: string; typ: string }): JwsSigner {
  const key: KeyObject = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' });
  const encodedHeader = Buffer.from(JSON.stringify(header)).toString('base64url');
  return (claims) => {
    const signingInput = `${encodedHeader}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = lowSSignature(sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }));
    return `${signingInput}.${signature.toString('base64url')}`;
  };
}
