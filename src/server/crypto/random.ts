import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** An opaque random identifier for records (devices, passkeys, sessions). */
export function newId(): string {
  return randomUUID();
}

/**
 * A UUIDv7 (RFC 9562 §5.7): the millisecond `atMs` in the first 48 bits, then version 7 and
 * 74 random bits. For the ids of rows written on every request (used jtis, audit events): a
 * table's primary key then grows at its end, so each insert touches the same few pages where
 * a v4 id would land on a random page of an index that outgrows the page cache.
 */
export function newTimeOrderedId(atMs: number): string {
  const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, '0').slice(-12);
  // randomUUID is xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: keep its random tail after the version.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}

/** `bytes` random bytes as base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** base64url SHA-256 of a UTF-8 string: how bearer secrets are kept at rest. */
export function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('base64url');
}
