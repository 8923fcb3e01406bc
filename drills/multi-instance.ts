/**
 * Multi-instance drill. Threat: behind a load balancer, every single-use guarantee holds per
 * process only — a code, token or recovery code raced over several instances succeeds once on
 * each; a code accepted on one is replayed on another; guesses spread over the instances each
 * count for one instance's lockout; a crash of one instance loses or un-spends what it had
 * just handled; or instances sign with keys the others (and the app's resource servers) do
 * not know. Three server processes on one PostgreSQL database, requests spread round-robin.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { totpCode } from 'mfa-kit/testing';
import { BenchClient, type TotpUser } from '../bench/client.js';
import { BENCH_T0_MS, TOTP_STEP_MS } from '../bench/constants.js';
import { spawnServerChild, type ServerChild } from '../bench/spawn-server-child.js';
import { race, type RaceTally } from './concurrency.js';
import { runInstanceCrash, type InstanceCrashResult } from './multi-instance-crash.js';

export interface MultiInstanceOptions {
  databaseUrl: string;
  /** Requests per race, spread round-robin over the instances. */
  parallel: number;
  /** Users whose recovery codes and tokens make the load the crash interrupts. */
  loadUsers: number;
  /** @default 3 */
  instances?: number;
}

export interface MultiInstanceResult {
  races: RaceTally[];
  /** Statuses of 5 wrong codes, then of a right code on each instance (429 expected on all). */
  lockout: { wrong: number[]; afterOnEach: number[] };
  /** A code accepted on instance 0, then sent to each other instance (401 expected). */
  replay: { first: number; others: number[] };
  /** Tokens minted on each instance, checked by a resource server holding only one JWKS URL. */
  resourceServer: { minted: number; accepted: number; tamperedAccepted: boolean; sameJwks: boolean };
  crash: InstanceCrashResult;
}

const RESOURCE_CHILD = fileURLToPath(new URL('./resource-server-child.ts', import.meta.url));
const ENROLL_MS = BENCH_T0_MS - TOTP_STEP_MS;

async function startResourceServer(jwksUrl: string, clockMs: number) {
  const child = fork(RESOURCE_CHILD, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, RESOURCE_JWKS_URL: jwksUrl, RESOURCE_CLOCK_MS: String(clockMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`resource server exited (${code})`)));
    child.on('message', (message: { type: string; url: string }) => message.type === 'ready' && resolve(message.url));
  });
  return { url, stop: () => child.kill('SIGKILL') };
}

export async function runMultiInstanceDrill(options: MultiInstanceOptions): Promise<MultiInstanceResult> {
  const count = options.instances ?? 3;
  // One after the other: the first creates the schema and keys; starting them at once is
  // proven by the startup-race test, and here it would only slow the drill's first seconds.
  const children: ServerChild[] = [];
  try {
    for (let i = 0; i < count; i++) children.push(await spawnServerChild({ clockMs: ENROLL_MS, databaseUrl: options.databaseUrl }));
    const clients = children.map((child) => new BenchClient(child.url));
    const at = (i: number) => clients[i % clients.length]!;
    const setClock = (ms: number) => Promise.all(children.map((child) => child.setClock(ms)));
    const enroll = (name: string, i = 0): Promise<TotpUser> => at(i).enrollTotp(name, ENROLL_MS);
    const run = `${Date.now().toString(36)}`;

    const raceUsers = await Promise.all(['code', 'token', 'legacy', 'recovery', 'lockout', 'replay'].map((what, i) => enroll(`${run}-${what}`, i)));
    const [codeUser, tokenUser, legacyUser, recoveryUser, lockoutUser, replayUser] = raceUsers as [TotpUser, TotpUser, TotpUser, TotpUser, TotpUser, TotpUser];
    await setClock(BENCH_T0_MS);
    const fresh = (user: TotpUser) => totpCode(user.secret, { now: BENCH_T0_MS });

    const races: RaceTally[] = [];
    const code = fresh(codeUser);
    races.push(await race('one TOTP code', options.parallel, (i) => at(i).totpVerify(codeUser, code)));

    const elevated = await at(1).totpVerify(tokenUser, fresh(tokenUser), { requestedScopes: ['wallet:export'] });
    if (elevated.status !== 200 || elevated.body.elevatedAccessToken.singleUse !== true) throw new Error(`token: ${elevated.status} ${elevated.text}`);
    const token = elevated.body.elevatedAccessToken.token as string;
    races.push(
      await race('one single-use elevated token', options.parallel, (i) =>
        at(i).call('POST', '/wallet/export', { session: tokenUser.session, elevated: token }),
      ),
    );

    const legacy = await at(2).totpVerify(legacyUser, fresh(legacyUser), { createMfaToken: true });
    if (legacy.status !== 200) throw new Error(`legacy: ${legacy.status} ${legacy.text}`);
    const mfaToken = legacy.body.mfaToken.token as string;
    races.push(await race('one legacy MFA token', options.parallel, (i) => at(i).call('POST', '/wallet/export', { session: legacyUser.session, mfaToken })));

    const recoveryCode = recoveryUser.recoveryCodes[0]!;
    races.push(
      await race('one recovery code', options.parallel, (i) =>
        at(i).call('POST', '/mfa/recovery-codes/verify', { session: recoveryUser.session, body: { code: recoveryCode } }),
      ),
    );

    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) wrong.push((await at(i).totpVerify(lockoutUser, '000000')).status);
    const afterOnEach = [];
    for (const client of clients) afterOnEach.push((await client.totpVerify(lockoutUser, fresh(lockoutUser))).status);

    const replayCode = fresh(replayUser);
    const first = (await at(0).totpVerify(replayUser, replayCode)).status;
    const others = [];
    for (const client of clients.slice(1)) others.push((await client.totpVerify(replayUser, replayCode)).status);

    const resourceServer = await checkResourceServer(clients, children[0]!.url, run);
    const crash = await runInstanceCrash({ children, clients, loadUsers: options.loadUsers, run, enrollMs: ENROLL_MS });
    return { races, lockout: { wrong, afterOnEach }, replay: { first, others }, resourceServer, crash };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

/** Mints tokens on every instance; a separate process with instance 0's JWKS URL must accept them all. */
async function checkResourceServer(clients: BenchClient[], firstUrl: string, run: string): Promise<MultiInstanceResult['resourceServer']> {
  const resource = await startResourceServer(`${firstUrl}/.well-known/jwks.json`, BENCH_T0_MS);
  try {
    const tokens: string[] = [];
    for (const [i, client] of clients.entries()) {
      const user = await client.enrollTotp(`${run}-resource-${i}`, ENROLL_MS);
      const minted = await client.totpVerify(user, totpCode(user.secret, { now: BENCH_T0_MS }), { requestedScopes: ['wallet:export'] });
      if (minted.status !== 200) throw new Error(`resource token: ${minted.status} ${minted.text}`);
      tokens.push(minted.body.elevatedAccessToken.token as string);
    }
    const verify = async (token: string) => (await fetch(`${resource.url}/verify`, { method: 'POST', body: JSON.stringify({ token }) })).status;
    let accepted = 0;
    for (const token of tokens) if ((await verify(token)) === 200) accepted++;
    // The control: a token whose signature was changed must be refused, or the check proves nothing.
    const tampered = tokens[0]!.slice(0, -4) + (tokens[0]!.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const jwks = await Promise.all(clients.map(async (client) => JSON.stringify((await client.call('GET', '/.well-known/jwks.json')).body)));
    return { minted: tokens.length, accepted, tamperedAccepted: (await verify(tampered)) === 200, sameJwks: jwks.every((k) => k === jwks[0]) };
  } finally {
    resource.stop();
  }
}

/** Every check of the drill, as a list of what went wrong (empty when it held). */
export function multiInstanceViolations(result: MultiInstanceResult, raceHeld: (tally: RaceTally) => boolean): string[] {
  const violations: string[] = [];
  for (const tally of result.races)
    if (!raceHeld(tally)) violations.push(`${tally.what}: ${tally.successes} successes, statuses ${JSON.stringify(tally.statuses)}`);
  if (result.lockout.wrong.some((s) => s !== 401) || result.lockout.afterOnEach.some((s) => s !== 429))
    violations.push(`lockout: ${JSON.stringify(result.lockout)}`);
  if (result.replay.first !== 200 || result.replay.others.some((s) => s !== 401)) violations.push(`replay: ${JSON.stringify(result.replay)}`);
  const rs = result.resourceServer;
  if (rs.accepted !== rs.minted || rs.tamperedAccepted || !rs.sameJwks) violations.push(`resource server: ${JSON.stringify(rs)}`);
  violations.push(...result.crash.violations);
  return violations;
}
