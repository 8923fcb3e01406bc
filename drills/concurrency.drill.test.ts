// Reduced concurrency drill (100 parallel; `npm run drills` runs 1,000). Threat: one code or
// token raced N times at once succeeds more than once.
import { describe, expect, it } from 'vitest';
import { runConcurrencyDrill } from './concurrency.js';

describe('concurrency drill (server in a child process)', () => {
  it('100 parallel redemptions of one TOTP code, one single-use token, one legacy token: exactly one success each', async () => {
    const races = await runConcurrencyDrill(100);
    expect(races.map((r) => r.what)).toEqual(['one TOTP code', 'one single-use elevated token', 'one legacy MFA token']);
    for (const race of races) {
      expect(race, race.what).toMatchObject({ successes: 1, networkErrors: 0, nonJsonRefusals: 0 });
      expect(
        Object.keys(race.statuses).every((s) => s === '200' || s === '401' || s === '429'),
        JSON.stringify(race.statuses),
      ).toBe(true);
    }
  }, 60_000);
});
