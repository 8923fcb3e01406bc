// Threat: a phishing page (another origin) or another relying party gets the user's
// authenticator to sign, or the authenticator did not verify the user (no PIN/biometric).
import { describe, expect, it } from 'vitest';
import { ORIGIN, type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';
import { createSoftwareAuthenticator } from '../../testing/index.js';

let server: TestServer;
let alice: TestSession;
useTestServer({}, async (started) => {
  server = started;
  alice = await server.session('alice');
});

async function register(overrides: Parameters<ReturnType<typeof createSoftwareAuthenticator>['createCredential']>[1]) {
  const authenticator = server.authenticator();
  const options = await server.call('POST', '/mfa/passkeys/registration/options', { session: alice, body: {} });
  const response = authenticator.createCredential(options.body, overrides);
  return server.call('POST', '/mfa/passkeys/registration/verify', { session: alice, body: { response } });
}

describe('registration', () => {
  it.each([
    ['a wrong origin', { origin: 'https://evil.example' }],
    ['a wrong RP ID', { rpId: 'evil.example' }],
    ['no user verification', { userVerified: false }],
  ])('with %s is refused', async (_label, overrides) => {
    const result = await register(overrides);
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('passkey_verification_failed');
    const methods = await server.call('GET', '/mfa/methods', { session: alice });
    expect(methods.body.passkeys).toHaveLength(0);
  });

  it('with the right origin and RP ID succeeds (control)', async () => {
    expect((await register({})).status).toBe(201);
  });
});

describe('authentication', () => {
  it.each([
    ['a wrong origin', { origin: 'https://evil.example' }],
    ['a wrong RP ID', { rpId: 'evil.example' }],
    ['no user verification', { userVerified: false }],
    ['a challenge it was not given', { challenge: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
  ])('with %s is refused', async (_label, overrides) => {
    const { authenticator } = await server.registerPasskey(alice);
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: alice, body: {} });
    const response = authenticator.getAssertion(options.body, overrides);
    const result = await server.call('POST', '/mfa/passkeys/authentication/verify', { session: alice, body: { response, requestedScopes: ['wallet:export'] } });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('passkey_verification_failed');
    expect(result.body.elevatedAccessToken).toBeUndefined();
  });

  it('a tampered signature is refused', async () => {
    const { authenticator } = await server.registerPasskey(alice);
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: alice, body: {} });
    const response = authenticator.getAssertion(options.body);
    const signature = Buffer.from(response.response.signature, 'base64url');
    signature[signature.length - 1]! ^= 0x01;
    response.response.signature = signature.toString('base64url');
    const result = await server.call('POST', '/mfa/passkeys/authentication/verify', { session: alice, body: { response } });
    expect(result.status).toBe(401);
  });

  it('is configured from expectedOrigins (control: ORIGIN is accepted)', async () => {
    const { authenticator } = await server.registerPasskey(alice);
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: alice, body: {} });
    const result = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: alice,
      body: { response: authenticator.getAssertion(options.body, { origin: ORIGIN }) },
    });
    expect(result.status).toBe(200);
  });
});
