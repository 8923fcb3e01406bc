/** Parent side of `server-child.ts`: spawn, wait until it listens, move its clock, kill it. */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MfaServerOptions } from 'mfa-kit/server';
import { BENCH_T0_MS } from './constants.js';
import type { ChildMessage } from './server-child.js';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export { BENCH_T0_MS };

export interface ServerChildOptions {
  dataDir?: string;
  clockMs?: number;
  policy?: MfaServerOptions['policy'];
  port?: number;
  /** PostgreSQL instead of SQLite in `dataDir`: children given one URL are instances of one deployment. */
  databaseUrl?: string;
  /** Lockout limits (drills that replay many consumed codes raise them so a lock can't hide a success). */
  lockout?: { maxFailures?: number; lockSeconds?: number };
}

export interface ServerChild {
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Everything the child wrote to stderr (internal errors are logged there). */
  stderr(): string;
  clockMs(): number;
  setClock(ms: number): Promise<void>;
  advance(ms: number): Promise<void>;
  memory(gc?: boolean): Promise<NodeJS.MemoryUsage>;
  /** The child's CPU time so far (user + system, every thread), in µs. */
  cpuMicros(): Promise<number>;
  /** SIGKILL: no close, no checkpoint, no flush. */
  kill9(): Promise<void>;
  /** Graceful stop (closes the store). */
  stop(): Promise<void>;
}

export function makeDataDir(prefix = 'mfa-kit-bench-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function spawnServerChild(options: ServerChildOptions = {}): Promise<ServerChild> {
  const dataDir = options.dataDir ?? makeDataDir();
  let clock = options.clockMs ?? BENCH_T0_MS;
  let stderr = '';
  const child: ChildProcess = fork(CHILD, [], {
    // BENCH_CHILD_PROFILE_DIR: a V8 CPU profile of the server child, written there when it exits (for `--cpu-prof` analysis of a bench).
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env.BENCH_CHILD_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CHILD_PROFILE_DIR}`] : []),
    ],
    env: {
      ...process.env,
      BENCH_DATA_DIR: dataDir,
      BENCH_CLOCK_MS: String(clock),
      BENCH_POLICY: JSON.stringify(options.policy ?? {}),
      BENCH_PORT: String(options.port ?? 0),
      BENCH_LOCKOUT: JSON.stringify(options.lockout ?? {}),
      BENCH_DATABASE_URL: options.databaseUrl ?? '',
    },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`server child exited (${code}) before listening:\n${stderr}`));
    child.once('exit', onExit);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        child.off('exit', onExit);
        resolve(message);
      }
    });
  });

  const setClock = (ms: number) =>
    new Promise<void>((resolve) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'clock-ack' && message.ms === ms) {
          child.off('message', onMessage);
          clock = ms;
          resolve();
        }
      };
      child.on('message', onMessage);
      child.send({ type: 'clock', ms });
    });

  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'cpu') {
          child.off('message', onMessage);
          resolve(message.usage.user + message.usage.system);
        }
      };
      child.on('message', onMessage);
      child.send({ type: 'cpu' });
    });

  return {
    url: ready.url,
    port: ready.port,
    dataDir,
    pid: child.pid!,
    stderr: () => stderr,
    clockMs: () => clock,
    setClock,
    advance: (ms) => setClock(clock + ms),
    cpuMicros,
    memory: async (gc = false) => (await (await fetch(`${ready.url}/bench/memory${gc ? '?gc=1' : ''}`)).json()) as NodeJS.MemoryUsage,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
