// Threat: an app's own sensitive route (outside the demo) is reachable without step-up, or a
// resource server elsewhere accepts tokens it cannot check. The guard and the standalone
// verifier must refuse exactly what the built-in routes refuse.
import { describe, expect, it } from 'vitest';
import { requireElevatedAccess } from './require-elevated-access.js';
import { ElevatedAccessError, verifyElevatedAccessToken } from './verify-elevated-access-token.js';
import { type TestServer, type TestSession, DEPLOYMENT } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
useTestServer({ databasePath: ':memory:', corsOrigins: ['https://app.example'] }, async (started) => {
  server = started;
  const { app } = server.running.server;
  app.post('/profile/email', requireElevatedAccess('user.update'), (c) => c.json({ ok: true }));
  app.post('/account/close', requireElevatedAccess('credential:unlink', { allowMfaToken: false }), (c) => c.json({ closed: true }));
  s = await server.session('alice');
});

describe('requireElevatedAccess on an app route', () => {
  it('passes a user without MFA, then demands the scope once enrolled', async () => {
    expect((await server.call('POST', '/profile/email', { session: s, body: {} })).status).toBe(200);
    const { secret } = await server.enrollTotp(s);
    const refused = await server.call('POST', '/profile/email', { session: s, body: {} });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="insufficient_user_authentication", scope="user:update"');
    const token = await server.elevate(s, secret, { requestedScopes: ['user:update'] });
    expect((await server.call('POST', '/profile/email', { session: s, body: {}, elevated: token })).status).toBe(200);
    // user:update is multi-use by default.
    expect((await server.call('POST', '/profile/email', { session: s, body: {}, elevated: token })).status).toBe(200);
  });

  it('allowMfaToken: false refuses the legacy token on that route', async () => {
    const { secret } = await server.enrollTotp(s);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: true } });
    expect((await server.call('POST', '/account/close', { session: s, body: {}, mfaToken: verify.body.mfaToken.token })).status).toBe(401);
    expect((await server.call('POST', '/wallet/export', { session: s, mfaToken: verify.body.mfaToken.token })).status).toBe(200);
  });

  it('refuses an unknown scope when the route is defined', () => {
    expect(() => requireElevatedAccess('wallet:everything' as never)).toThrow(/unknown scope/);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const allowed = await server.call('OPTIONS', '/wallet/export', {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-elevated-access-token' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-elevated-access-token');
    const other = await server.call('OPTIONS', '/wallet/export', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('verifyElevatedAccessToken (resource server elsewhere, JWKS by URL)', () => {
  it('accepts a good token and refuses wrong scope, user, expiry and digest', async () => {
    const { secret } = await server.enrollTotp(s);
    const token = await server.elevate(s, secret, {
      action: { mfaAction: 'wallet.waas.sign', payloadDigest: 'A'.repeat(43) },
    });
    const jwks = `${server.url}/.well-known/jwks.json`;
    const currentDate = new Date(server.clock.now());
    const bound = { mfaAction: 'wallet.waas.sign', payloadDigest: 'A'.repeat(43) } as const;
    const claims = await verifyElevatedAccessToken(token, { ...DEPLOYMENT, scope: 'wallet:sign', jwks, currentDate, userId: s.userId, action: bound });
    expect(claims.sub).toBe(s.userId);
    await expect(verifyElevatedAccessToken(token, { ...DEPLOYMENT, scope: 'wallet:export', jwks, currentDate })).rejects.toBeInstanceOf(ElevatedAccessError);
    await expect(verifyElevatedAccessToken(token, { ...DEPLOYMENT, scope: 'wallet:sign', jwks, currentDate, userId: 'someone-else' })).rejects.toMatchObject({
      code: 'elevated_access_required',
    });
    await expect(
      verifyElevatedAccessToken(token, { ...DEPLOYMENT, scope: 'wallet:sign', jwks, currentDate: new Date(server.clock.now() + 10 * 60_000) }),
    ).rejects.toMatchObject({ code: 'elevated_access_required' });
    await expect(
      verifyElevatedAccessToken(token, {
        ...DEPLOYMENT,
        scope: 'wallet:sign',
        jwks,
        currentDate,
        action: { mfaAction: 'wallet.waas.sign', payloadDigest: 'B'.repeat(43) },
      }),
    ).rejects.toMatchObject({ code: 'elevated_access_mismatch' });
    await expect(verifyElevatedAccessToken(token, { ...DEPLOYMENT, scope: 'wallet:sign', jwks, currentDate, audience: 'other' })).rejects.toBeInstanceOf(
      ElevatedAccessError,
    );
  });
});
