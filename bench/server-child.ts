/**
 * The server under test, run in its own process so that the load generator never shares its
 * event loop: `startMfaServer` with `demo: true` on loopback, on a real SQLite file in the
 * folder the parent gives (BENCH_DATA_DIR), or on PostgreSQL (BENCH_DATABASE_URL). Beside the kit's routes it mounts the baselines
 * on the same Hono app (so they pay the same global middleware): `GET /bench/bare` and
 * `POST /bench/bare` (reads the JSON body), `POST /bench/ceiling` (one signature, one INSERT), `GET /bench/memory` (`?gc=1` collects first), and
 * `POST /bench/seed-totp` (setup: a verified TOTP device for a user, without recovery codes).
 *
 * The clock is the parent's (BENCH_CLOCK_MS, then `{ type: 'clock', ms }` messages), so TOTP
 * windows are exact and nothing sleeps; the per-request work is the same as with Date.now.
 * `{ type: 'cpu' }` answers the child's `process.cpuUsage()`, so the parent can say what a slice cost the server.
 */
import { randomUUID } from 'node:crypto';
import { Secret } from 'otpauth';
import { serveMfaServer, type MfaServerOptions } from 'mfa-kit/server';
import { createDemoServer } from '../demo/server/create-demo-server.js';
import { BENCH_ORIGIN, BENCH_RP_ID } from './constants.js';

export type ChildMessage = { type: 'ready'; url: string; port: number } | { type: 'clock-ack'; ms: number } | { type: 'cpu'; usage: NodeJS.CpuUsage };
export type ParentMessage = { type: 'clock'; ms: number } | { type: 'cpu' };

async function main() {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  let clockMs = Number(process.env.BENCH_CLOCK_MS ?? Date.now());
  const policy = JSON.parse(process.env.BENCH_POLICY ?? '{}') as MfaServerOptions['policy'];
  const lockout = JSON.parse(process.env.BENCH_LOCKOUT ?? '{}') as NonNullable<MfaServerOptions['lockout']>;
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const server = await createDemoServer({
    ...(databaseUrl ? { databaseUrl } : { dataDir }),
    rpId: BENCH_RP_ID,
    rpName: 'mfa-kit bench',
    expectedOrigins: [BENCH_ORIGIN],
    now: () => clockMs,
    ...(policy ? { policy } : {}),
    lockout,
    // Internal errors go to stderr, where the drills look for them.
    logger: (line) => process.stderr.write(`${line}\n`),
  });
  const app = server.app;
  app.get('/bench/bare', (c) => c.json({ ok: true }));
  app.post('/bench/bare', async (c) => {
    await c.req.json().catch(() => ({}));
    return c.json({ ok: true });
  });
  // Setup only, never measured: a verified TOTP device straight into the store. Enrolling over
  // HTTP issues ten scrypt-sealed recovery codes per user (about 1 s of CPU each on this
  // machine), which turned enrolling 1,000 users into minutes; the routes under load are the same.
  app.post('/bench/seed-totp', async (c) => {
    const { userId } = (await c.req.json()) as { userId: string };
    const secret = new Secret({ size: 20 }).base32;
    const id = randomUUID();
    await server.store.insertTotpDevice({
      id,
      userId,
      secretSealed: server.context.secrets.seal(secret),
      createdAt: clockMs,
      verifiedAt: clockMs,
      isDefault: true,
      lastStep: null,
      lastUsedAt: null,
    });
    return c.json({ id, secret });
  });
  // What any verification that issues a token costs at the least: one ES256 signature and one
  // durable INSERT (an audit event, as TOTP writes), with no session, no lookup and no check.
  // The TOTP row's ratio is read beside this one's: the goal cannot sit above it.
  app.post('/bench/ceiling', async (c) => {
    const body = (await c.req.json()) as object;
    // Time-ordered like the kit's own ids, so the INSERT lands where the kit's would.
    const id = `${clockMs.toString(16).padStart(12, '0')}-${randomUUID()}`;
    const token = server.context.keys.sign({ sub: 'bench', iat: Math.floor(clockMs / 1000), jti: id, body });
    await server.store.insertSecurityEvent({
      id,
      userId: 'bench',
      sessionId: 'bench',
      type: 'step_up_granted',
      at: clockMs,
      ipAddress: null,
      userAgent: null,
      details: '{}',
    });
    return c.json({ token });
  });
  app.get('/bench/memory', (c) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (c.req.query('gc') === '1' && gc) gc();
    return c.json(process.memoryUsage());
  });
  const running = await serveMfaServer(server, { port: Number(process.env.BENCH_PORT ?? 0), hostname: '127.0.0.1' });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'clock') {
      clockMs = message.ms;
      process.send?.({ type: 'clock-ack', ms: clockMs } satisfies ChildMessage);
    }
    // Every thread of this process (libuv's pool and V8's helpers too): what a slice of load cost the server.
    if (message.type === 'cpu') process.send?.({ type: 'cpu', usage: process.cpuUsage() } satisfies ChildMessage);
  });
  process.on('disconnect', () => void running.close().finally(() => process.exit(0)));
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${running.port}`, port: running.port } satisfies ChildMessage);
}

await main();
