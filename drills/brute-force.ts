/**
 * Brute-force drill. Threat: an attacker holding the user's session guesses 6-digit codes.
 * Prints the lockout arithmetic from the configured limits, then measures the enforced rate
 * against a real server (its clock moved forward, so a simulated day takes seconds).
 */
import { BenchClient } from '../bench/client.js';
import { BENCH_T0_MS, TOTP_STEP_MS } from '../bench/constants.js';
import { removeDataDir, spawnServerChild } from '../bench/spawn-server-child.js';
import { createDemoServer } from '../demo/server/create-demo-server.js';

/** RFC 6238 with 6 digits: 10^6 codes; ±1 step (DESIGN.md §8) makes 3 of them valid at once. */
const CODE_SPACE = 1_000_000;
const VALID_CODES_PER_WINDOW = 3;
const SECONDS_PER_DAY = 86_400;

export interface LockoutLimits {
  maxFailures: number;
  lockSeconds: number;
}

/** The limits a default server enforces (read from a real server's resolved configuration). */
export async function configuredLimits(): Promise<LockoutLimits> {
  const server = await createDemoServer({ databasePath: ':memory:', logger: () => {} });
  try {
    return { maxFailures: server.context.config.maxFailures, lockSeconds: server.context.config.lockMs / 1000 };
  } finally {
    await server.close();
  }
}

export interface LockoutArithmetic {
  guessesPerDay: number;
  pPerGuess: number;
  expectedGuesses: number;
  expectedDays: number;
  medianDays: number;
  pWithin30Days: number;
  pWithinYear: number;
}

/** At most `maxFailures` guesses, then a lock of `lockSeconds`: that cycle repeats forever. */
export function lockoutArithmetic({ maxFailures, lockSeconds }: LockoutLimits): LockoutArithmetic {
  const guessesPerDay = (maxFailures * SECONDS_PER_DAY) / lockSeconds;
  const pPerGuess = VALID_CODES_PER_WINDOW / CODE_SPACE;
  // Each guess hits with probability p (the code changes every step, so guesses are
  // independent): the number of guesses to the first hit is geometric with mean 1/p.
  const expectedGuesses = 1 / pPerGuess;
  const medianGuesses = Math.log(2) / -Math.log1p(-pPerGuess);
  const pWithin = (days: number) => 1 - Math.exp(days * guessesPerDay * Math.log1p(-pPerGuess));
  return {
    guessesPerDay,
    pPerGuess,
    expectedGuesses,
    expectedDays: expectedGuesses / guessesPerDay,
    medianDays: medianGuesses / guessesPerDay,
    pWithin30Days: pWithin(30),
    pWithinYear: pWithin(365),
  };
}

export function printLockoutArithmetic(limits: LockoutLimits, a: LockoutArithmetic): void {
  console.log(`\nBrute force: lockout ${limits.maxFailures} failures → locked ${limits.lockSeconds} s; 10^6 codes, ${VALID_CODES_PER_WINDOW} valid at a time (±1 step)`);
  console.table([
    { figure: 'enforced guessing rate', value: `${limits.maxFailures} per ${limits.lockSeconds} s = ${a.guessesPerDay.toFixed(0)} a day` },
    { figure: 'chance a guess hits', value: `${VALID_CODES_PER_WINDOW} / 10^6 = ${a.pPerGuess.toExponential(1)}` },
    { figure: 'expected guesses to the first hit', value: a.expectedGuesses.toFixed(0) },
    { figure: 'expected time to the first hit', value: `${a.expectedDays.toFixed(0)} days (${(a.expectedDays / 365).toFixed(2)} years)` },
    { figure: 'median time to the first hit', value: `${a.medianDays.toFixed(0)} days` },
    { figure: 'chance within 30 days', value: `${(a.pWithin30Days * 100).toFixed(1)} %` },
    { figure: 'chance within a year', value: `${(a.pWithinYear * 100).toFixed(1)} %` },
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
        Array.from({ length: burst }, (_, i) => client.totpVerify(user, String(900_000 + ((t / tickSeconds) * burst + i) % 100_000).padStart(6, '0'))),
      );
      for (const { status, body } of answers) {
        if (status === 401 && body?.error?.code === 'mfa_invalid_code') result.evaluated++;
        else if (status === 429 && body?.error?.code === 'mfa_rate_limited') result.refused++;
        else result.other[status] = (result.other[status] ?? 0) + 1;
      }
    }
    // Lock cycles: the first maxFailures are free, then maxFailures after each lock ends.
    result.allowed = limits.maxFailures * (1 + Math.floor(simulatedSeconds / limits.lockSeconds));
    return result;
  } finally {
    await child.stop();
    removeDataDir(child.dataDir);
  }
}
