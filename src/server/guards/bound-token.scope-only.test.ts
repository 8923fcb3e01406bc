// Threat: a token bound to one payload ("Pay 1 USDC to Bob") is accepted wherever a check
// names only the scope — `verifyElevatedAccessToken(token, { scope })` in a resource server,
// or `requireElevatedAccess('wallet:sign')` on an app route — and signs something else.
import { describe, expect, it } from 'vitest';
import { payloadDigest } from '../../protocol/index.js';
import { type TestServer, type TestSession, DEPLOYMENT } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import { requireElevatedAccess } from './require-elevated-access.js';
import { verifyElevatedAccessToken } from './verify-elevated-access-token.js';

let server: TestServer;
let s: TestSession;
let token: string;
const approved = { message: 'Pay 1 USDC to Bob' };

useTestServer({}, async (started) => {
  server = started;
  const { app } = server.running.server;
  app.post('/app/sign', requireElevatedAccess('wallet:sign'), (c) => c.json({ signed: true }));
  app.post('/app/sign-named', requireElevatedAccess('wallet:sign', { action: 'wallet.waas.sign' }), (c) => c.json({ signed: true }));
  s = await server.session('alice');
  const { secret } = await server.enrollTotp(s);
  token = await server.elevate(s, secret, { action: { mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest(approved) } });
});

describe('a bound token fails closed on a scope-only check', () => {
  it('verifyElevatedAccessToken without the action refuses it; with the approved payload accepts it', async () => {
    const jwks = `${server.url}/.well-known/jwks.json`;
    const currentDate = new Date(server.clock.now());
    await expect(verifyElevatedAccessToken(token, { ...DEPLOYMENT, scope: 'wallet:sign', jwks, currentDate })).rejects.toMatchObject({
      code: 'elevated_access_required',
    });
    const action = { mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest(approved) } as const;
    await expect(verifyElevatedAccessToken(token, { ...DEPLOYMENT, scope: 'wallet:sign', jwks, currentDate, action })).resolves.toMatchObject({
      sub: s.userId,
    });
  });

  it('requireElevatedAccess(scope) refuses it; naming the action checks the payload', async () => {
    expect((await server.call('POST', '/app/sign', { session: s, elevated: token, body: { message: 'Pay 1000 USDC to Eve' } })).status).toBe(401);
    const other = await server.call('POST', '/app/sign-named', { session: s, elevated: token, body: { message: 'Pay 1000 USDC to Eve' } });
    expect(other.status).toBe(403);
    expect((await server.call('POST', '/app/sign-named', { session: s, elevated: token, body: approved })).status).toBe(200);
  });
});
