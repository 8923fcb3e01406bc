// Threat: a captured WebAuthn response is replayed, a challenge is used after it expired, or
// a challenge issued for one user or ceremony is redeemed for another.
import { describe, expect, it } from 'vitest';
import { concurrently, type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
let alice: TestSession;
let authenticator: ReturnType<TestServer['authenticator']>;
useTestServer({}, async (started) => {
  server = started;
  alice = await server.session('alice');
  ({ authenticator } = await server.registerPasskey(alice));
});

const authOptions = (session: TestSession, body: unknown = {}) => server.call('POST', '/mfa/passkeys/authentication/options', { session, body });
const verifyAssertion = (session: TestSession, response: unknown, extra: Record<string, unknown> = {}) =>
  server.call('POST', '/mfa/passkeys/authentication/verify', { session, body: { response, ...extra } });

describe('WebAuthn challenges are single-use, short-lived and bound', () => {
  it('a replayed assertion (same challenge) is refused', async () => {
    const response = authenticator.getAssertion((await authOptions(alice)).body);
    expect((await verifyAssertion(alice, response)).status).toBe(200);
    const replay = await verifyAssertion(alice, response);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('passkey_verification_failed');
  });

  it('100 concurrent redemptions of one assertion succeed exactly once', async () => {
    const response = authenticator.getAssertion((await authOptions(alice)).body);
    const tally = await concurrently(100, () => verifyAssertion(alice, response));
    expect(tally.get(200)).toBe(1);
    expect(tally.get(401)).toBe(99);
  });

  it('a challenge older than 5 minutes is refused', async () => {
    const options = (await authOptions(alice)).body;
    expect(options.timeout).toBe(5 * 60_000);
    server.clock.advance(5 * 60_000 + 1);
    const late = await verifyAssertion(alice, authenticator.getAssertion(options));
    expect(late.status).toBe(401);
  });

  it("another user's challenge cannot be redeemed", async () => {
    const bob = await server.session('bob');
    await server.registerPasskey(bob);
    const bobOptions = (await authOptions(bob)).body;
    // Alice's authenticator signs Bob's challenge; Alice's session presents it.
    const response = authenticator.getAssertion({ ...bobOptions, allowCredentials: undefined });
    expect((await verifyAssertion(alice, response)).status).toBe(401);
  });

  it('a registration challenge cannot be used for authentication', async () => {
    const registration = await server.call('POST', '/mfa/passkeys/registration/options', { session: alice, body: {} });
    // Alice already has a passkey, so adding one needs credential:link: get it first.
    expect(registration.status).toBe(401);
    const response = authenticator.getAssertion((await authOptions(alice)).body);
    const link = await verifyAssertion(alice, response, { requestedScopes: ['credential:link'] });
    const options = await server.call('POST', '/mfa/passkeys/registration/options', {
      session: alice,
      body: {},
      elevated: link.body.elevatedAccessToken.token,
    });
    expect(options.status).toBe(200);
    const crossed = authenticator.getAssertion({ challenge: options.body.challenge, allowCredentials: undefined });
    expect((await verifyAssertion(alice, crossed)).status).toBe(401);
  });

  it('a signature counter that goes backwards (cloned key) is refused', async () => {
    expect((await verifyAssertion(alice, authenticator.getAssertion((await authOptions(alice)).body))).status).toBe(200);
    expect((await verifyAssertion(alice, authenticator.getAssertion((await authOptions(alice)).body))).status).toBe(200);
    const cloned = authenticator.getAssertion((await authOptions(alice)).body, { signCount: 1 });
    expect((await verifyAssertion(alice, cloned)).status).toBe(401);
  });
});
