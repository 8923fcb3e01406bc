// Threat: a session asks for WebAuthn challenges in a loop, so the challenge table grows
// without bound (each lives 5 minutes), or an old challenge, handed out long before, stays
// redeemable behind many newer ones.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import { SqliteMfaStore } from '../store/sqlite-store.js';
import { MAX_OUTSTANDING_CHALLENGES } from './passkey-challenge.js';

let server: TestServer;
let alice: TestSession;
let authenticator: ReturnType<TestServer['authenticator']>;
useTestServer({}, async (started) => {
  server = started;
  alice = await server.session('alice');
  ({ authenticator } = await server.registerPasskey(alice));
});

const authOptions = () => server.call('POST', '/mfa/passkeys/authentication/options', { session: alice, body: {} });
const verify = (response: unknown) => server.call('POST', '/mfa/passkeys/authentication/verify', { session: alice, body: { response } });
function rows(): number {
  const store = server.running.server.store as SqliteMfaStore;
  return (store.db.prepare('SELECT COUNT(*) AS n FROM webauthn_challenges').get() as { n: number }).n;
}

describe('outstanding WebAuthn challenges are capped per user', () => {
  it(`200 requests leave at most ${MAX_OUTSTANDING_CHALLENGES} challenges, and an evicted one cannot be used`, async () => {
    expect(MAX_OUTSTANDING_CHALLENGES).toBe(5);
    const first = (await authOptions()).body;
    for (let i = 0; i < 200; i++) {
      expect((await authOptions()).status).toBe(200);
      expect(rows()).toBeLessThanOrEqual(MAX_OUTSTANDING_CHALLENGES);
    }
    expect(rows()).toBe(MAX_OUTSTANDING_CHALLENGES);
    const evicted = await verify(authenticator.getAssertion(first));
    expect(evicted.status).toBe(401);
    expect(evicted.body.error.code).toBe('passkey_verification_failed');
    expect((await verify(authenticator.getAssertion((await authOptions()).body))).status).toBe(200);
  });

  it('expired challenges go when the next one is issued, not an hour later', async () => {
    await authOptions();
    await authOptions();
    expect(rows()).toBe(2);
    server.clock.advance(5 * 60_000 + 1);
    await authOptions();
    expect(rows()).toBe(1);
  });

  it("one user's flood does not evict another user's challenge", async () => {
    const bob = await server.session('bob');
    const bobKey = (await server.registerPasskey(bob)).authenticator;
    const bobOptions = (await server.call('POST', '/mfa/passkeys/authentication/options', { session: bob, body: {} })).body;
    for (let i = 0; i < 20; i++) await authOptions();
    const bobVerify = await server.call('POST', '/mfa/passkeys/authentication/verify', { session: bob, body: { response: bobKey.getAssertion(bobOptions) } });
    expect(bobVerify.status).toBe(200);
  });
});
