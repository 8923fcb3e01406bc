// Brute-force drill. Threat: guessing a 6-digit code faster than the lockout allows.
import { describe, expect, it } from 'vitest';
import { configuredLimits, lockoutArithmetic, measureEnforcedRate } from './brute-force.js';

describe('brute-force drill', () => {
  it('derives the lockout arithmetic from the configured limits', async () => {
    const limits = await configuredLimits();
    expect(limits).toEqual({ maxFailures: 5, lockSeconds: 300 });
    const a = lockoutArithmetic(limits);
    expect(a.guessesPerDay).toBe(1440);
    expect(a.expectedGuesses).toBeCloseTo(333_333.3, 0);
    expect(a.expectedDays).toBeCloseTo(231.5, 1);
  });

  it('evaluates no more guesses than the limits allow, however many are sent at once', async () => {
    const limits = await configuredLimits();
    const rate = await measureEnforcedRate(limits, 30 * 60);
    expect(rate.other).toEqual({});
    expect(rate.evaluated).toBeGreaterThanOrEqual(limits.maxFailures);
    expect(rate.evaluated).toBeLessThanOrEqual(rate.allowed);
  }, 60_000);
});
