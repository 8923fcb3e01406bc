/**
 * Brute-force drill. Threat: an attacker holding the user's session guesses 6-digit codes.
 * Prints the lockout arithmetic from the configured limits, then measures the enforced rate
 * against a real server (its clock moved forward, so a simulated day takes seconds).
 */
import { BenchClient } from '../bench/client.js';
import { BENCH_T0_MS, TOTP_STEP_MS } from '../bench/constants.js';
import { removeDataDir, spawnServerChild } from '../bench/spawn-server-child.js';
import { createDemoServer } from '../demo/server/create-demo-server.js';

/** RFC 6238 with 6 digits: 10^6 codes; ±1 step (docs/architecture.md §8) makes 3 of them valid at once. */
const CODE_SPACE = 1_000_000;
const VALID_CODES_PER_WINDOW = 3;
const SECONDS_PER_DAY = 86_400;

export interface LockoutLimits {
  maxFailures: number;
  lockSeconds: number;
  maxLockSeconds: number;
  permanentAfter: number;
}

/** The limits a default server enforces (read from a real server's resolved configuration). */
export async function configuredLimits(): Promise<LockoutLimits> {
  const server = await createDemoServer({ databasePath: ':memory:', logger: () => {} });
  try {
    const { maxFailures, lockMs, maxLockMs, permanentAfter } = server.context.config.lockout;
    return { maxFailures, lockSeconds: lockMs / 1000, maxLockSeconds: maxLockMs / 1000, permanentAfter };
  } finally {
    await server.close();
  }
}

/** The lock after the n-th run of `maxFailures` failures (n from 1): doubling, capped. */
function lockSecondsAfter(limits: LockoutLimits, n: number): number {
  return Math.min(limits.lockSeconds * 2 ** (n - 1), limits.maxLockSeconds);
}

/** Failures the server evaluates within `seconds` for a guesser who never stops. */
export function failuresAllowedWithin(limits: LockoutLimits, seconds: number): number {
  let failures = 0;
  let elapsed = 0;
  for (let n = 1; failures < limits.permanentAfter; n++) {
    failures = Math.min(failures + limits.maxFailures, limits.permanentAfter);
    if (failures >= limits.permanentAfter) break;
    elapsed += lockSecondsAfter(limits, n);
    if (elapsed > seconds) break;
  }
  return failures;
}

export interface LockoutArithmetic {
  /** Guesses ever evaluated before codes stop being accepted. */
  totalGuesses: number;
  /** Timed locks before the permanent one, and the time they take. */
  locks: number;
  daysToPermanentLock: number;
  guessesFirstDay: number;
  pPerGuess: number;
  /** Chance that any of the guesses ever allowed hits. */
  pEver: number;
  /** What a non-escalating lock (the same lock forever) would allow in a year, for comparison. */
  pWithinYearWithoutEscalation: number;
}

/**
 * Every `maxFailures` failures lock, each lock twice the last (capped); at `permanentAfter`
 * codes are refused until a passkey or an operator resets the count, so the guesses are finite.
 */
export function lockoutArithmetic(limits: LockoutLimits): LockoutArithmetic {
  const pPerGuess = VALID_CODES_PER_WINDOW / CODE_SPACE;
  const locks = Math.ceil(limits.permanentAfter / limits.maxFailures) - 1;
  let seconds = 0;
  for (let n = 1; n <= locks; n++) seconds += lockSecondsAfter(limits, n);
  // Each guess hits with probability p (the code changes every step, so guesses are independent).
  const pAfter = (guesses: number) => 1 - Math.exp(guesses * Math.log1p(-pPerGuess));
  const flatPerYear = (limits.maxFailures * SECONDS_PER_DAY * 365) / limits.lockSeconds;
  return {
    totalGuesses: limits.permanentAfter,
    locks,
    daysToPermanentLock: seconds / SECONDS_PER_DAY,
    guessesFirstDay: failuresAllowedWithin(limits, SECONDS_PER_DAY),
    pPerGuess,
    pEver: pAfter(limits.permanentAfter),
    pWithinYearWithoutEscalation: pAfter(flatPerYear),
  };
}

export function printLockoutArithmetic(limits: LockoutLimits, a: LockoutArithmetic): void {
  console.log(
    `\nBrute force: every ${limits.maxFailures} failures lock, first ${limits.lockSeconds} s, doubling up to ${limits.maxLockSeconds} s; ` +
      `codes refused from ${limits.permanentAfter} failures until a passkey or an operator reset; 10^6 codes, ${VALID_CODES_PER_WINDOW} valid at a time (±1 step)`,
  );
  console.table([
    { figure: 'guesses ever evaluated', value: `${a.totalGuesses} (then codes are refused)` },
    { figure: 'guesses in the first day', value: String(a.guessesFirstDay) },
    { figure: 'timed locks before the permanent one', value: `${a.locks}, ${a.daysToPermanentLock.toFixed(1)} days in all` },
    { figure: 'chance a guess hits', value: `${VALID_CODES_PER_WINDOW} / 10^6 = ${a.pPerGuess.toExponential(1)}` },
    { figure: 'chance any guess ever hits', value: `${(a.pEver * 100).toFixed(2)} %` },
    { figure: 'same lock without escalation, within a year', value: `${(a.pWithinYearWithoutEscalation * 100).toFixed(1)} %` },
  ]);
  console.log('  (per user, with the session already stolen; recovery codes are ≥ 50 bits each, so 10 of them add < 10 × 2^-50 a guess)');
}

export interface MeasuredRate {
  simulatedSeconds: number;
  /** Guesses the server actually evaluated (answered 401 mfa_invalid_code). */
  evaluated: number;
  /** Guesses refused unevaluated (429 mfa_rate_limited). */
  refused: number;
  other: Record<string, number>;
  /** Evaluated guesses the limits allow in that time. */
  allowed: number;
}

/**
 * Sends `burst` wrong guesses at once, every `tickSeconds` of the server's clock, for
 * `simulatedSeconds`: counts how many the server evaluated against what the limits allow.
 */
export async function measureEnforcedRate(limits: LockoutLimits, simulatedSeconds: number, tickSeconds = 30, burst = 20): Promise<MeasuredRate> {
  const child = await spawnServerChild({ clockMs: BENCH_T0_MS });
  const client = new BenchClient(child.url);
  try {
    const user = await client.enrollTotp('guesser', BENCH_T0_MS - TOTP_STEP_MS);
    const result: MeasuredRate = { simulatedSeconds, evaluated: 0, refused: 0, other: {}, allowed: 0 };
    for (let t = 0; t < simulatedSeconds; t += tickSeconds) {
      await child.setClock(BENCH_T0_MS + t * 1000);
      const answers = await Promise.all(
        Array.from({ length: burst }, (_, i) => client.totpVerify(user, String(900_000 + (((t / tickSeconds) * burst + i) % 100_000)).padStart(6, '0'))),
      );
      for (const { status, body } of answers) {
        if (status === 401 && body?.error?.code === 'mfa_invalid_code') result.evaluated++;
        else if ((status === 429 && body?.error?.code === 'mfa_rate_limited') || body?.error?.code === 'mfa_locked') result.refused++;
        else result.other[status] = (result.other[status] ?? 0) + 1;
      }
    }
    result.allowed = failuresAllowedWithin(limits, simulatedSeconds);
    return result;
  } finally {
    await child.stop();
    removeDataDir(child.dataDir);
  }
}
