/**
 * Concurrency drill. Threat: one approval spent many times by racing it — the same TOTP
 * code, the same single-use elevated token, the same legacy MFA token sent N times at once.
 * Each must succeed exactly once; every other answer is a JSON refusal.
 */
import { totpCode } from 'mfa-kit/testing';
import { BenchClient, type CallResult } from '../bench/client.js';
import { BENCH_T0_MS, TOTP_STEP_MS } from '../bench/constants.js';
import { removeDataDir, spawnServerChild } from '../bench/spawn-server-child.js';

export interface RaceTally {
  what: string;
  parallel: number;
  successes: number;
  statuses: Record<string, number>;
  /** Requests that got no HTTP answer at all (socket errors). */
  networkErrors: number;
  /** Refusals whose body was not `{ error: { code } }`. */
  nonJsonRefusals: number;
}

/** Sends `parallel` requests at once (`send(i)` for the i-th) and tallies the answers. */
export async function race(what: string, parallel: number, send: (i: number) => Promise<CallResult>): Promise<RaceTally> {
  const settled = await Promise.allSettled(Array.from({ length: parallel }, (_, i) => send(i)));
  const tally: RaceTally = { what, parallel, successes: 0, statuses: {}, networkErrors: 0, nonJsonRefusals: 0 };
  for (const outcome of settled) {
    if (outcome.status === 'rejected') {
      tally.networkErrors++;
      continue;
    }
    const { status, body } = outcome.value;
    tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
    if (status === 200) tally.successes++;
    else if (typeof body?.error?.code !== 'string') tally.nonJsonRefusals++;
  }
  return tally;
}

export async function runConcurrencyDrill(parallel: number): Promise<RaceTally[]> {
  const child = await spawnServerChild({ clockMs: BENCH_T0_MS });
  const client = new BenchClient(child.url);
  try {
    const results: RaceTally[] = [];
    // One TOTP code, raced. Its user enrolled a step earlier, so the code is fresh.
    const alice = await client.enrollTotp('race-code', BENCH_T0_MS - TOTP_STEP_MS);
    const code = totpCode(alice.secret, { now: BENCH_T0_MS });
    results.push(await race('one TOTP code', parallel, () => client.totpVerify(alice, code)));

    // One single-use elevated token, raced on the guarded export.
    const bob = await client.enrollTotp('race-token', BENCH_T0_MS - TOTP_STEP_MS);
    const elevated = await client.totpVerify(bob, totpCode(bob.secret, { now: BENCH_T0_MS }), { requestedScopes: ['wallet:export'] });
    if (elevated.status !== 200 || elevated.body.elevatedAccessToken.singleUse !== true) throw new Error(`token: ${elevated.status} ${elevated.text}`);
    const token = elevated.body.elevatedAccessToken.token as string;
    results.push(await race('one single-use elevated token', parallel, () => client.call('POST', '/wallet/export', { session: bob.session, elevated: token })));

    // One legacy MFA token (single-use by default), raced on the guarded export.
    const carol = await client.enrollTotp('race-legacy', BENCH_T0_MS - TOTP_STEP_MS);
    const legacy = await client.totpVerify(carol, totpCode(carol.secret, { now: BENCH_T0_MS }), { createMfaToken: true });
    if (legacy.status !== 200) throw new Error(`legacy: ${legacy.status} ${legacy.text}`);
    const mfaToken = legacy.body.mfaToken.token as string;
    results.push(await race('one legacy MFA token', parallel, () => client.call('POST', '/wallet/export', { session: carol.session, mfaToken })));
    return results;
  } finally {
    await child.stop();
    removeDataDir(child.dataDir);
  }
}

/** Exactly one success, and every other request answered with a JSON refusal. */
export function raceHeld(tally: RaceTally): boolean {
  return tally.successes === 1 && tally.networkErrors === 0 && tally.nonJsonRefusals === 0 && !Object.keys(tally.statuses).some((s) => Number(s) >= 500);
}
