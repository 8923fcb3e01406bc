import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** An opaque random identifier for records (devices, passkeys, sessions). */
export function newId(): string {
  return randomUUID();
}

/** `bytes` random bytes as base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** base64url SHA-256 of a UTF-8 string: how bearer secrets are kept at rest. */
export function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('base64url');
}
