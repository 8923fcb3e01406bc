// Threat: an attacker with the user's session guesses codes (10^6 TOTP values, or recovery
// codes) until one works — one after another, or many at once to outrun the counter.
import { describe, expect, it } from 'vitest';
import { concurrently, type TestServer } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
useTestServer({}, (started) => {
  server = started;
});

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('lockout after consecutive failures', () => {
  it('5 failures count down attemptsRemaining; the 6th is 429 with Retry-After; it lifts after 5 minutes', async () => {
    const s = await server.session('alice');
    const { secret } = await server.enrollTotp(s);
    for (let i = 1; i <= 5; i++) {
      const failed = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: wrong(server.code(secret)) } });
      expect(failed.status).toBe(401);
      expect(failed.body.error).toMatchObject({ code: 'mfa_invalid_code', attemptsRemaining: 5 - i });
    }
    // Even the right code is refused while locked.
    const locked = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('mfa_rate_limited');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(locked.body.error.retryAfterSeconds).toBe(retryAfter);

    server.clock.advance(retryAfter * 1000);
    const after = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } });
    expect(after.status).toBe(200);
  });

  it('a success resets the count', async () => {
    const s = await server.session('bob');
    const { secret } = await server.enrollTotp(s);
    for (let i = 0; i < 4; i++) await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: wrong(server.code(secret)) } });
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } })).status).toBe(200);
    const next = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: wrong(server.code(secret)) } });
    expect(next.body.error.attemptsRemaining).toBe(4);
  });

  it('counts TOTP and recovery-code failures together', async () => {
    const s = await server.session('carol');
    const { secret, recoveryCodes } = await server.enrollTotp(s);
    for (let i = 0; i < 3; i++) await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: wrong(server.code(secret)) } });
    for (let i = 0; i < 2; i++) {
      const failed = await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: 'AAAA-BBBB-CCCC' } });
      expect(failed.status).toBe(401);
    }
    const locked = await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: recoveryCodes![0] } });
    expect(locked.status).toBe(429);
  });

  it('100 concurrent wrong guesses get at most 5 tries', async () => {
    const s = await server.session('dave');
    const { secret } = await server.enrollTotp(s);
    const code = wrong(server.code(secret));
    const tally = await concurrently(100, () => server.call('POST', '/mfa/totp/verify', { session: s, body: { code } }));
    expect(tally.get(401)).toBe(5);
    expect(tally.get(429)).toBe(95);
  });

  it('is per user: another user is not locked', async () => {
    const a = await server.session('erin');
    const b = await server.session('frank');
    const { secret: sa } = await server.enrollTotp(a);
    const { secret: sb } = await server.enrollTotp(b);
    for (let i = 0; i < 6; i++) await server.call('POST', '/mfa/totp/verify', { session: a, body: { code: wrong(server.code(sa)) } });
    expect((await server.call('POST', '/mfa/totp/verify', { session: b, body: { code: server.code(sb) } })).status).toBe(200);
  });
});
