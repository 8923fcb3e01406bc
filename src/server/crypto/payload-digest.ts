import { createHash } from 'node:crypto';
import { canonicalJson } from '../../protocol/payload-digest.js';

/**
 * docs/architecture.md §10: base64url(SHA-256(RFC 8785 canonical JSON)), the same digest as the
 * protocol's `payloadDigest`, computed with node:crypto's synchronous hash: for a body of a few
 * hundred bytes, WebCrypto's async job costs ten times the hashing itself.
 */
export function serverPayloadDigest(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('base64url');
}
