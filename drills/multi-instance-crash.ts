/**
 * kill -9 of one instance under load (part of the multi-instance drill). Users redeem recovery
 * codes for single-use tokens on one instance and spend them on the next, round-robin; when
 * half the planned work is acknowledged, the last instance is killed with SIGKILL and the
 * load goes on over the survivors (as a load balancer drops a dead backend). Then, on the
 * survivors: every user enrolled is there; every code and token acknowledged as spent — on
 * any instance, the dead one included — is refused; a token minted but never sent still
 * works once (the keys are shared), and the survivors answered throughout without a 5xx.
 */
import { BenchClient, pool, type CallResult, type TotpUser } from '../bench/client.js';
import type { ServerChild } from '../bench/spawn-server-child.js';

export interface InstanceCrashResult {
  acknowledgedBeforeKill: number;
  /** Requests that were on the killed instance when it died (no answer ever came). */
  inFlightAtKill: number;
  /** Successful answers from the survivors after the kill. */
  servedAfterKill: number;
  checks: number;
  violations: string[];
}

interface Step {
  user: TotpUser;
  code: string;
  token?: string;
  codeState: 'unsent' | 'spent' | 'lost' | 'refused';
  tokenState: 'none' | 'unsent' | 'spent' | 'lost';
}

/** Recovery codes each user spends: under the lockout limit, so checking them later never locks the user. */
const CODES_PER_USER = 3;

export async function runInstanceCrash(input: {
  children: ServerChild[];
  clients: BenchClient[];
  loadUsers: number;
  run: string;
  enrollMs: number;
}): Promise<InstanceCrashResult> {
  const { children, clients } = input;
  const victim = clients.length - 1;
  const users: TotpUser[] = [];
  await pool([...Array(input.loadUsers).keys()], 8, async (i) => {
    users.push(await clients[i % clients.length]!.enrollTotp(`${input.run}-load-${i}`, input.enrollMs));
  });
  const steps: Step[] = users.flatMap((user) =>
    user.recoveryCodes.slice(0, CODES_PER_USER).map((code): Step => ({ user, code, codeState: 'unsent', tokenState: 'none' })),
  );

  let killed = false;
  let killing: Promise<void> | undefined;
  let acknowledged = 0;
  let acknowledgedBeforeKill = 0;
  let inFlightAtKill = 0;
  let servedAfterKill = 0;
  const serverErrors: string[] = [];
  let turn = 0;
  const live = () => (killed ? clients.slice(0, victim) : clients);
  const pick = () => {
    const candidates = live();
    return { client: candidates[turn++ % candidates.length]! };
  };
  const acknowledge = () => {
    acknowledged++;
    if (killed) servedAfterKill++;
    if (!killed && acknowledged >= steps.length / 2) {
      killed = true;
      acknowledgedBeforeKill = acknowledged;
      killing = children[victim]!.kill9();
    }
  };
  const send = async (request: () => Promise<CallResult>) => {
    try {
      const answer = await request();
      if (answer.status >= 500) serverErrors.push(`${answer.status} ${answer.text}`);
      return answer;
    } catch {
      inFlightAtKill++;
      return undefined;
    }
  };

  await pool(steps, 24, async (step) => {
    const redeemOn = pick().client;
    const redeemed = await send(() =>
      redeemOn.call('POST', '/mfa/recovery-codes/verify', { session: step.user.session, body: { code: step.code, requestedScopes: ['wallet:export'] } }),
    );
    if (!redeemed) return void (step.codeState = 'lost');
    if (redeemed.status !== 200) return void (step.codeState = 'refused');
    step.codeState = 'spent';
    step.token = redeemed.body.elevatedAccessToken.token as string;
    step.tokenState = 'unsent';
    acknowledge();
    // Every other token is kept unsent, to prove after the kill that it still works once.
    if (steps.indexOf(step) % 2 === 1) return;
    const spendOn = pick().client;
    const spent = await send(() => spendOn.call('POST', '/wallet/export', { session: step.user.session, elevated: step.token }));
    if (!spent) return void (step.tokenState = 'lost');
    if (spent.status === 200) {
      step.tokenState = 'spent';
      acknowledge();
    }
  });
  await killing;

  const survivor = new BenchClient(children[0]!.url);
  const violations: string[] = [...serverErrors.slice(0, 5).map((e) => `survivor answered ${e}`)];
  let checks = 0;
  const check = (ok: boolean, message: string) => {
    checks++;
    if (!ok) violations.push(message);
  };
  await pool(users, 8, async (user) => {
    const methods = await survivor.call('GET', '/mfa/methods', { session: user.session });
    check(methods.status === 200 && methods.body.totpDevices.length === 1, `${user.session.name}: enrollment lost (${methods.status})`);
  });
  await pool(steps, 8, async (step) => {
    const name = step.user.session.name;
    if (step.codeState === 'spent') {
      const again = await survivor.call('POST', '/mfa/recovery-codes/verify', { session: step.user.session, body: { code: step.code } });
      check(again.status === 401, `${name}: a spent recovery code answered ${again.status} after the kill`);
    }
    if (step.tokenState === 'spent') {
      const again = await survivor.call('POST', '/wallet/export', { session: step.user.session, elevated: step.token });
      check(again.status === 401, `${name}: a spent token answered ${again.status} after the kill`);
    }
    if (step.tokenState === 'unsent') {
      const first = await survivor.call('POST', '/wallet/export', { session: step.user.session, elevated: step.token });
      const second = await survivor.call('POST', '/wallet/export', { session: step.user.session, elevated: step.token });
      check(first.status === 200 && second.status === 401, `${name}: an unsent token answered ${first.status} then ${second.status}`);
    }
  });
  check(servedAfterKill > 0, 'the survivors served nothing after the kill');
  return { acknowledgedBeforeKill, inFlightAtKill, servedAfterKill, checks, violations };
}
