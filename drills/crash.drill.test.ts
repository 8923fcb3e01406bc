// Reduced crash drill. Threat: a kill -9 mid-traffic loses enrollments or forgets
// consumptions, so a used code or token works again after the restart.
import { describe, expect, it } from 'vitest';
import { runCrashDrill } from './crash.js';

describe('crash drill (kill -9 under load, restart on the same data)', () => {
  it('keeps everything enrolled and everything consumed', async () => {
    const result = await runCrashDrill({ totpUsers: 20, passkeyUsers: 3, killAfterMs: 600 });
    expect(result.violations).toEqual([]);
    expect(result.inFlightAtKill).toBeGreaterThan(0);
    expect(result.acknowledgedBeforeKill.totpCodes).toBeGreaterThan(0);
    expect(result.checks).toBeGreaterThan(50);
  }, 90_000);
});
