import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads `dataDir/name`, or creates it with `create()` on first start. Created with `wx`
 * (fails if it exists) and mode 0600, so two processes starting at once agree on one key and
 * other local users cannot read it.
 */
export function loadOrCreateKeyFile(dataDir: string, name: string, create: () => string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const path = join(dataDir, name);
  try {
    const value = readFileSync(path, 'utf8');
    chmodSync(path, 0o600);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const value = create();
  try {
    writeFileSync(path, value, { flag: 'wx', mode: 0o600 });
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8');
    throw error;
  }
}
