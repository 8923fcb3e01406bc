import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { MfaEnv, MfaServerContext } from '../context.js';
import type { MfaPrincipal } from '../options.js';
import { recordSecurityEvent } from '../security-events.js';
import { sha256 } from '../crypto/random.js';
import { matchRecoveryCode, sealRecoveryCode } from './recovery-code-kdf.js';

/** docs/architecture.md §8: 10 codes of at least 50 bits. 12 Crockford base32 characters carry 60 bits. */
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

/**
 * The first characters of a code, stored in clear so that an attempt derives only the row it
 * names. 2 of 12 Crockford characters: 10 bits in clear, 50 bits of secret beyond them.
 */
export const RECOVERY_CODE_PREFIX_CHARS = 2;

export function recoveryCodePrefix(normalized: string): string {
  return normalized.slice(0, RECOVERY_CODE_PREFIX_CHARS);
}

/** What the store keeps of one code: its clear prefix and its scrypt seal (recovery-code-kdf.ts). */
export interface SealedRecoveryCode {
  prefix: string;
  codeHash: string;
}

/** The unsalted SHA-256 of sets issued before codes were sealed with scrypt; still redeemable until regenerated. */
export function legacyRecoveryCodeHash(userId: string, normalized: string): string {
  return sha256(`${userId}:${normalized}`);
}

/** A set whose codes all start differently, so that an attempt matches at most one row. */
export async function generateRecoveryCodeSet(): Promise<{ codes: string[]; sealed: SealedRecoveryCode[] }> {
  const codes: string[] = [];
  const prefixes = new Set<string>();
  while (codes.length < RECOVERY_CODE_COUNT) {
    const code = generateRecoveryCode();
    const prefix = recoveryCodePrefix(normalizeRecoveryCode(code)!);
    if (prefixes.has(prefix)) continue;
    prefixes.add(prefix);
    codes.push(code);
  }
  const sealed = await Promise.all(
    codes.map(async (code) => {
      const normalized = normalizeRecoveryCode(code)!;
      return { prefix: recoveryCodePrefix(normalized), codeHash: await sealRecoveryCode(normalized) };
    }),
  );
  return { codes, sealed };
}

/** Issues the first set when a user's first method is verified; undefined when they already have one. */
export async function issueFirstRecoveryCodes(c: Context<MfaEnv>, principal: MfaPrincipal): Promise<string[] | undefined> {
  const ctx = c.var.mfa;
  const { codes, sealed } = await generateRecoveryCodeSet();
  if (!(await ctx.store.issueRecoveryCodesIfNone(principal.userId, sealed, ctx.now()))) return undefined;
  await recordSecurityEvent(c, principal, 'recovery_codes_issued');
  return codes;
}

/**
 * Redeems a code: one scrypt derivation against the row its prefix names, then one
 * conditional UPDATE so it redeems exactly once. False when it is not (or no longer) valid.
 */
export async function redeemRecoveryCode(ctx: MfaServerContext, userId: string, input: string): Promise<boolean> {
  const normalized = normalizeRecoveryCode(input);
  if (!normalized) return false;
  const candidates = await ctx.store.findRecoveryCodes(userId, recoveryCodePrefix(normalized));
  const matched = await matchRecoveryCode(normalized, candidates);
  if (matched) return ctx.store.consumeRecoveryCode(userId, matched, ctx.now());
  return ctx.store.consumeRecoveryCode(userId, legacyRecoveryCodeHash(userId, normalized), ctx.now());
}
