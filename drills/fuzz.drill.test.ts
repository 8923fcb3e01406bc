// Reduced fuzz drill (120 per route, fixed seed; `npm run drills` runs 10,000 per route).
// Threat: a malformed request makes a 500, a non-JSON error, or an unhealthy server.
import { describe, expect, it } from 'vitest';
import { FUZZ_ROUTES, runFuzzDrill } from './fuzz.js';

describe('fuzz drill (fast-check, every route)', () => {
  it('answers every generated request below 500 with JSON errors of known codes, and stays healthy', async () => {
    const result = await runFuzzDrill({ runsPerRoute: 120, seed: 20261127 });
    expect(result.routes).toHaveLength(FUZZ_ROUTES.length);
    for (const route of result.routes) expect(route.failure, route.route).toBeUndefined();
    expect(result.internalErrorsLogged).toEqual([]);
    expect(result.healthyAfter).toBe(true);
  }, 90_000);
});
