/**
 * Throughput with several instances on PostgreSQL, beside one instance on SQLite, in the same
 * run with the same generator (autocannon in this process): for each deployment — SQLite ×1,
 * PostgreSQL ×1, PostgreSQL ×2 — the bare JSON route, TOTP verifications and guard checks
 * (multi-use token), with the load split evenly over the instances and the same total number
 * of connections. PostgreSQL is a throwaway cluster on this machine (fsync off, as in the
 * tests: what is measured is the kit's path, not the disk).
 * Run: `npm run bench:instances`. Env: BENCH_SECONDS (per section, default 10),
 * BENCH_USERS (TOTP users, default 1000), BENCH_CONNECTIONS (total, default 10).
 */
import { performance } from 'node:perf_hooks';
import { totpCode } from 'mfa-kit/testing';
import { startPostgresCluster } from '../test/postgres-cluster.js';
import { BenchClient, pool, type TotpUser } from './client.js';
import { cannon, emptyResult, figures, type Figures, type LoadResult, type RequestSpec } from './load.js';
import { BENCH_T0_MS, removeDataDir, spawnServerChild, type ServerChild } from './spawn-server-child.js';

const STEP_MS = 30_000;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const POLICY = { 'wallet.waas.refresh': { singleUse: false, ttlSeconds: 3600 } } as const;

export interface InstanceRow {
  deployment: string;
  what: string;
  figures: Figures;
}

const post = (path: string, token: string, body: unknown, extra: Record<string, string> = {}): RequestSpec => ({
  method: 'POST',
  path,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

/** One load per instance at once; the combined result counts every answer over the longest run. */
async function together(
  children: ServerChild[],
  connections: number,
  load: (child: ServerChild, index: number, connections: number) => Promise<LoadResult>,
): Promise<LoadResult> {
  const each = Math.max(1, Math.floor(connections / children.length));
  const results = await Promise.all(children.map((child, i) => load(child, i, each)));
  const combined = results.reduce((all, r) => ({
    ...all,
    total: all.total + r.total,
    ok: all.ok + r.ok,
    errors: all.errors + r.errors,
    latenciesMs: all.latenciesMs.concat(r.latenciesMs),
  }));
  return { ...combined, seconds: Math.max(...results.map((r) => r.seconds)) };
}

async function measureDeployment(deployment: string, children: ServerChild[], seconds: number, userCount: number, connections: number): Promise<InstanceRow[]> {
  const clients = children.map((child) => new BenchClient(child.url));
  const rows: InstanceRow[] = [];
  const tag = `${deployment.replace(/\W+/g, '-')}-${Date.now().toString(36)}`;
  await together(children, connections, (child, _i, c) =>
    cannon({ url: child.url, connections: c, durationSeconds: 2, request: { method: 'GET', path: '/bench/bare' }, okStatus: 200 }),
  );

  const users: TotpUser[] = new Array(userCount);
  await pool([...Array(userCount).keys()], connections, async (i) => {
    users[i] = await clients[i % clients.length]!.seedTotp(`${tag}-totp-${i}`);
  });
  const guardUsers: TotpUser[] = [];
  await pool([...Array(connections).keys()], connections, async (i) => {
    guardUsers.push(await clients[i % clients.length]!.seedTotp(`${tag}-guard-${i}`));
  });

  const bare = await together(children, connections, (child, _i, c) =>
    cannon({ url: child.url, connections: c, durationSeconds: seconds, request: { ...post('/bench/bare', 'x', { code: '123456' }) }, okStatus: 200 }),
  );
  rows.push({ deployment, what: 'baseline: POST /bench/bare (JSON body)', figures: figures(bare) });

  // TOTP windows: every instance's clock moves 3 steps per window, so each user's codes for
  // steps −1, 0, +1 are each newer than the last accepted; a user's codes go to one instance.
  const totp: LoadResult = emptyResult();
  const deadline = performance.now() + seconds * 1000;
  for (let k = 0; performance.now() < deadline; k++) {
    const clock = BENCH_T0_MS + (2 + 3 * k) * STEP_MS;
    await Promise.all(children.map((child) => child.setClock(clock)));
    const window = await together(children, connections, (child, i, c) => {
      const specs = [-1, 0, 1].flatMap((stepOffset) =>
        users
          .filter((_, u) => u % children.length === i)
          .map((user) => post('/mfa/totp/verify', user.session.token, { code: totpCode(user.secret, { now: clock, stepOffset }) })),
      );
      return cannon({ url: child.url, connections: c, durationSeconds: 600, request: specs, okStatus: 200 });
    });
    totp.total += window.total;
    totp.ok += window.ok;
    totp.errors += window.errors;
    totp.seconds += window.seconds;
    totp.latenciesMs.push(...window.latenciesMs);
  }
  rows.push({ deployment, what: 'TOTP verify', figures: figures(totp) });

  const tokens: RequestSpec[] = [];
  const now = BENCH_T0_MS + 3 * 1000 * STEP_MS; // past every TOTP window above
  await Promise.all(children.map((child) => child.setClock(now)));
  for (const [i, user] of guardUsers.entries()) {
    const answer = await clients[i % clients.length]!.totpVerify(user, totpCode(user.secret, { now }), { requestedScopes: ['wallet:refresh'] });
    if (answer.status !== 200) throw new Error(`guard token: ${answer.status} ${answer.text}`);
    tokens.push(post('/wallet/delegation', user.session.token, { enabled: true }, { 'x-elevated-access-token': answer.body.elevatedAccessToken.token }));
  }
  // Each instance checks every token, whichever instance minted it.
  const guard = await together(children, connections, (child, _i, c) =>
    cannon({ url: child.url, connections: c, durationSeconds: seconds, request: tokens, cycle: true, okStatus: 200 }),
  );
  rows.push({ deployment, what: 'guard, multi-use token (POST /wallet/delegation)', figures: figures(guard) });
  return rows;
}

export async function runMultiInstanceBench(): Promise<InstanceRow[]> {
  const seconds = env('BENCH_SECONDS', 10);
  const userCount = env('BENCH_USERS', 1000);
  const connections = env('BENCH_CONNECTIONS', 10);
  console.log(`\nInstances: SQLite ×1 vs PostgreSQL ×1 and ×2 (${userCount} TOTP users, ${connections} connections in total, ${seconds} s a section)`);
  const rows: InstanceRow[] = [];

  const sqlite = await spawnServerChild({ clockMs: BENCH_T0_MS, policy: POLICY });
  try {
    rows.push(...(await measureDeployment('SQLite ×1', [sqlite], seconds, userCount, connections)));
  } finally {
    await sqlite.stop();
    removeDataDir(sqlite.dataDir);
  }

  const cluster = await startPostgresCluster();
  try {
    for (const count of [1, 2]) {
      const databaseUrl = await cluster.createDatabase(`mfa_bench_${count}`);
      const children: ServerChild[] = [];
      try {
        for (let i = 0; i < count; i++) children.push(await spawnServerChild({ clockMs: BENCH_T0_MS, policy: POLICY, databaseUrl }));
        rows.push(...(await measureDeployment(`PostgreSQL ×${count}`, children, seconds, userCount, connections)));
      } finally {
        await Promise.all(children.map((child) => child.stop()));
        for (const child of children) removeDataDir(child.dataDir);
      }
    }
  } finally {
    cluster.stop();
  }

  const bareOf = new Map(rows.filter((r) => r.what.startsWith('baseline')).map((r) => [r.deployment, r.figures.okPerSecond]));
  const sqliteOf = new Map(rows.filter((r) => r.deployment === 'SQLite ×1').map((r) => [r.what, r.figures.okPerSecond]));
  console.table(
    rows.map((row) => ({
      deployment: row.deployment,
      what: row.what,
      'ok/s': row.figures.okPerSecond.toFixed(0),
      'p50 ms': row.figures.p50Ms.toFixed(2),
      'p99 ms': row.figures.p99Ms.toFixed(2),
      'ok/s ÷ bare route': (row.figures.okPerSecond / bareOf.get(row.deployment)!).toFixed(3),
      'ok/s ÷ SQLite ×1': (row.figures.okPerSecond / sqliteOf.get(row.what)!).toFixed(2),
      failed: row.figures.failed,
    })),
  );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runMultiInstanceBench();
