import { randomBytes } from 'node:crypto';
import { loadOrCreateKeyFile } from './key-file.js';

const ENCRYPTION_KEY_FILE = 'encryption.key';

/**
 * The AES-256 key that seals secrets at rest: from config (32 bytes, or their base64), else
 * kept in `dataDir` (made on first start), else ephemeral (in-memory databases only).
 */
export function loadEncryptionKey(dataDir: string | undefined, configured?: Uint8Array | string): Uint8Array {
  if (configured !== undefined) {
    return typeof configured === 'string' ? new Uint8Array(Buffer.from(configured, 'base64')) : configured;
  }
  if (!dataDir) return new Uint8Array(randomBytes(32));
  const stored = loadOrCreateKeyFile(dataDir, ENCRYPTION_KEY_FILE, () => randomBytes(32).toString('base64'));
  return new Uint8Array(Buffer.from(stored.trim(), 'base64'));
}
