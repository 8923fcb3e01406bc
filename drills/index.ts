/**
 * `npm run drills`: the full-size reliability drills against the server in a child process.
 * Exits non-zero when any drill finds a violation. Env: DRILL_SEED (fuzz seed; random and
 * printed otherwise), DRILL_FUZZ_RUNS (per route, default 10000).
 */
import { configuredLimits, lockoutArithmetic, measureEnforcedRate, printLockoutArithmetic } from './brute-force.js';
import { runConcurrencyDrill, raceHeld } from './concurrency.js';
import { runCrashDrill } from './crash.js';
import { runFuzzDrill } from './fuzz.js';

let failures = 0;
const verdict = (ok: boolean) => {
  if (!ok) failures++;
  return ok ? 'PASS' : 'FAIL';
};
const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

let t0 = Date.now();
const races = await runConcurrencyDrill(1000);
console.log(`\nConcurrency: 1000 parallel redemptions each (${seconds(t0)})`);
console.table(races.map((r) => ({ what: r.what, successes: r.successes, statuses: JSON.stringify(r.statuses), networkErrors: r.networkErrors, verdict: verdict(raceHeld(r)) })));

t0 = Date.now();
const runs = Number(process.env.DRILL_FUZZ_RUNS ?? 10_000);
const fuzz = await runFuzzDrill({ runsPerRoute: runs, ...(process.env.DRILL_SEED ? { seed: Number(process.env.DRILL_SEED) } : {}) });
console.log(`\nFuzz: ${runs} generated requests per route, seed ${fuzz.seed} (${seconds(t0)})`);
console.table(fuzz.routes.map((r) => ({ route: r.route, runs: r.runs, statuses: JSON.stringify(r.statuses), verdict: verdict(!r.failure) })));
for (const r of fuzz.routes) if (r.failure) console.log(`  ${r.route}: ${r.failure}`);
console.log(`  healthy afterwards: ${verdict(fuzz.healthyAfter)}; internal errors logged: ${fuzz.internalErrorsLogged.length} ${verdict(fuzz.internalErrorsLogged.length === 0)}`);
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

console.log(failures ? `\n${failures} drill check(s) FAILED` : '\nAll drills passed');
process.exitCode = failures ? 1 : 0;
