// Reduced multi-instance drill. Threat: single-use guarantees, the lockout and the signing
// keys that hold per process only, so three instances on one database can be played off
// against each other, or one instance's crash un-spends what it had just handled.
import { describe, expect, it } from 'vitest';
import { createTestDatabase, postgresUrl } from '../test/postgres-test-database.js';
import { raceHeld } from './concurrency.js';
import { multiInstanceViolations, runMultiInstanceDrill } from './multi-instance.js';

const adminUrl = postgresUrl();

describe.skipIf(adminUrl === null)('multi-instance drill (three servers on one PostgreSQL, round-robin)', () => {
  it('holds every single-use rule, the lockout, the shared keys and a kill -9 across instances', async () => {
    const databaseUrl = await createTestDatabase(adminUrl!, 'mfa_drill');
    const result = await runMultiInstanceDrill({ databaseUrl, parallel: 60, loadUsers: 12 });
    expect(multiInstanceViolations(result, raceHeld)).toEqual([]);
    expect(result.races.map((r) => r.successes)).toEqual([1, 1, 1, 1]);
    expect(result.resourceServer.accepted).toBe(3);
    expect(result.crash.acknowledgedBeforeKill).toBeGreaterThan(0);
    expect(result.crash.servedAfterKill).toBeGreaterThan(0);
    expect(result.crash.checks).toBeGreaterThan(20);
  }, 120_000);
});
