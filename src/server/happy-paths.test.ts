import { recoverMessageAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenScope } from '../protocol/index.js';
import { verifyElevatedAccessToken } from './guards/verify-elevated-access-token.js';
import { type TestServer, DEPLOYMENT } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
useTestServer({}, (started) => {
  server = started;
});

describe('TOTP: enroll → verify → elevated token → guarded export', () => {
  it('issues a token with exactly the requested scopes that unlocks the export', async () => {
    const alice = await server.session('alice');
    const created = await server.call('POST', '/mfa/totp/devices', { session: alice, body: {} });
    expect(created.status).toBe(201);
    expect(created.body.uri).toMatch(/^otpauth:\/\/totp\/mfa-kit%20test:alice\?/);
    expect(created.body.uri).toContain('issuer=mfa-kit%20test');

    const { secret, recoveryCodes, verified } = await server.enrollTotp(alice);
    expect(verified.device.isDefault).toBe(true);
    expect(recoveryCodes).toHaveLength(10);

    // Now MFA is required: the export without a token is refused, RFC 9470 style.
    const refused = await server.call('POST', '/wallet/export', { session: alice });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: 'elevated_access_required', requiredScopes: ['wallet:export'] });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="insufficient_user_authentication", scope="wallet:export"');

    const verify = await server.call('POST', '/mfa/totp/verify', {
      session: alice,
      body: { code: server.code(secret), requestedScopes: [TokenScope.Walletexport, TokenScope.Walletsign] },
    });
    expect(verify.status).toBe(200);
    expect(verify.body.method).toBe('totp');
    const grant = verify.body.elevatedAccessToken;
    expect(grant.scopes).toEqual(['wallet:export', 'wallet:sign']);
    expect(grant.singleUse).toBe(true);
    expect(Date.parse(grant.expiresAt) - server.clock.now()).toBeLessThanOrEqual(5 * 60_000);

    const claims = decodeJwt(grant.token);
    expect(decodeProtectedHeader(grant.token)).toMatchObject({ alg: 'ES256' });
    expect(claims).toMatchObject({ sub: alice.userId, scope: 'wallet:export wallet:sign', amr: ['otp'], single_use: true });

    const exported = await server.call('POST', '/wallet/export', { session: alice, elevated: grant.token });
    expect(exported.status).toBe(200);
    expect(privateKeyToAccount(exported.body.privateKey).address).toBe(exported.body.address);
    const wallet = await server.call('GET', '/wallet', { session: alice });
    expect(wallet.body.address).toBe(exported.body.address);
  });

  it('publishes a JWKS with which a resource server elsewhere verifies the token', async () => {
    const bob = await server.session('bob');
    const { secret } = await server.enrollTotp(bob);
    const token = await server.elevate(bob, secret, { requestedScopes: ['user:update'] });
    const jwks = await server.call('GET', '/.well-known/jwks.json');
    const { kid } = decodeProtectedHeader(token);
    expect(jwks.body.keys[0].kid).toBe(kid);
    const claims = await verifyElevatedAccessToken(token, {
      scope: TokenScope.Userupdate,
      jwks: jwks.body,
      currentDate: new Date(server.clock.now()),
      ...DEPLOYMENT,
    });
    expect(claims.sub).toBe(bob.userId);
    expect(claims.single_use).toBe(false);
    await expect(
      verifyElevatedAccessToken(token, { scope: TokenScope.Walletexport, jwks: jwks.body, currentDate: new Date(server.clock.now()), ...DEPLOYMENT }),
    ).rejects.toMatchObject({ code: 'elevated_access_required' });
  });
});

describe('legacy createMfaToken', () => {
  it('issues a single-use MFA token the wallet routes accept once', async () => {
    const carol = await server.session('carol');
    const { secret } = await server.enrollTotp(carol);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: carol, body: { code: server.code(secret), createMfaToken: true } });
    expect(verify.status).toBe(200);
    expect(verify.body.elevatedAccessToken).toBeUndefined();
    expect(verify.body.mfaToken).toMatchObject({ singleUse: true });
    expect(verify.body.mfaToken.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const first = await server.call('POST', '/wallet/sign-message', { session: carol, body: { message: 'hi' }, mfaToken: verify.body.mfaToken.token });
    expect(first.status).toBe(200);
    const again = await server.call('POST', '/wallet/sign-message', { session: carol, body: { message: 'hi' }, mfaToken: verify.body.mfaToken.token });
    expect(again.status).toBe(401);
  });
});

describe('recovery codes', () => {
  it('sign in with a recovery code, typed loosely, once', async () => {
    const dave = await server.session('dave');
    const { recoveryCodes } = await server.enrollTotp(dave);
    const code = recoveryCodes![3]!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const typed = ` ${code.replace(/-/g, '').toLowerCase()} `;
    const verify = await server.call('POST', '/mfa/recovery-codes/verify', { session: dave, body: { code: typed, requestedScopes: ['wallet:export'] } });
    expect(verify.status).toBe(200);
    expect(verify.body.method).toBe('recovery_code');
    const exported = await server.call('POST', '/wallet/export', { session: dave, elevated: verify.body.elevatedAccessToken.token });
    expect(exported.status).toBe(200);
    const methods = await server.call('GET', '/mfa/methods', { session: dave });
    expect(methods.body.recoveryCodes.remaining).toBe(9);
    const reuse = await server.call('POST', '/mfa/recovery-codes/verify', { session: dave, body: { code } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('mfa_invalid_code');
  });
});

describe('passkeys', () => {
  it('registers, then authenticates from real WebAuthn responses, and signs a message', async () => {
    const erin = await server.session('erin');
    const { authenticator, verified } = await server.registerPasskey(erin, undefined, { name: 'Laptop' });
    expect(verified.passkey).toMatchObject({ name: 'Laptop' });
    expect(verified.recoveryCodes).toHaveLength(10);
    expect(verified.method).toBe('passkey');

    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: erin, body: {} });
    expect(options.status).toBe(200);
    expect(options.body.userVerification).toBe('required');
    expect(options.body.rpId).toBe('localhost');
    const response = authenticator.getAssertion(options.body);
    const verify = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: erin,
      body: { response, requestedScopes: ['wallet:sign'] },
    });
    expect(verify.status).toBe(200);
    expect(decodeJwt(verify.body.elevatedAccessToken.token).amr).toEqual(['hwk', 'user']);

    const signed = await server.call('POST', '/wallet/sign-message', {
      session: erin,
      body: { message: 'hello' },
      elevated: verify.body.elevatedAccessToken.token,
    });
    expect(signed.status).toBe(200);
    expect(await recoverMessageAddress({ message: 'hello', signature: signed.body.signature })).toBe(signed.body.address);

    const methods = await server.call('GET', '/mfa/methods', { session: erin });
    expect(methods.body.passkeys).toHaveLength(1);
    expect(methods.body.passkeys[0].lastUsedAt).not.toBeNull();
    expect(methods.body.userHasVerifiedMfaMethods).toBe(true);
  });
});
