/**
 * Server throughput on loopback. The server under test runs in a child process
 * (`server-child.ts`: demo routes, a real SQLite file in a temp folder); the load comes from
 * this process. Each kit figure stands beside a bare JSON route of the same Hono app,
 * measured in the same run with the same generator:
 * - autocannon (independent requests): bare GET, bare POST with a JSON body, TOTP verify,
 *   guard checks (multi-use and single-use tokens);
 * - a closed loop of fetch workers (dependent requests): passkey authentication
 *   (options → software authenticator → verify) beside two sequential bare POSTs.
 * Then a sustained mixed load (BENCH_SUSTAIN_SECONDS, default 60) and the child's memory.
 * Run: `npm run bench:server`. Env: BENCH_SECONDS (per section, default 10),
 * BENCH_SUSTAIN_SECONDS (default 60), BENCH_USERS (TOTP users, default 1000), BENCH_CONNECTIONS (default 10).
 */
import { performance } from 'node:perf_hooks';
import { totpCode } from 'mfa-kit/testing';
import { BenchClient, pool, type Session, type TotpUser } from './client.js';
import { cannon, closedLoop, emptyResult, figures, merge, type Figures, type LoadResult, type RequestSpec } from './load.js';
import { BENCH_T0_MS, removeDataDir, spawnServerChild, type ServerChild } from './spawn-server-child.js';

const STEP_MS = 30_000;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Guarded route for both token kinds: enabling delegation needs wallet:refresh (configured multi-use), revoking needs wallet:reshare (single-use). */
const GUARD_POLICY = {
  'wallet.waas.refresh': { singleUse: false, ttlSeconds: 3600 },
  // An hour so the tokens harvested during the TOTP windows (the child's clock moves 90 s a window) are still live.
  'wallet.waas.reshare': { singleUse: true, ttlSeconds: 3600 },
} as const;

interface Harvested {
  session: Session;
  token: string;
}

const json = (session: Session, body: unknown, extra: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

export interface ServerFigureRow {
  what: string;
  generator: string;
  figures: Figures;
  baseline?: string;
}

export interface ServerBenchResult {
  rows: ServerFigureRow[];
  memory: { before: NodeJS.MemoryUsage; afterLoad: NodeJS.MemoryUsage; afterGc: NodeJS.MemoryUsage; sustainedSeconds: number; sustained: Figures };
  setup: { totpUsers: number; passkeyUsers: number; enrollSeconds: number };
}

/** TOTP windows: clock k sits 2 + 3k steps after enrollment, so steps −1, 0, +1 are each one newer than the last accepted. */
async function totpWindows(child: ServerChild, users: TotpUser[], seconds: number, connections: number, harvest: Harvested[], windowIndex: { k: number }) {
  const total = emptyResult();
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    const clock = BENCH_T0_MS + (2 + 3 * windowIndex.k++) * STEP_MS;
    await child.setClock(clock);
    const specs: RequestSpec[] = [];
    for (const stepOffset of [-1, 0, 1]) {
      for (const user of users) {
        specs.push({
          method: 'POST',
          path: '/mfa/totp/verify',
          ...json(user.session, { code: totpCode(user.secret, { now: clock, stepOffset }), requestedScopes: ['wallet:reshare'] }),
          tag: user.session,
        });
      }
    }
    const result = await cannon({
      url: child.url,
      connections,
      durationSeconds: 600,
      request: specs,
      okStatus: 200,
      onBody: (status, body, tag) => {
        if (status === 200 && harvest.length < 60_000) harvest.push({ session: tag as Session, token: JSON.parse(body).elevatedAccessToken.token });
      },
    });
    merge(total, result);
  }
  return total;
}

export async function runServerBench(): Promise<ServerBenchResult> {
  const seconds = env('BENCH_SECONDS', 10);
  const sustainSeconds = env('BENCH_SUSTAIN_SECONDS', 60);
  const userCount = env('BENCH_USERS', 1000);
  const connections = env('BENCH_CONNECTIONS', 10);
  const child = await spawnServerChild({ clockMs: BENCH_T0_MS, policy: GUARD_POLICY });
  const client = new BenchClient(child.url);
  try {
    const before = await child.memory(true);
    // Warm-up (JIT, connection setup); not reported.
    await cannon({ url: child.url, connections, durationSeconds: 2, request: { method: 'GET', path: '/bench/bare' }, okStatus: 200 });

    const t0 = performance.now();
    const totpUsers: TotpUser[] = new Array(userCount);
    await pool([...Array(userCount).keys()], connections, async (i) => {
      totpUsers[i] = await client.seedTotp(`totp-${i}`);
    });
    const guardUsers: TotpUser[] = [];
    await pool([...Array(connections).keys()], connections, async (i) => {
      guardUsers.push(await client.seedTotp(`guard-${i}`));
    });
    const passkeyUsers = await Promise.all(
      [...Array(connections).keys()].map(async (i) => {
        const session = await client.session(`passkey-${i}`);
        return { session, ...(await client.registerPasskey(session)) };
      }),
    );
    const enrollSeconds = (performance.now() - t0) / 1000;
    console.log(
      `\nServer throughput: ${userCount} TOTP users, ${connections} passkey users enrolled in ${enrollSeconds.toFixed(1)} s; ${connections} connections, ${seconds} s a section`,
    );

    const rows: ServerFigureRow[] = [];
    const bareGet = await cannon({ url: child.url, connections, durationSeconds: seconds, request: { method: 'GET', path: '/bench/bare' }, okStatus: 200 });
    rows.push({ what: 'baseline: GET /bench/bare', generator: 'autocannon', figures: figures(bareGet) });
    const barePost = await cannon({
      url: child.url,
      connections,
      durationSeconds: seconds,
      request: {
        method: 'POST',
        path: '/bench/bare',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: '123456', requestedScopes: ['wallet:reshare'] }),
      },
      okStatus: 200,
    });
    rows.push({ what: 'baseline: POST /bench/bare (JSON body)', generator: 'autocannon', figures: figures(barePost) });

    const harvest: Harvested[] = [];
    const windowIndex = { k: 0 };
    const totp = await totpWindows(child, totpUsers, seconds, connections, harvest, windowIndex);
    rows.push({
      what: 'TOTP verify (+ single-use token)',
      generator: 'autocannon',
      figures: figures(totp),
      baseline: 'baseline: POST /bench/bare (JSON body)',
    });

    const bareFlow = await closedLoop({
      workers: [...Array(connections).keys()],
      durationSeconds: seconds,
      okStatus: 200,
      flow: async () => {
        await client.call('POST', '/bench/bare', { body: {} });
        return (await client.call('POST', '/bench/bare', { body: { response: {} } })).status;
      },
    });
    rows.push({ what: 'baseline: 2 sequential POST /bench/bare', generator: 'fetch closed loop', figures: figures(bareFlow) });
    const passkey = await closedLoop({
      workers: passkeyUsers,
      durationSeconds: seconds,
      okStatus: 200,
      flow: async (user) => {
        const answer = await client.passkeyAuthenticate(user.session, user.authenticator, { requestedScopes: ['wallet:reshare'] });
        if (answer.status === 200) harvest.push({ session: user.session, token: answer.body.elevatedAccessToken.token });
        return answer.status;
      },
    });
    rows.push({
      what: 'passkey options + verify (a flow)',
      generator: 'fetch closed loop',
      figures: figures(passkey),
      baseline: 'baseline: 2 sequential POST /bench/bare',
    });

    const multi: RequestSpec[] = [];
    for (const user of guardUsers) {
      const answer = await client.totpVerify(user, totpCode(user.secret, { now: child.clockMs() }), { requestedScopes: ['wallet:refresh'] });
      if (answer.status !== 200 || answer.body.elevatedAccessToken.singleUse !== false) throw new Error(`multi-use token: ${answer.status} ${answer.text}`);
      multi.push({
        method: 'POST',
        path: '/wallet/delegation',
        ...json(user.session, { enabled: true }, { 'x-elevated-access-token': answer.body.elevatedAccessToken.token }),
      });
    }
    const guardMulti = await cannon({ url: child.url, connections, durationSeconds: seconds, request: multi, cycle: true, okStatus: 200 });
    rows.push({
      what: 'guard, multi-use token (POST /wallet/delegation)',
      generator: 'autocannon',
      figures: figures(guardMulti),
      baseline: 'baseline: POST /bench/bare (JSON body)',
    });

    const single: RequestSpec[] = harvest.map(({ session, token }) => ({
      method: 'POST',
      path: '/wallet/delegation',
      ...json(session, { enabled: false }, { 'x-elevated-access-token': token }),
    }));
    const guardSingle = await cannon({ url: child.url, connections, durationSeconds: seconds, request: single, okStatus: 200 });
    rows.push({
      what: `guard, single-use token (${single.length} harvested, each once)`,
      generator: 'autocannon',
      figures: figures(guardSingle),
      baseline: 'baseline: POST /bench/bare (JSON body)',
    });

    printRows(rows);
    printMeasures(rows);

    // Sustained mixed load: TOTP windows and a two-worker passkey loop side by side.
    const sustainedStart = performance.now();
    const [sustainedTotp, sustainedPasskey] = await Promise.all([
      totpWindows(child, totpUsers, sustainSeconds, connections, [], windowIndex),
      closedLoop({
        workers: passkeyUsers.slice(0, 2),
        durationSeconds: sustainSeconds,
        okStatus: 200,
        flow: async (user) => (await client.passkeyAuthenticate(user.session, user.authenticator)).status,
      }),
    ]);
    const sustainedWall = (performance.now() - sustainedStart) / 1000;
    const sustained = merge(merge(emptyResult(), sustainedTotp), sustainedPasskey);
    sustained.seconds = sustainedWall;
    const afterLoad = await child.memory(false);
    const afterGc = await child.memory(true);
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    const s = figures(sustained);
    console.log(
      `\nSustained ${sustainedWall.toFixed(0)} s of mixed load (TOTP verify + passkey loop): ${s.ok} successes (${s.okPerSecond.toFixed(0)}/s), ${s.failed} failures`,
    );
    console.table([
      {
        when: 'before any load (after GC)',
        rss: mb(before.rss),
        heapUsed: mb(before.heapUsed),
        heapTotal: mb(before.heapTotal),
        external: mb(before.external),
      },
      {
        when: 'after the sustained load',
        rss: mb(afterLoad.rss),
        heapUsed: mb(afterLoad.heapUsed),
        heapTotal: mb(afterLoad.heapTotal),
        external: mb(afterLoad.external),
      },
      {
        when: 'after the sustained load, after GC',
        rss: mb(afterGc.rss),
        heapUsed: mb(afterGc.heapUsed),
        heapTotal: mb(afterGc.heapTotal),
        external: mb(afterGc.external),
      },
    ]);
    return {
      rows,
      memory: { before, afterLoad, afterGc, sustainedSeconds: sustainedWall, sustained: s },
      setup: { totpUsers: userCount, passkeyUsers: connections, enrollSeconds },
    };
  } finally {
    await child.stop();
    removeDataDir(child.dataDir);
  }
}

/** What each row's requests do inside the server child, beyond what its baseline does too. */
export const SERVER_ROW_MEASURES: readonly [prefix: string, measures: string][] = [
  ['baseline: GET', "Node HTTP + Hono routing and the global middleware (no-store, body limit): the framework's ceiling"],
  ['baseline: POST', 'the same plus reading and parsing a small JSON body: what every kit POST pays before its own work'],
  [
    'TOTP verify',
    'session lookup (demo, one SELECT), body validation, device read, 3 HOTPs, ONE write transaction (reserve attempt + accept step + reset), ES256 sign (node:crypto), step_up_granted event INSERT',
  ],
  ['baseline: 2 sequential', 'two dependent bare POSTs through the fetch client: the ceiling of a two-request flow'],
  [
    'passkey',
    'options (challenge INSERT) → software authenticator → verify (challenge DELETE, ES256 assertion check by @simplewebauthn, counter UPDATE, ES256 token sign, event INSERT)',
  ],
  ['guard, multi-use', 'session lookup, policy (one SELECT EXISTS), ES256 verify (jose, WebCrypto), no digest (unbound token), the delegation UPDATE'],
  ['guard, single-use', 'the same plus the atomic jti INSERT (single use)'],
];

function printMeasures(rows: ServerFigureRow[]) {
  console.log('What each row measures:');
  for (const row of rows) {
    const measures = SERVER_ROW_MEASURES.find(([prefix]) => row.what.startsWith(prefix))?.[1];
    if (measures) console.log(`  - ${row.what}: ${measures}`);
  }
}

function printRows(rows: ServerFigureRow[]) {
  const byName = new Map(rows.map((row) => [row.what, row.figures]));
  console.table(
    rows.map((row) => {
      const base = row.baseline ? byName.get(row.baseline) : undefined;
      return {
        what: row.what,
        generator: row.generator,
        'ok/s': row.figures.okPerSecond.toFixed(0),
        'p50 ms': row.figures.p50Ms.toFixed(2),
        'p99 ms': row.figures.p99Ms.toFixed(2),
        'ok/s ÷ baseline': base ? (row.figures.okPerSecond / base.okPerSecond).toFixed(3) : '',
        'p50 ÷ baseline': base ? (row.figures.p50Ms / base.p50Ms).toFixed(2) : '',
        ok: row.figures.ok,
        failed: row.figures.failed,
      };
    }),
  );
}

export type { LoadResult };

if (import.meta.url === `file://${process.argv[1]}`) await runServerBench();
