/**
 * docs/architecture.md §10: an action-bound approval names its request by the base64url SHA-256 of the
 * RFC 8785 (JSON Canonicalization Scheme) form of the request's JSON body. Client and server
 * must compute the same digest, so both use this file. WebCrypto is a platform API in
 * browsers and Node ≥ 20, not a dependency.
 */

/** RFC 8785 canonical JSON: sorted keys (by UTF-16 code units), ECMAScript number form. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    // RFC 8785 §3.2.2.3: numbers serialise as ECMAScript's Number.prototype.toString.
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      // RFC 8785 §3.2.3: sort by UTF-16 code units, which is what `<` on strings compares.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url(SHA-256(canonicalJson(payload))). */
export async function payloadDigest(payload: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(payload));
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
