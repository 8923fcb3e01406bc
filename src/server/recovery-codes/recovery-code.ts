import { randomBytes } from 'node:crypto';
import type { MfaServerContext } from '../context.js';
import { sha256 } from '../crypto/random.js';

/** DESIGN.md §8: 10 codes of at least 50 bits. 12 Crockford base32 characters carry 60 bits. */
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_CODE_CHARS = 12;
const GROUP = 4;
/** Crockford's base32: no I, L, O, U, so codes read aloud and typed by hand stay unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** One code, formatted `XXXX-XXXX-XXXX`. 32 divides 256, so `byte & 31` is unbiased. */
export function generateRecoveryCode(): string {
  const chars = Array.from(randomBytes(RECOVERY_CODE_CHARS), (byte) => ALPHABET[byte & 31]).join('');
  return chars.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** Case-, dash- and space-insensitive, with Crockford's read-alikes (O→0, I/L→1); null if it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== RECOVERY_CODE_CHARS) return null;
  for (const char of cleaned) if (!ALPHABET.includes(char)) return null;
  return cleaned;
}

/** Codes are kept only as SHA-256 salted with the user id (60 bits of entropy each; never stored in clear). */
export function hashRecoveryCode(userId: string, normalized: string): string {
  return sha256(`${userId}:${normalized}`);
}

export function generateRecoveryCodeSet(userId: string): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  return { codes, hashes: codes.map((code) => hashRecoveryCode(userId, normalizeRecoveryCode(code)!)) };
}

/** Issues the first set when a user's first method is verified; undefined when they already have one. */
export async function issueFirstRecoveryCodes(ctx: MfaServerContext, userId: string): Promise<string[] | undefined> {
  const { codes, hashes } = generateRecoveryCodeSet(userId);
  return (await ctx.store.issueRecoveryCodesIfNone(userId, hashes, ctx.now())) ? codes : undefined;
}
