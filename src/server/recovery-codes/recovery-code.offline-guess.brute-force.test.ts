// Threat: someone who copies the database (a backup, a leaked volume) guesses recovery codes
// offline. With one unsalted SHA-256 per code that is about 100k guesses a second per core,
// and one guess tests every user's codes at once; each guess must instead cost a salted,
// memory-hard derivation per code. And online, an attempt must not cost the server one
// derivation per stored code.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server-harness.js';
import { recoveryCodeKdf } from './recovery-code-kdf.js';
import { normalizeRecoveryCode } from './recovery-code.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.stop();
});

function storedRows(userId: string): { code_hash: string; prefix: string | null }[] {
  const db = new Database(join(server.dataDir, 'mfa.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT code_hash, prefix FROM recovery_codes WHERE user_id = ?').all(userId) as never;
  } finally {
    db.close();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('recovery codes at rest', () => {
  it('are stored as salted scrypt, never as a plain or user-salted SHA-256, with a distinct salt per code', async () => {
    const s = await server.session('alice');
    const { recoveryCodes } = await server.enrollTotp(s);
    const rows = storedRows(s.userId);
    expect(rows).toHaveLength(10);
    const normalized = recoveryCodes!.map((code: string) => normalizeRecoveryCode(code)!);
    for (const row of rows) {
      expect(row.code_hash).toMatch(/^scrypt1\$[\w-]{22}\$[\w-]{43}$/);
      for (const code of normalized) {
        expect(row.code_hash).not.toContain(sha256(code));
        expect(row.code_hash).not.toContain(sha256(`${s.userId}:${code}`));
        expect(row.code_hash).not.toContain(code.slice(2));
      }
    }
    const salts = rows.map((row) => row.code_hash.split('$')[1]);
    expect(new Set(salts).size).toBe(10);
  });

  it('keep only a 2-character prefix in clear, distinct within a set', async () => {
    const s = await server.session('bob');
    const { recoveryCodes } = await server.enrollTotp(s);
    const prefixes = storedRows(s.userId).map((row) => row.prefix);
    expect(new Set(prefixes).size).toBe(10);
    expect(prefixes.sort()).toEqual(recoveryCodes!.map((code: string) => normalizeRecoveryCode(code)!.slice(0, 2)).sort());
  });
});

describe('one derivation per attempt', () => {
  it('a right code, a wrong code with a stored prefix and a wrong code with no such prefix each cost exactly one derivation', async () => {
    const s = await server.session('carol');
    const { recoveryCodes } = await server.enrollTotp(s);
    const derive = vi.spyOn(recoveryCodeKdf, 'derive');
    const first = (recoveryCodes as string[])[0]!;
    const prefixes = new Set(storedRows(s.userId).map((row) => row.prefix));

    const sharedPrefix = `${first.slice(0, 2)}ZZ-ZZZZ-ZZZZ`;
    const wrong = await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: sharedPrefix } });
    expect(wrong.status).toBe(401);
    expect(derive).toHaveBeenCalledTimes(1);

    const unused = [...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'].flatMap((a) => [...'0123'].map((b) => a + b)).find((p) => !prefixes.has(p))!;
    const miss = await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: `${unused}ZZ-ZZZZ-ZZZZ` } });
    expect(miss.status).toBe(401);
    expect(derive).toHaveBeenCalledTimes(2);

    const right = await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: first } });
    expect(right.status).toBe(200);
    expect(derive).toHaveBeenCalledTimes(3);

    const again = await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: first } });
    expect(again.status).toBe(401);
  });
});
