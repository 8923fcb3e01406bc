import { randomBytes } from 'node:crypto';
import type { KeyVault } from './key-vault.js';

const ENCRYPTION_KEY_FILE = 'encryption.key';

/**
 * The AES-256 key that seals secrets at rest: from config (32 bytes, or their base64), else
 * kept in the vault (made on first start: in `dataDir`, or in the database several instances
 * share), else ephemeral (in-memory databases only).
 */
export async function loadEncryptionKey(vault: KeyVault | undefined, configured?: Uint8Array | string): Promise<Uint8Array> {
  if (configured !== undefined) {
    return typeof configured === 'string' ? new Uint8Array(Buffer.from(configured, 'base64')) : configured;
  }
  if (!vault) return new Uint8Array(randomBytes(32));
  const stored = await vault.loadOrCreate(ENCRYPTION_KEY_FILE, () => randomBytes(32).toString('base64'));
  return new Uint8Array(Buffer.from(stored.trim(), 'base64'));
}
