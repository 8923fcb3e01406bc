// Brute-force drill. Threat: guessing a 6-digit code faster than the lockout allows.
import { describe, expect, it } from 'vitest';
import { configuredLimits, lockoutArithmetic, measureEnforcedRate } from './brute-force.js';

describe('brute-force drill', () => {
  it('derives the lockout arithmetic from the configured limits', async () => {
    const limits = await configuredLimits();
    expect(limits).toEqual({ maxFailures: 5, lockSeconds: 300, maxLockSeconds: 86_400, permanentAfter: 100 });
    const a = lockoutArithmetic(limits);
    expect(a.totalGuesses).toBe(100);
    expect(a.locks).toBe(19);
    // 5·(1+2+…+256) minutes, then ten 24-hour locks.
    expect(a.daysToPermanentLock).toBeCloseTo((5 * 511) / 1440 + 10, 3);
    expect(a.pEver).toBeCloseTo(0.0003, 3);
  });

  it('evaluates no more guesses than the limits allow, however many are sent at once', async () => {
    const limits = await configuredLimits();
    const rate = await measureEnforcedRate(limits, 30 * 60);
    expect(rate.other).toEqual({});
    expect(rate.evaluated).toBeGreaterThanOrEqual(limits.maxFailures);
    expect(rate.evaluated).toBeLessThanOrEqual(rate.allowed);
  }, 60_000);
});
