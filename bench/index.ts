/**
 * `npm run bench`: size, open latency, server throughput, server CPU per request, several instances on PostgreSQL. Each section prints its figures
 * beside a baseline measured in the same run; nothing is asserted on time.
 */
import { runLatencyBench } from './latency.js';
import { runMultiInstanceBench } from './multi-instance-throughput.js';
import { runServerCpuBench } from './server-cpu.js';
import { runServerBench } from './server-throughput.js';
import { runSizeBench } from './size.js';

console.log(`mfa-kit bench — Node ${process.version}, ${(await import('node:os')).cpus().length} cores, ${new Date().toISOString()}`);

const sections: [string, () => Promise<unknown>][] = [
  ['size', runSizeBench],
  ['latency', runLatencyBench],
  ['server', runServerBench],
  ['cpu', runServerCpuBench],
  ['instances', runMultiInstanceBench],
];
let failed = 0;
for (const [name, run] of sections) {
  try {
    await run();
  } catch (error) {
    failed++;
    console.log(`\n[${name}] could not run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
if (failed) process.exitCode = 1;
