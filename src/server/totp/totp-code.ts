import { timingSafeEqual } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';

/** RFC 6238 §4: SHA-1, 6 digits, 30-second steps (what every authenticator app supports). */
export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** RFC 6238 §5.2: accept one step either side for clock drift and typing time. */
export const TOTP_WINDOW_STEPS = 1;
/** RFC 4226 §4 R6 recommends 160-bit shared secrets. */
const SECRET_BYTES = 20;

export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** `otpauth://totp/Issuer:account?secret=…&issuer=…` (Key Uri Format). */
export function totpUri(secretBase32: string, issuer: string, accountName: string): string {
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step `code` matches within the window, or null. Every candidate is computed and
 * compared in constant time (no early exit), so timing says nothing about which part matched.
 * When two steps match (a 1-in-10^6 collision) the later one is taken.
 */
export function matchTotpStep(secretBase32: string, code: string, nowMs: number): number | null {
  const normalized = code.replace(/\s+/g, '');
  // Only ASCII digits can match; anything else is compared as zeros, so `given` is always
  // exactly TOTP_DIGITS bytes (timingSafeEqual throws on unequal lengths, and a non-ASCII
  // character is more than one byte).
  const wellFormed = normalized.length === TOTP_DIGITS && /^[0-9]+$/.test(normalized);
  const given = Buffer.from(wellFormed ? normalized : '\0'.repeat(TOTP_DIGITS), 'latin1');
  const secret = Secret.fromBase32(secretBase32);
  const current = timeStep(nowMs);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    const expected = Buffer.from(HOTP.generate({ secret, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, counter: step }));
    if (timingSafeEqual(expected, given) && wellFormed) matched = step;
  }
  return matched;
}
