import { Secret, TOTP } from 'otpauth';

export interface TotpCodeOptions {
  /** The clock, epoch ms (a number, a Date, or a function). @default Date.now() */
  now?: number | Date | (() => number);
  /** Shift by whole 30-second steps (e.g. -2 for a code two steps old). @default 0 */
  stepOffset?: number;
}

/** The RFC 6238 code (SHA-1, 6 digits, 30 s) an authenticator app would show for `secret` (base32). */
export function totpCode(secret: string, options: TotpCodeOptions = {}): string {
  const { now = Date.now(), stepOffset = 0 } = options;
  const ms = typeof now === 'function' ? now() : now instanceof Date ? now.getTime() : now;
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: ms + stepOffset * 30_000,
  });
}
