// Threat: a caller registers a credential id seen elsewhere (it travels in the clear in
// every ceremony) and learns from a distinct "already registered" answer that the passkey
// belongs to an account here, or plants it on their own account.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
let alice: TestSession;
let mallory: TestSession;
let aliceCredentialId: string;
useTestServer({}, async (started) => {
  server = started;
  alice = await server.session('alice');
  aliceCredentialId = (await server.registerPasskey(alice)).authenticator.credentialIds[0]!;
  mallory = await server.session('mallory');
});

async function registerAs(overrides: Parameters<ReturnType<TestServer['authenticator']>['createCredential']>[1]) {
  const options = (await server.call('POST', '/mfa/passkeys/registration/options', { session: mallory, body: {} })).body;
  const response = server.authenticator().createCredential(options, overrides);
  return server.call('POST', '/mfa/passkeys/registration/verify', { session: mallory, body: { response } });
}

describe("registering another account's credential id", () => {
  it('gets the same answer as any failed registration, and stores nothing', async () => {
    const taken = await registerAs({ credentialId: aliceCredentialId });
    const forged = await registerAs({ origin: 'https://evil.example' });
    expect(taken.status).toBe(401);
    expect(taken.body).toEqual(forged.body);
    expect(taken.body.error).toEqual({ code: 'passkey_verification_failed', message: 'The passkey could not be verified.' });
    expect(taken.text).not.toMatch(/already|registered|exists/i);
    expect((await server.call('GET', '/mfa/methods', { session: mallory })).body.passkeys).toHaveLength(0);
    expect((await server.call('GET', '/mfa/methods', { session: alice })).body.passkeys).toHaveLength(1);
  });

  it('a fresh credential id still registers', async () => {
    expect((await registerAs({})).status).toBe(201);
  });
});
