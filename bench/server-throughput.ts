/**
 * Server throughput on loopback. The server under test runs in a child process
 * (`server-child.ts`: demo routes, a real SQLite file in a temp folder); the load comes from
 * this process. On 2 cores or more the child is pinned to core 0 and this process to core 1
 * (`pin-to-core.ts`), so the generator never takes the server's core. Each kit figure stands
 * beside a bare JSON route of the same Hono app, measured in the same run with the same
 * generator, in alternating slices (`interleave.ts`: BENCH_SLICES slices of
 * BENCH_SLICE_SECONDS each side), so a neighbour's burst hits both sides:
 * - autocannon (independent requests): bare GET, bare POST with a JSON body, TOTP verify,
 *   guard checks (multi-use and single-use tokens), each beside the bare POST;
 * - a closed loop of fetch workers (dependent requests): passkey authentication
 *   (options → software authenticator → verify) beside two sequential bare POSTs.
 * The whole set runs BENCH_ROUNDS times and ends with each row's min and median over the rounds.
 * Then a sustained mixed load (BENCH_SUSTAIN_SECONDS, default 60) and the child's memory.
 * Run: `npm run bench:server`. Env: BENCH_ROUNDS (default 3), BENCH_SLICES (default 5),
 * BENCH_SLICE_SECONDS (default 2), BENCH_SUSTAIN_SECONDS (default 60), BENCH_USERS (TOTP
 * users, default 1000), BENCH_CONNECTIONS (default 10), BENCH_PIN=0 (no pinning).
 */
import { performance } from 'node:perf_hooks';
import { totpCode } from 'mfa-kit/testing';
import { BenchClient, pool, type Session, type TotpUser } from './client.js';
import { interleave, type Slice } from './interleave.js';
import { cannon, closedLoop, emptyResult, figures, merge, type Figures, type LoadResult, type RequestSpec } from './load.js';
import { describePinning, pinServerAndGenerator } from './pin-to-core.js';
import { printMeasures, printRound, printSummary, type ServerFigureRow } from './server-throughput-report.js';
import { BENCH_T0_MS, removeDataDir, spawnServerChild, type ServerChild } from './spawn-server-child.js';

const STEP_MS = 30_000;
/** Harvested single-use tokens kept unspent at most (each request spec holds a token and a session). */
const HARVEST_LIMIT = 60_000;
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Guarded route for both token kinds: enabling delegation needs wallet:refresh (configured multi-use), revoking needs wallet:reshare (single-use). */
const GUARD_POLICY = {
  // Six hours so every token is still live when spent, rounds later: the child's clock moves 90 s a TOTP window.
  'wallet.waas.refresh': { singleUse: false, ttlSeconds: 6 * 3600 },
  'wallet.waas.reshare': { singleUse: true, ttlSeconds: 6 * 3600 },
} as const;

const json = (session: Session, body: unknown, extra: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

/** Single-use tokens minted by the TOTP and passkey rows, each spent once by the single-use guard row, in order. */
class SingleUseTokens {
  readonly requests: RequestSpec[] = [];
  readonly cursor = { next: 0 };

  add(session: Session, token: string) {
    if (this.unspent() >= HARVEST_LIMIT) return;
    this.requests.push({ method: 'POST', path: '/wallet/delegation', ...json(session, { enabled: false }, { 'x-elevated-access-token': token }) });
  }

  unspent() {
    return this.requests.length - this.cursor.next;
  }
}

export type { ServerFigureRow };

export interface ServerBenchResult {
  rounds: ServerFigureRow[][];
  pinning: string;
  memory: { before: NodeJS.MemoryUsage; afterLoad: NodeJS.MemoryUsage; afterGc: NodeJS.MemoryUsage; sustainedSeconds: number; sustained: Figures };
  setup: { totpUsers: number; passkeyUsers: number; enrollSeconds: number };
}

/**
 * TOTP windows for `seconds`: clock k sits 2 + 3k steps after enrollment, so steps −1, 0, +1
 * are each one newer than the last accepted. A window cut short by the deadline is safe: the
 * next one's steps are newer than anything the cut one could have accepted.
 */
async function totpWindows(
  child: ServerChild,
  users: TotpUser[],
  seconds: number,
  connections: number,
  tokens: SingleUseTokens | undefined,
  windowIndex: { k: number },
) {
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
      durationSeconds: Math.max(0.05, (deadline - performance.now()) / 1000),
      request: specs,
      okStatus: 200,
      onBody: (status, body, tag) => {
        if (status === 200 && tokens) tokens.add(tag as Session, JSON.parse(body).elevatedAccessToken.token);
      },
    });
    merge(total, result);
  }
  return total;
}

interface Setup {
  child: ServerChild;
  client: BenchClient;
  connections: number;
  totpUsers: TotpUser[];
  guardUsers: TotpUser[];
  passkeyUsers: Awaited<ReturnType<typeof enrollPasskeyUsers>>;
  tokens: SingleUseTokens;
  windowIndex: { k: number };
}

function enrollPasskeyUsers(client: BenchClient, count: number) {
  return Promise.all(
    [...Array(count).keys()].map(async (i) => {
      const session = await client.session(`passkey-${i}`);
      return { session, ...(await client.registerPasskey(session)) };
    }),
  );
}

/** One multi-use token per guard user, minted at the child's current clock. */
async function multiUseRequests({ client, child, guardUsers }: Setup): Promise<RequestSpec[]> {
  const requests: RequestSpec[] = [];
  for (const user of guardUsers) {
    const answer = await client.totpVerify(user, totpCode(user.secret, { now: child.clockMs() }), { requestedScopes: ['wallet:refresh'] });
    if (answer.status !== 200 || answer.body.elevatedAccessToken.singleUse !== false) throw new Error(`multi-use token: ${answer.status} ${answer.text}`);
    requests.push({
      method: 'POST',
      path: '/wallet/delegation',
      ...json(user.session, { enabled: true }, { 'x-elevated-access-token': answer.body.elevatedAccessToken.token }),
    });
  }
  return requests;
}

/** Every row once, each interleaved with its baseline. */
async function measureRound(setup: Setup, slices: number, sliceSeconds: number): Promise<ServerFigureRow[]> {
  const { child, client, connections, tokens } = setup;
  const url = child.url;
  const barePostRequest: RequestSpec = {
    method: 'POST',
    path: '/bench/bare',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: '123456', requestedScopes: ['wallet:reshare'] }),
  };
  const barePostAll = emptyResult();
  const barePost: Slice = (seconds) => cannon({ url, connections, durationSeconds: seconds, request: barePostRequest, okStatus: 200 });
  const serverCpu = () => child.cpuMicros();
  /** A row beside the bare POST: its figures, and those of the bare POST slices run between its own. */
  const besideBarePost = async (what: string, row: Slice): Promise<ServerFigureRow> => {
    const { baseline, row: measured } = await interleave(slices, sliceSeconds, barePost, row, serverCpu);
    merge(barePostAll, baseline);
    return {
      what,
      generator: 'autocannon',
      figures: figures(measured),
      baseline: { what: 'baseline: POST /bench/bare (JSON body)', figures: figures(baseline) },
    };
  };

  const get = await besideBarePost('baseline: GET /bench/bare', (seconds) =>
    cannon({ url, connections, durationSeconds: seconds, request: { method: 'GET', path: '/bench/bare' }, okStatus: 200 }),
  );
  const totp = await besideBarePost('TOTP verify (+ single-use token)', (seconds) =>
    totpWindows(child, setup.totpUsers, seconds, connections, tokens, setup.windowIndex),
  );
  const ceilingRequest: RequestSpec = { ...barePostRequest, path: '/bench/ceiling' };
  const ceiling = await besideBarePost('ceiling: one ES256 signature + one INSERT', (seconds) =>
    cannon({ url, connections, durationSeconds: seconds, request: ceilingRequest, okStatus: 200 }),
  );

  const workers = [...Array(connections).keys()];
  const passkeyPair = await interleave(
    slices,
    sliceSeconds,
    (seconds) =>
      closedLoop({
        workers,
        durationSeconds: seconds,
        okStatus: 200,
        flow: async () => {
          await client.call('POST', '/bench/bare', { body: {} });
          return (await client.call('POST', '/bench/bare', { body: { response: {} } })).status;
        },
      }),
    (seconds) =>
      closedLoop({
        workers: setup.passkeyUsers,
        durationSeconds: seconds,
        okStatus: 200,
        flow: async (user) => {
          const answer = await client.passkeyAuthenticate(user.session, user.authenticator, { requestedScopes: ['wallet:reshare'] });
          if (answer.status === 200) tokens.add(user.session, answer.body.elevatedAccessToken.token);
          return answer.status;
        },
      }),
    serverCpu,
  );

  const multi = await multiUseRequests(setup);
  const guardMulti = await besideBarePost('guard, multi-use token (POST /wallet/delegation)', (seconds) =>
    cannon({ url, connections, durationSeconds: seconds, request: multi, cycle: true, okStatus: 200 }),
  );
  // Unmeasured TOTP windows until there are tokens for the whole row at the multi-use rate, and some.
  const needed = Math.ceil(guardMulti.figures.okPerSecond * slices * sliceSeconds * 1.25);
  while (tokens.unspent() < Math.min(needed, HARVEST_LIMIT)) await totpWindows(child, setup.totpUsers, 1, connections, tokens, setup.windowIndex);
  const unspentBefore = tokens.unspent();
  const guardSingle = await besideBarePost('guard, single-use token (each harvested token once)', (seconds) =>
    cannon({ url, connections, durationSeconds: seconds, request: tokens.requests, cursor: tokens.cursor, okStatus: 200 }),
  );
  const spent = unspentBefore - tokens.unspent();
  if (tokens.unspent() === 0) console.log(`  (the single-use row ran out of harvested tokens after ${spent}: its last slices were short)`);

  // GET's row is not a ratio; its slices are only there so the baseline row counts every bare POST of the round.
  const { baseline: _getPairBaseline, ...getRow } = get;
  return [
    getRow,
    { what: 'baseline: POST /bench/bare (JSON body)', generator: 'autocannon', figures: figures(barePostAll) },
    totp,
    ceiling,
    { what: 'baseline: 2 sequential POST /bench/bare', generator: 'fetch closed loop', figures: figures(passkeyPair.baseline) },
    {
      what: 'passkey options + verify (a flow)',
      generator: 'fetch closed loop',
      figures: figures(passkeyPair.row),
      baseline: { what: 'baseline: 2 sequential POST /bench/bare', figures: figures(passkeyPair.baseline) },
    },
    guardMulti,
    guardSingle,
  ];
}

export async function runServerBench(): Promise<ServerBenchResult> {
  const rounds = env('BENCH_ROUNDS', 3);
  const slices = env('BENCH_SLICES', 5);
  const sliceSeconds = env('BENCH_SLICE_SECONDS', 2);
  const sustainSeconds = env('BENCH_SUSTAIN_SECONDS', 60);
  const userCount = env('BENCH_USERS', 1000);
  const connections = env('BENCH_CONNECTIONS', 10);
  const child = await spawnServerChild({ clockMs: BENCH_T0_MS, policy: GUARD_POLICY });
  const pinning = describePinning(pinServerAndGenerator(child.pid));
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
    const passkeyUsers = await enrollPasskeyUsers(client, connections);
    const enrollSeconds = (performance.now() - t0) / 1000;
    const setup: Setup = { child, client, connections, totpUsers, guardUsers, passkeyUsers, tokens: new SingleUseTokens(), windowIndex: { k: 0 } };
    console.log(
      `\nServer throughput: ${userCount} TOTP users, ${connections} passkey users enrolled in ${enrollSeconds.toFixed(1)} s; ${connections} connections; ${pinning}.` +
        `\nEach row runs in ${slices} slices of ${sliceSeconds} s alternating with ${slices} of its baseline; "ok/s ÷ baseline" divides by those interleaved baseline slices. ${rounds} round(s).` +
        `\n"server CPU µs/ok" is the child's CPU (every thread) per success in those slices, "server busy" that CPU ÷ wall time (1.00: its core was saturated; below, the generator or round trips set the pace), and "CPU: baseline ÷ row" the ratio the server's CPU alone gives.`,
    );

    const measured: ServerFigureRow[][] = [];
    for (let round = 1; round <= rounds; round++) {
      measured.push(await measureRound(setup, slices, sliceSeconds));
      printRound(round, measured.at(-1)!);
    }
    printMeasures(measured[0]!);
    printSummary(measured);

    // Sustained mixed load: TOTP windows and a two-worker passkey loop side by side.
    const sustainedStart = performance.now();
    const [sustainedTotp, sustainedPasskey] = await Promise.all([
      totpWindows(child, totpUsers, sustainSeconds, connections, undefined, setup.windowIndex),
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
      `\nSustained ${sustainedWall.toFixed(0)} s of mixed load (TOTP verify + passkey loop): ${s.ok} successes (${s.okPerSecond.toFixed(0)}/s), ${s.failed} failures (statuses ${JSON.stringify(sustained.statuses)}, ${sustained.errors} socket errors or flows that threw)`,
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
      rounds: measured,
      pinning,
      memory: { before, afterLoad, afterGc, sustainedSeconds: sustainedWall, sustained: s },
      setup: { totpUsers: userCount, passkeyUsers: connections, enrollSeconds },
    };
  } finally {
    await child.stop();
    removeDataDir(child.dataDir);
  }
}

export type { LoadResult };

if (import.meta.url === `file://${process.argv[1]}`) await runServerBench();
