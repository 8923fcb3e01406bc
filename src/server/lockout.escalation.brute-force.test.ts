// Threat: with a stolen session, an attacker guesses codes forever at 5 per lock window
// (about 1,440 a day, roughly an 80 % chance within a year). Locks must grow, and at 100
// consecutive failures (NIST SP 800-63B §5.2.2) codes must stop being accepted at all.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
let secret: string;

// The locks below add up to weeks of server clock: the demo session must outlive them, or
// every guess would be a 401 for an expired session instead of a counted failure.
useTestServer({ sessionTtlSeconds: 365 * 86_400 }, async (started) => {
  server = started;
  s = await server.session('alice');
  ({ secret } = await server.enrollTotp(s));
});

const guess = () => server.call('POST', '/mfa/totp/verify', { session: s, body: { code: '000000' } });

/** Guesses wrong until refused; returns how many were evaluated and the refusal. */
async function guessUntilRefused() {
  let evaluated = 0;
  for (;;) {
    const result = await guess();
    if (result.status !== 401) return { evaluated, refusal: result };
    evaluated++;
  }
}

describe('escalating lockout', () => {
  it('failures accumulate across locks, each lock twice the last, then codes are refused', async () => {
    const locks: number[] = [];
    let evaluated = 0;
    for (;;) {
      const run = await guessUntilRefused();
      evaluated += run.evaluated;
      if (run.refusal.status !== 429) {
        expect(run.refusal.status).toBe(403);
        expect(run.refusal.body.error.code).toBe('mfa_locked');
        expect(run.refusal.body.error.message).toMatch(/passkey/);
        break;
      }
      locks.push(run.refusal.body.error.retryAfterSeconds);
      server.clock.advance(run.refusal.body.error.retryAfterSeconds * 1000);
    }
    expect(evaluated).toBe(100);
    expect(locks.slice(0, 4)).toEqual([300, 600, 1200, 2400]);
    expect(locks).toHaveLength(19);
    expect(Math.max(...locks)).toBe(86_400);
    // Even the right code is refused now, days later.
    server.clock.advance(30 * 86_400_000);
    const right = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } });
    expect(right.body.error.code).toBe('mfa_locked');
  }, 60_000);

  it('errors carry attemptsRemaining until the next lock', async () => {
    for (let i = 1; i <= 5; i++) expect((await guess()).body.error.attemptsRemaining).toBe(5 - i);
    const locked = await guess();
    expect(locked.status).toBe(429);
    expect(locked.body.error.retryAfterSeconds).toBe(300);
    server.clock.advance(300_000);
    expect((await guess()).body.error.attemptsRemaining).toBe(4);
  });

  it('an operator reset, or a passkey, lifts the permanent lock', async () => {
    await server.restart({ lockout: { maxFailures: 5, lockSeconds: 1, permanentAfter: 10 } });
    for (let i = 0; i < 12; i++) {
      await guess();
      server.clock.advance(2_000);
    }
    expect((await guess()).body.error.code).toBe('mfa_locked');
    await server.running.server.resetLockout(s.userId);
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } })).status).toBe(200);

    const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
    const { authenticator } = await server.registerPasskey(s, undefined, {}, link);
    for (let i = 0; i < 12; i++) {
      await guess();
      server.clock.advance(2_000);
    }
    expect((await guess()).body.error.code).toBe('mfa_locked');
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: s, body: {} });
    const passkey = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: s,
      body: { response: authenticator.getAssertion(options.body) },
    });
    expect(passkey.status).toBe(200);
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } })).status).toBe(200);
  });
});
