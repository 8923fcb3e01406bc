// Threat: another local user reads the database (sealed secrets, hashed codes, consumed
// tokens) or the key files, because they were created world-readable (0644).
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMfaServer } from '../create-mfa-server.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const mode = (path: string) => statSync(path).mode & 0o777;

describe('data at rest is readable by its owner only', () => {
  it('the folder is 0700; the SQLite file, its -wal/-shm and the keys are 0600, even after a loose install', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mfa-kit-perm-'));
    dirs.push(parent);
    const dataDir = join(parent, 'data');
    const authenticate = () => ({ userId: 'u', sessionId: 's' });
    let server = await createMfaServer({ dataDir, authenticate, logger: () => {} });
    await server.store.reserveAttempt('u', 0, { maxFailures: 5, lockMs: 1, maxLockMs: 1, permanentAfter: 100 });
    await server.close();
    // An older version left everything 0644/0755: the next start repairs it.
    chmodSync(dataDir, 0o755);
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);
    server = await createMfaServer({ dataDir, authenticate, logger: () => {} });
    await server.store.reserveAttempt('u', 0, { maxFailures: 5, lockMs: 1, maxLockMs: 1, permanentAfter: 100 });
    expect(mode(dataDir)).toBe(0o700);
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['mfa.sqlite', 'mfa.sqlite-wal', 'mfa.sqlite-shm', 'signing-key.jwk.json', 'encryption.key']));
    for (const file of files) expect(mode(join(dataDir, file)), file).toBe(0o600);
    await server.close();
  });
});
