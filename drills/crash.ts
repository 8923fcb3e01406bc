/**
 * Crash drill. Threat: a crash (kill -9, no shutdown, no checkpoint) mid-traffic loses what
 * users enrolled, or forgets what was consumed so a used code or token works again.
 * Users consume TOTP codes, recovery codes, single-use elevated tokens and legacy tokens
 * under concurrent load; the server is killed with SIGKILL while requests are in flight and
 * restarted on the same data folder. Then: every enrollment acknowledged before the kill is
 * there and works; every consumption acknowledged before the kill is refused; a token
 * issued but never used still works (the signing key survived).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { totpCode, type SoftwareAuthenticator } from 'mfa-kit/testing';
import { BenchClient, pool, type Session, type TotpUser } from '../bench/client.js';
import { BENCH_T0_MS, TOTP_STEP_MS } from '../bench/constants.js';
import { removeDataDir, spawnServerChild } from '../bench/spawn-server-child.js';

export interface CrashDrillOptions {
  totpUsers: number;
  passkeyUsers: number;
  /** How long the load runs before SIGKILL. */
  killAfterMs: number;
}

export interface CrashDrillResult {
  acknowledgedBeforeKill: { totpCodes: number; recoveryCodes: number; elevatedTokens: number; legacyTokens: number; passkeyAuths: number };
  inFlightAtKill: number;
  checks: number;
  violations: string[];
}

interface LoadUser extends TotpUser {
  /** An elevated token issued before the load and never used. */
  spareToken: string;
}

interface PasskeyUser {
  session: Session;
  passkeyId: string;
  authenticator: SoftwareAuthenticator;
}

const LOAD_CLOCK_MS = BENCH_T0_MS;
const ENROLL_CLOCK_MS = BENCH_T0_MS - 5 * TOTP_STEP_MS;

export async function runCrashDrill(options: CrashDrillOptions): Promise<CrashDrillResult> {
  let child = await spawnServerChild({ clockMs: ENROLL_CLOCK_MS });
  const dataDir = child.dataDir;
  let client = new BenchClient(child.url);
  const violations: string[] = [];
  let checks = 0;
  const expect = (ok: boolean, message: string) => {
    checks++;
    if (!ok) violations.push(message);
  };
  try {
    const users: LoadUser[] = [];
    await pool([...Array(options.totpUsers).keys()], 8, async (i) => {
      const user = await client.enrollTotp(`crash-${i}`, ENROLL_CLOCK_MS);
      users.push({ ...user, spareToken: '' });
    });
    const passkeyUsers: PasskeyUser[] = [];
    await pool([...Array(options.passkeyUsers).keys()], 8, async (i) => {
      const session = await client.session(`crash-passkey-${i}`);
      const { authenticator, passkeyId } = await client.registerPasskey(session);
      passkeyUsers.push({ session, passkeyId, authenticator });
    });
    await child.setClock(LOAD_CLOCK_MS - 2 * TOTP_STEP_MS);
    for (const user of users) {
      const spare = await client.totpVerify(user, totpCode(user.secret, { now: child.clockMs() }), { requestedScopes: ['wallet:export'] });
      if (spare.status !== 200) throw new Error(`spare token: ${spare.status} ${spare.text}`);
      user.spareToken = spare.body.elevatedAccessToken.token;
    }
    await child.setClock(LOAD_CLOCK_MS);

    // Acknowledged consumptions (a 200 came back before the kill) and attempted ones.
    const ackTotp: { user: LoadUser; code: string }[] = [];
    const ackRecovery: { user: LoadUser; code: string }[] = [];
    const attemptedRecovery = new Set<string>();
    const ackElevated: { user: LoadUser; token: string }[] = [];
    const ackLegacy: { user: LoadUser; token: string }[] = [];
    let passkeyAuths = 0;
    let inFlight = 0;
    let killed = false;
    const track = async <T>(request: Promise<T>): Promise<T> => {
      inFlight++;
      try {
        return await request;
      } finally {
        inFlight--;
      }
    };

    const redeem = async (user: LoadUser, verify: { status: number; body: any }) => {
      if (verify.status !== 200) return;
      const token = verify.body.elevatedAccessToken?.token as string | undefined;
      const legacy = verify.body.mfaToken?.token as string | undefined;
      if (token && (await track(client.call('POST', '/wallet/export', { session: user.session, elevated: token }))).status === 200)
        ackElevated.push({ user, token });
      if (legacy && (await track(client.call('POST', '/wallet/export', { session: user.session, mfaToken: legacy }))).status === 200)
        ackLegacy.push({ user, token: legacy });
    };
    const totpWorker = async (user: LoadUser) => {
      const body = { requestedScopes: ['wallet:export'], createMfaToken: true };
      for (const stepOffset of [-1, 0, 1]) {
        const code = totpCode(user.secret, { now: LOAD_CLOCK_MS, stepOffset });
        const verify = await track(client.totpVerify(user, code, body));
        if (verify.status === 200) ackTotp.push({ user, code });
        await redeem(user, verify);
      }
      for (const code of user.recoveryCodes) {
        attemptedRecovery.add(code);
        const verify = await track(client.call('POST', '/mfa/recovery-codes/verify', { session: user.session, body: { code, ...body } }));
        if (verify.status === 200) ackRecovery.push({ user, code });
        await redeem(user, verify);
      }
    };
    const passkeyWorker = async (user: PasskeyUser) => {
      while (!killed) {
        if ((await track(client.passkeyAuthenticate(user.session, user.authenticator))).status === 200) passkeyAuths++;
      }
    };
    const load = Promise.allSettled([...users.map(totpWorker), ...passkeyUsers.map(passkeyWorker)]);
    await sleep(options.killAfterMs);
    const inFlightAtKill = inFlight;
    const acknowledgedBeforeKill = {
      totpCodes: ackTotp.length,
      recoveryCodes: ackRecovery.length,
      elevatedTokens: ackElevated.length,
      legacyTokens: ackLegacy.length,
      passkeyAuths,
    };
    // Snapshot what was acknowledged at the moment of the kill: later answers cannot come.
    const snapshot = { ackTotp: [...ackTotp], ackRecovery: [...ackRecovery], ackElevated: [...ackElevated], ackLegacy: [...ackLegacy] };
    await child.kill9();
    killed = true;
    await load;
    expect(inFlightAtKill > 0, `the kill should land under load (in flight at kill: ${inFlightAtKill})`);

    // Restart on the same folder; lockout raised so replays can't be hidden behind a 429.
    child = await spawnServerChild({ dataDir, clockMs: LOAD_CLOCK_MS, lockout: { maxFailures: 1_000_000 } });
    client = new BenchClient(child.url);

    for (const { user, code } of snapshot.ackTotp) {
      const again = await client.totpVerify(user, code);
      expect(again.status === 401, `used TOTP code of ${user.session.name} answered ${again.status} after restart`);
    }
    for (const { user, code } of snapshot.ackRecovery) {
      const again = await client.call('POST', '/mfa/recovery-codes/verify', { session: user.session, body: { code } });
      expect(again.status === 401, `used recovery code of ${user.session.name} answered ${again.status} after restart`);
    }
    for (const { user, token } of snapshot.ackElevated) {
      const again = await client.call('POST', '/wallet/export', { session: user.session, elevated: token });
      expect(again.status === 401, `used elevated token of ${user.session.name} answered ${again.status} after restart`);
    }
    for (const { user, token } of snapshot.ackLegacy) {
      const again = await client.call('POST', '/wallet/export', { session: user.session, mfaToken: token });
      expect(again.status === 401, `used legacy token of ${user.session.name} answered ${again.status} after restart`);
    }

    // Nothing enrolled is lost, and it all still works.
    await child.setClock(LOAD_CLOCK_MS + 5 * TOTP_STEP_MS);
    for (const user of users) {
      const methods = await client.call('GET', '/mfa/methods', { session: user.session });
      expect(methods.status === 200, `methods of ${user.session.name}: ${methods.status}`);
      expect(methods.body?.totpDevices?.some((d: { id: string }) => d.id === user.deviceId) === true, `TOTP device of ${user.session.name} lost`);
      const used = snapshot.ackRecovery.filter((r) => r.user === user).length;
      const remaining = methods.body?.recoveryCodes?.remaining as number;
      const untouched = user.recoveryCodes.filter((code) => !attemptedRecovery.has(code)).length;
      expect(
        remaining <= 10 - used && remaining >= untouched,
        `${user.session.name}: ${remaining} recovery codes left, ${used} used before the kill, ${untouched} never tried`,
      );
      const fresh = await client.totpVerify(user, totpCode(user.secret, { now: child.clockMs() }));
      expect(fresh.status === 200, `fresh TOTP code of ${user.session.name} answered ${fresh.status} after restart`);
      const spare = await client.call('POST', '/wallet/export', { session: user.session, elevated: user.spareToken });
      expect(spare.status === 200, `unused elevated token of ${user.session.name} answered ${spare.status} after restart`);
      const unusedCode = user.recoveryCodes.find((code) => !attemptedRecovery.has(code));
      if (unusedCode) {
        const recovery = await client.call('POST', '/mfa/recovery-codes/verify', { session: user.session, body: { code: unusedCode } });
        expect(recovery.status === 200, `never-tried recovery code of ${user.session.name} answered ${recovery.status} after restart`);
      }
    }
    for (const user of passkeyUsers) {
      const methods = await client.call('GET', '/mfa/methods', { session: user.session });
      expect(methods.body?.passkeys?.some((p: { id: string }) => p.id === user.passkeyId) === true, `passkey of ${user.session.name} lost`);
      expect(methods.body?.recoveryCodes?.remaining === 10, `recovery codes of ${user.session.name}: ${methods.body?.recoveryCodes?.remaining}`);
      const auth = await client.passkeyAuthenticate(user.session, user.authenticator);
      expect(auth.status === 200, `passkey of ${user.session.name} answered ${auth.status} after restart`);
    }
    expect(!/internal error/.test(child.stderr()), `internal errors after restart:\n${child.stderr()}`);
    return { acknowledgedBeforeKill, inFlightAtKill, checks, violations };
  } finally {
    await child.stop();
    removeDataDir(dataDir);
  }
}
