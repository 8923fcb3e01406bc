// Threat: a TOTP code seen once (shoulder-surfed, phished, logged) is used again — later,
// or by many requests racing at once — or an old code is accepted long after it was shown.
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../testing/index.js';
import { concurrently, type TestServer } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import { matchTotpStep } from './totp-code.js';

let server: TestServer;
useTestServer({}, (started) => {
  server = started;
});

describe('TOTP replay', () => {
  it('refuses the same code twice, even within its 30-second step', async () => {
    const s = await server.session('alice');
    const { secret } = await server.enrollTotp(s);
    const code = totpCode(secret, { now: server.clock.now() });
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code } })).status).toBe(200);
    const replay = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('mfa_invalid_code');
  });

  it('refuses the previous step once a later step was accepted', async () => {
    const s = await server.session('bob');
    const { secret } = await server.enrollTotp(s);
    const now = server.clock.now();
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: totpCode(secret, { now }) } })).status).toBe(200);
    // The code of one step earlier is within ±1, but older than the accepted one.
    const older = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: totpCode(secret, { now, stepOffset: -1 }) } });
    expect(older.status).toBe(401);
  });

  it('refuses a code two steps old, accepts one step of drift', async () => {
    const s = await server.session('carol');
    const { secret } = await server.enrollTotp(s);
    server.clock.advance(5 * 30_000);
    const now = server.clock.now();
    const stale = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: totpCode(secret, { now, stepOffset: -2 }) } });
    expect(stale.status).toBe(401);
    const drift = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: totpCode(secret, { now, stepOffset: -1 }) } });
    expect(drift.status).toBe(200);
  });

  it('100 concurrent redemptions of one code succeed exactly once', async () => {
    const s = await server.session('dave');
    const { secret } = await server.enrollTotp(s);
    const code = totpCode(secret, { now: server.clock.now() });
    const tally = await concurrently(100, () => server.call('POST', '/mfa/totp/verify', { session: s, body: { code } }));
    expect(tally.get(200)).toBe(1);
    // Every other request was refused: as a wrong code, or by the lockout once 5 had failed.
    expect((tally.get(401) ?? 0) + (tally.get(429) ?? 0)).toBe(99);
  });

  it('the first code of a fresh device cannot be used again', async () => {
    const s = await server.session('erin');
    const created = await server.call('POST', '/mfa/totp/devices', { session: s, body: {} });
    const code = totpCode(created.body.secret, { now: server.clock.now() });
    expect((await server.call('POST', `/mfa/totp/devices/${created.body.id}/verify`, { session: s, body: { code } })).status).toBe(200);
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code } })).status).toBe(401);
  });
});

describe('matchTotpStep (RFC 6238 Appendix B, SHA-1)', () => {
  // The RFC's secret is the ASCII "12345678901234567890"; its 8-digit codes end in these 6.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s matches %s', (seconds, code) => {
    expect(matchTotpStep(secret, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
    expect(
      matchTotpStep(
        secret,
        code.replace(/.$/, (d) => String((Number(d) + 1) % 10)),
        seconds * 1000,
      ),
    ).toBeNull();
  });
  it('refuses non-numeric and wrong-length input', () => {
    expect(matchTotpStep(secret, '28708', 59_000)).toBeNull();
    expect(matchTotpStep(secret, '2870822', 59_000)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', 59_000)).toBeNull();
    // Non-ASCII: same character count, more bytes (must not throw in the constant-time compare).
    expect(matchTotpStep(secret, '28708é', 59_000)).toBeNull();
    expect(matchTotpStep(secret, '٢٨٧٠٨٢', 59_000)).toBeNull();
  });
});
