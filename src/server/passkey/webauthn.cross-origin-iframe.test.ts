// Threat: a page on another site frames ours and runs the ceremony in the cross-origin
// iframe (client data `crossOrigin: true`), with no `topOrigin` (as Safari sends it) or with
// its own; the server accepts the assertion or the new credential as if made on our page.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import type { CeremonyOverrides } from 'mfa-kit/testing';

const WALLET_TOP = 'https://wallet.example';
let server: TestServer;
let alice: TestSession;
let authenticator: ReturnType<TestServer['authenticator']>;
useTestServer({}, async (started) => {
  server = started;
  alice = await server.session('alice');
  ({ authenticator } = await server.registerPasskey(alice));
});

const FRAMED: Array<[string, CeremonyOverrides]> = [
  ['crossOrigin without topOrigin', { crossOrigin: true }],
  ['crossOrigin from a foreign top origin', { crossOrigin: true, topOrigin: 'https://evil.example' }],
  ['topOrigin without crossOrigin', { topOrigin: WALLET_TOP }],
];

async function assert(overrides: CeremonyOverrides, session = alice, key = authenticator) {
  const options = (await server.call('POST', '/mfa/passkeys/authentication/options', { session, body: {} })).body;
  return server.call('POST', '/mfa/passkeys/authentication/verify', { session, body: { response: key.getAssertion(options, overrides) } });
}

async function register(overrides: CeremonyOverrides, elevated: string) {
  const options = (await server.call('POST', '/mfa/passkeys/registration/options', { session: alice, body: {}, elevated })).body;
  const key = server.authenticator();
  return server.call('POST', '/mfa/passkeys/registration/verify', { session: alice, body: { response: key.createCredential(options, overrides) } });
}

/** A `credential:link` approval from a passkey assertion made on our own page. */
async function linkApproval(): Promise<string> {
  const options = (await server.call('POST', '/mfa/passkeys/authentication/options', { session: alice, body: {} })).body;
  const done = await server.call('POST', '/mfa/passkeys/authentication/verify', {
    session: alice,
    body: { response: authenticator.getAssertion(options), requestedScopes: ['credential:link'] },
  });
  return done.body.elevatedAccessToken.token as string;
}

describe('cross-origin client data needs an allowed top origin', () => {
  it.each(FRAMED)('an assertion with %s is refused like any failed one', async (_, overrides) => {
    const refused = await assert(overrides);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toEqual({ code: 'passkey_verification_failed', message: 'The passkey could not be verified.' });
  });

  it.each(FRAMED)('a registration with %s is refused and stores nothing', async (_, overrides) => {
    const refused = await register(overrides, await linkApproval());
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('passkey_verification_failed');
    expect((await server.call('GET', '/mfa/methods', { session: alice })).body.passkeys).toHaveLength(1);
  });

  it('an assertion made on our own page still passes', async () => {
    expect((await assert({})).status).toBe(200);
  });

  it('with expectedTopOrigins configured, a ceremony framed by that origin passes and others still fail', async () => {
    await server.restart({ expectedTopOrigins: [WALLET_TOP] });
    alice = await server.session('alice');
    expect((await assert({ crossOrigin: true, topOrigin: WALLET_TOP })).status).toBe(200);
    expect((await assert({ crossOrigin: true, topOrigin: 'https://evil.example' })).status).toBe(401);
    expect((await assert({ crossOrigin: true })).status).toBe(401);
    expect((await register({ crossOrigin: true, topOrigin: WALLET_TOP }, await linkApproval())).status).toBe(201);
  });
});
