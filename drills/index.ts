/**
 * `npm run drills`: the full-size reliability drills against the server in a child process.
 * Exits non-zero when any drill finds a violation. Env: DRILL_SEED (fuzz seed; random and
 * printed otherwise), DRILL_FUZZ_RUNS (per route, default 10000).
 */
import { configuredLimits, lockoutArithmetic, measureEnforcedRate, printLockoutArithmetic } from './brute-force.js';
import { runConcurrencyDrill, raceHeld } from './concurrency.js';
import { runCrashDrill } from './crash.js';
import { runFuzzDrill } from './fuzz.js';
import { multiInstanceViolations, runMultiInstanceDrill } from './multi-instance.js';
import { startPostgresCluster } from '../test/postgres-cluster.js';

let failures = 0;
const verdict = (ok: boolean) => {
  if (!ok) failures++;
  return ok ? 'PASS' : 'FAIL';
};
const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

let t0 = Date.now();
const races = await runConcurrencyDrill(1000);
console.log(`\nConcurrency: 1000 parallel redemptions each (${seconds(t0)})`);
console.table(
  races.map((r) => ({
    what: r.what,
    successes: r.successes,
    statuses: JSON.stringify(r.statuses),
    networkErrors: r.networkErrors,
    verdict: verdict(raceHeld(r)),
  })),
);

t0 = Date.now();
const runs = Number(process.env.DRILL_FUZZ_RUNS ?? 10_000);
const fuzz = await runFuzzDrill({ runsPerRoute: runs, ...(process.env.DRILL_SEED ? { seed: Number(process.env.DRILL_SEED) } : {}) });
console.log(`\nFuzz: ${runs} generated requests per route, seed ${fuzz.seed} (${seconds(t0)})`);
console.table(fuzz.routes.map((r) => ({ route: r.route, runs: r.runs, statuses: JSON.stringify(r.statuses), verdict: verdict(!r.failure) })));
for (const r of fuzz.routes) if (r.failure) console.log(`  ${r.route}: ${r.failure}`);
console.log(
  `  healthy afterwards: ${verdict(fuzz.healthyAfter)}; internal errors logged: ${fuzz.internalErrorsLogged.length} ${verdict(fuzz.internalErrorsLogged.length === 0)}`,
);
for (const line of fuzz.internalErrorsLogged.slice(0, 10)) console.log(`  ${line}`);

t0 = Date.now();
const crash = await runCrashDrill({ totpUsers: 200, passkeyUsers: 10, killAfterMs: 2000 });
console.log(`\nCrash: kill -9 after 2 s of load, restart on the same data (${seconds(t0)})`);
console.log(`  acknowledged before the kill: ${JSON.stringify(crash.acknowledgedBeforeKill)}; in flight at the kill: ${crash.inFlightAtKill}`);
console.log(`  ${crash.checks} checks after restart, ${crash.violations.length} violations: ${verdict(crash.violations.length === 0)}`);
for (const v of crash.violations.slice(0, 20)) console.log(`  ${v}`);

t0 = Date.now();
const limits = await configuredLimits();
printLockoutArithmetic(limits, lockoutArithmetic(limits));
const simulated = 6 * 3600;
const rate = await measureEnforcedRate(limits, simulated);
console.log(
  `  measured: 20 concurrent wrong guesses every 30 s of server clock for ${simulated / 3600} h → ${rate.evaluated} evaluated, ${rate.refused} refused (429); the limits allow ${rate.allowed}: ` +
    `${verdict(rate.evaluated <= rate.allowed && rate.evaluated >= limits.maxFailures && Object.keys(rate.other).length === 0)} (${seconds(t0)})`,
);
if (Object.keys(rate.other).length) console.log(`  unexpected answers: ${JSON.stringify(rate.other)}`);

t0 = Date.now();
await runMultiInstance();

console.log(failures ? `\n${failures} drill check(s) FAILED` : '\nAll drills passed');

/** Three instances on one throwaway PostgreSQL cluster (a failure to start one is a failed drill, not a skip). */
async function runMultiInstance() {
  let cluster;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    console.log(`\nMulti-instance: PostgreSQL unavailable (${(error as Error).message.split('\n')[0]}): ${verdict(false)}`);
    return;
  }
  try {
    const databaseUrl = await cluster.createDatabase('mfa_drill');
    const result = await runMultiInstanceDrill({ databaseUrl, parallel: 1000, loadUsers: 100 });
    console.log(`\nMulti-instance: 3 servers on one PostgreSQL, round-robin, 1000 parallel redemptions each (${seconds(t0)})`);
    console.table(
      result.races.map((r) => ({
        what: r.what,
        successes: r.successes,
        statuses: JSON.stringify(r.statuses),
        networkErrors: r.networkErrors,
        verdict: verdict(raceHeld(r)),
      })),
    );
    const { lockout, replay, resourceServer: rs, crash: c } = result;
    console.log(
      `  lockout: 5 wrong codes over the instances → ${JSON.stringify(lockout.wrong)}; then the right code on each → ${JSON.stringify(lockout.afterOnEach)}`,
    );
    console.log(`  replay: accepted on instance 1 (${replay.first}), then on the others → ${JSON.stringify(replay.others)}`);
    console.log(
      `  resource server with one JWKS URL: ${rs.accepted}/${rs.minted} tokens from the 3 instances accepted; tampered accepted: ${rs.tamperedAccepted}; same JWKS on all: ${rs.sameJwks}`,
    );
    console.log(
      `  kill -9 of instance 3 after ${c.acknowledgedBeforeKill} acknowledged operations: ${c.inFlightAtKill} in flight lost, ${c.servedAfterKill} served after by the survivors; ${c.checks} checks`,
    );
    const violations = multiInstanceViolations(result, raceHeld);
    console.log(`  ${violations.length} violations: ${verdict(violations.length === 0)}`);
    for (const v of violations.slice(0, 20)) console.log(`  ${v}`);
  } finally {
    cluster.stop();
  }
}
process.exitCode = failures ? 1 : 0;
