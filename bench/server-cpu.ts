/**
 * CPU time per request, in process: the kit's Hono app called through `app.fetch` one request
 * at a time (no sockets, no load generator), with `process.cpuUsage()` (every thread of the
 * process, so WebCrypto's and SQLite's work count too) around each batch. On a shared machine
 * throughput swings with the neighbours; CPU per request barely does, so this is the figure to
 * compare two versions of the server with. Same demo server, SQLite file and policy as the
 * throughput bench; a bare JSON POST on the same app is the baseline.
 * Run: `npx tsx bench/server-cpu.ts` (after `npm run build`). Env: BENCH_CPU_USERS (default 500).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Secret } from 'otpauth';
import { totpCode } from 'mfa-kit/testing';
import { createDemoServer } from '../demo/server/create-demo-server.js';
import { BENCH_ORIGIN, BENCH_RP_ID, BENCH_T0_MS } from './constants.js';

const STEP_MS = 30_000;
const USERS = Number(process.env.BENCH_CPU_USERS ?? 500);
const POLICY = { 'wallet.waas.refresh': { singleUse: false, ttlSeconds: 3600 }, 'wallet.waas.reshare': { singleUse: true, ttlSeconds: 3600 } } as const;

export async function runServerCpuBench() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mfa-kit-bench-cpu-'));
  let clock = BENCH_T0_MS;
  const server = await createDemoServer({ dataDir, rpId: BENCH_RP_ID, rpName: 'bench', expectedOrigins: [BENCH_ORIGIN], now: () => clock, policy: POLICY });
  server.app.post('/bench/bare', async (c) => {
    await c.req.json().catch(() => ({}));
    return c.json({ ok: true });
  });
  const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await server.fetch(
      new Request(`http://bench${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    );
    return { status: response.status, body: (await response.json()) as any };
  };
  const users: { auth: Record<string, string>; secret: string }[] = [];
  for (let i = 0; i < USERS; i++) {
    const { body } = await call('/demo/session', { name: `cpu-${i}` });
    const secret = new Secret({ size: 20 }).base32;
    await server.store.insertTotpDevice({
      id: randomUUID(),
      userId: body.userId,
      secretSealed: server.context.secrets.seal(secret),
      createdAt: clock,
      verifiedAt: clock,
      isDefault: true,
      lastStep: null,
      lastUsedAt: null,
    });
    users.push({ auth: { authorization: `Bearer ${body.sessionToken}` }, secret });
  }
  /** µs of CPU per request over `requests`, each checked for `expected`. */
  const measure = async (requests: (() => Promise<{ status: number }>)[], expected = 200) => {
    const start = process.cpuUsage();
    for (const request of requests) {
      const { status } = await request();
      if (status !== expected) throw new Error(`status ${status}`);
    }
    const used = process.cpuUsage(start);
    return (used.user + used.system) / requests.length;
  };
  try {
    const rows: Record<string, number> = {};
    const bare = () => Array.from({ length: 3 * USERS }, () => () => call('/bench/bare', { code: '123456', requestedScopes: ['wallet:reshare'] }));
    await measure(bare()); // warm-up
    rows['baseline: POST /bench/bare'] = await measure(bare());
    const single: { auth: Record<string, string>; token: string }[] = [];
    let cpuTotp = 0;
    for (let window = 0; window < 2; window++) {
      clock = BENCH_T0_MS + (2 + 3 * window) * STEP_MS;
      const requests = [-1, 0, 1].flatMap((stepOffset) =>
        users.map((user) => async () => {
          const answer = await call(
            '/mfa/totp/verify',
            { code: totpCode(user.secret, { now: clock, stepOffset }), requestedScopes: ['wallet:reshare'] },
            user.auth,
          );
          if (answer.status === 200) single.push({ auth: user.auth, token: answer.body.elevatedAccessToken.token });
          return answer;
        }),
      );
      cpuTotp = await measure(requests); // the second window is the one reported (the first warms up)
    }
    rows['TOTP verify (+ single-use token)'] = cpuTotp;
    clock += STEP_MS * 3;
    const multi = await Promise.all(
      users.slice(0, 10).map(async (user) => ({
        auth: user.auth,
        token: (await call('/mfa/totp/verify', { code: totpCode(user.secret, { now: clock }), requestedScopes: ['wallet:refresh'] }, user.auth)).body
          .elevatedAccessToken.token,
      })),
    );
    const multiRequests = () =>
      Array.from(
        { length: 3 * USERS },
        (_, i) => () =>
          call('/wallet/delegation', { enabled: true }, { ...multi[i % multi.length]!.auth, 'x-elevated-access-token': multi[i % multi.length]!.token }),
      );
    await measure(multiRequests());
    rows['guard, multi-use token'] = await measure(multiRequests());
    rows['guard, single-use token'] = await measure(
      single.slice(-3 * USERS).map(
        ({ auth, token }) =>
          () =>
            call('/wallet/delegation', { enabled: false }, { ...auth, 'x-elevated-access-token': token }),
      ),
    );
    const base = rows['baseline: POST /bench/bare']!;
    console.log(`\nCPU per request, in process (app.fetch, one at a time, ${USERS} users)`);
    console.table(Object.entries(rows).map(([what, us]) => ({ what, 'CPU µs/request': us.toFixed(0), 'bare ÷ this': (base / us).toFixed(3) })));
    return rows;
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runServerCpuBench();
