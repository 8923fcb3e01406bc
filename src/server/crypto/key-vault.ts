import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MfaStore } from '../store/mfa-store.js';
import { loadOrCreateKeyFile } from './key-file.js';

/**
 * Where first-start keys are kept: files in `dataDir` for one process on SQLite, or the
 * database itself when several instances share it (so they all sign and decrypt alike).
 */
export interface KeyVault {
  /** What is kept under `name`, keeping `value()` first when nothing is: whoever comes first decides. */
  loadOrCreate(name: string, value: () => string): Promise<string>;
  /** What is kept under `name`, if anything. */
  read(name: string): Promise<string | undefined>;
}

export function fileKeyVault(dataDir: string): KeyVault {
  return {
    loadOrCreate: async (name, value) => loadOrCreateKeyFile(dataDir, name, value),
    read: async (name) => {
      try {
        return readFileSync(join(dataDir, name), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}

/** The store's shared keys when it has them, else files in `dataDir`, else none (ephemeral keys). */
export function keyVaultFor(store: MfaStore, dataDir: string | undefined): KeyVault | undefined {
  const { loadOrCreateSharedKey, readSharedKey } = store;
  if (loadOrCreateSharedKey && readSharedKey) {
    return {
      loadOrCreate: (name, value) => loadOrCreateSharedKey.call(store, name, value()),
      read: (name) => readSharedKey.call(store, name),
    };
  }
  return dataDir === undefined ? undefined : fileKeyVault(dataDir);
}
