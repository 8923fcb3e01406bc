import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Recovery codes at rest: scrypt (RFC 7914) with a random salt per code, so a copied database
 * costs one memory-hard derivation per guess per code instead of one SHA-256. N = 2^14, r = 8,
 * p = 1 is RFC 7914's interactive setting (16 MiB, tens of milliseconds).
 */
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = 'scrypt1';

function deriveKey(normalized: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, KEY_BYTES, PARAMS, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * The one place a code is derived, behind an object so that tests can count derivations (an
 * attempt must cost exactly one, whatever the code).
 */
export const recoveryCodeKdf = {
  derive: deriveKey,
};

/** `scrypt1$<salt>$<key>` (base64url): the stored value, self-describing so parameters can move later. */
export async function sealRecoveryCode(normalized: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await recoveryCodeKdf.derive(normalized, salt);
  return `${FORMAT}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): { salt: Buffer; key: Buffer } | null {
  const [format, salt, key] = stored.split('$');
  if (format !== FORMAT || !salt || !key) return null;
  return { salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** A fixed salt for the derivation made when no stored code matches, so every attempt costs the same. */
const DUMMY_SALT = randomBytes(SALT_BYTES);

/**
 * Returns the stored value that `normalized` matches, or undefined. `candidates` are the rows
 * whose clear prefix matched (at most one: a set never repeats a prefix); with none, a dummy
 * derivation keeps the cost and timing of a miss equal to a hit's.
 */
export async function matchRecoveryCode(normalized: string, candidates: readonly string[]): Promise<string | undefined> {
  if (candidates.length === 0) {
    await recoveryCodeKdf.derive(normalized, DUMMY_SALT);
    return undefined;
  }
  for (const stored of candidates) {
    const parsed = parse(stored);
    if (!parsed) continue;
    const key = await recoveryCodeKdf.derive(normalized, parsed.salt);
    if (key.length === parsed.key.length && timingSafeEqual(key, parsed.key)) return stored;
  }
  return undefined;
}
