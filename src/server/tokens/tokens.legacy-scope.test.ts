// Threat: the client decides a legacy MFA token is multi-use, and that one token then does
// three exports, a signature, a delegation and a passkey registration.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
let legacy: string;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
  const { secret } = await server.enrollTotp(s);
  const verify = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret), createMfaToken: { singleUse: false } } });
  legacy = verify.body.mfaToken.token as string;
});

describe('the server policy, not the client, decides legacy single use', () => {
  it('a "multi-use" legacy token is spent by a single-use wallet action', async () => {
    expect((await server.call('POST', '/wallet/export', { session: s, mfaToken: legacy })).status).toBe(200);
    expect((await server.call('POST', '/wallet/export', { session: s, mfaToken: legacy })).status).toBe(401);
    expect((await server.call('POST', '/wallet/sign-message', { session: s, mfaToken: legacy, body: { message: 'hi' } })).status).toBe(401);
  });

  it('a legacy token never satisfies a credential:* scope', async () => {
    const link = await server.call('POST', '/mfa/passkeys/registration/options', { session: s, body: {}, mfaToken: legacy });
    expect(link.status).toBe(401);
    expect(link.body.error.requiredScopes).toEqual(['credential:link']);
    expect((await server.call('POST', '/mfa/recovery-codes', { session: s, body: {}, mfaToken: legacy })).status).toBe(401);
    // Refusing it there did not spend it.
    expect((await server.call('POST', '/wallet/export', { session: s, mfaToken: legacy })).status).toBe(200);
  });
});
