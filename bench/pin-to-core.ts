/**
 * Pins a process (every thread it has, and so every thread it starts later) to one CPU with
 * util-linux's `taskset`. On a 2-core machine the throughput bench gives the server child one
 * core and the load generator the other, so a faster baseline can no longer starve the row it
 * is compared with by taking the generator's core; without `taskset` the bench runs unpinned
 * and says so.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export type Pinning = { pinned: true; serverCore: number; generatorCore: number } | { pinned: false; why: string };

function pinToCore(pid: number, core: number): void {
  execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', String(core), String(pid)], { stdio: 'ignore' });
}

/** Server child on core 0, this process (the load generator) on core 1. `BENCH_PIN=0` turns it off. */
export function pinServerAndGenerator(serverPid: number): Pinning {
  if (process.env.BENCH_PIN === '0') return { pinned: false, why: 'BENCH_PIN=0' };
  if (availableParallelism() < 2) return { pinned: false, why: 'fewer than 2 cores' };
  try {
    pinToCore(serverPid, 0);
    pinToCore(process.pid, 1);
    return { pinned: true, serverCore: 0, generatorCore: 1 };
  } catch (error) {
    return { pinned: false, why: `taskset failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

export function describePinning(pinning: Pinning): string {
  return pinning.pinned
    ? `server child pinned to core ${pinning.serverCore}, load generator to core ${pinning.generatorCore} (taskset)`
    : `not pinned: ${pinning.why}; the server and the load generator share the cores`;
}
