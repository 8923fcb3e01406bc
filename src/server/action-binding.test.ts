// docs/architecture.md §10. Threats: an approval given for one request is used for another
// (a token approved to sign "A" signs "B"; a passkey assertion made for one digest is
// redeemed for another), and a retried mutation runs twice.
import { recoverMessageAddress } from 'viem';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { payloadDigest } from '../protocol/index.js';
import { concurrently, type TestServer, type TestSession } from '../../test/server-harness.js';
import { useTestServer } from '../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;
useTestServer({ databasePath: ':memory:' }, async (started) => {
  server = started;
  s = await server.session('alice');
});

const sign = (message: string, elevated: string, headers: Record<string, string> = {}) =>
  server.call('POST', '/wallet/sign-message', { session: s, body: { message }, elevated, headers });

describe('TOTP: a token approved for message A cannot sign message B', () => {
  it('403 elevated_access_mismatch for B, without burning the token; then A signs', async () => {
    const { secret } = await server.enrollTotp(s);
    const digestA = await payloadDigest({ message: 'pay 1 ETH to Alice' });
    const token = await server.elevate(s, secret, { action: { mfaAction: 'wallet.waas.sign', payloadDigest: digestA } });
    const claims = decodeJwt(token);
    expect(claims.scope).toBe('wallet:sign');
    expect(claims.authorization_details).toEqual([{ type: 'wallet.waas.sign', payload_digest: digestA }]);
    expect(claims.act).toBeUndefined();

    const b = await sign('pay 100 ETH to Mallory', token);
    expect(b.status).toBe(403);
    expect(b.body.error.code).toBe('elevated_access_mismatch');

    const a = await sign('pay 1 ETH to Alice', token);
    expect(a.status).toBe(200);
    expect(await recoverMessageAddress({ message: 'pay 1 ETH to Alice', signature: a.body.signature })).toBe(a.body.address);
  });

  it('a recovery-code approval binds the same way', async () => {
    const { recoveryCodes } = await server.enrollTotp(s);
    const digest = await payloadDigest({ message: 'A' });
    const verify = await server.call('POST', '/mfa/recovery-codes/verify', {
      session: s,
      body: { code: recoveryCodes![0], action: { mfaAction: 'wallet.waas.sign', payloadDigest: digest } },
    });
    expect((await sign('B', verify.body.elevatedAccessToken.token)).status).toBe(403);
    expect((await sign('A', verify.body.elevatedAccessToken.token)).status).toBe(200);
  });
});

describe('passkey: the challenge commits to the digest', () => {
  it('an assertion made for digest A cannot be redeemed for digest B, and its token signs only A', async () => {
    const { authenticator } = await server.registerPasskey(s);
    const digestA = await payloadDigest({ message: 'A' });
    const digestB = await payloadDigest({ message: 'B' });
    const optionsA = await server.call('POST', '/mfa/passkeys/authentication/options', {
      session: s,
      body: { action: { mfaAction: 'wallet.waas.sign', payloadDigest: digestA } },
    });
    const plain = await server.call('POST', '/mfa/passkeys/authentication/options', { session: s, body: {} });
    expect(optionsA.body.challenge).not.toBe(plain.body.challenge);
    const assertion = authenticator.getAssertion(optionsA.body);

    const forB = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: s,
      body: { response: assertion, action: { mfaAction: 'wallet.waas.sign', payloadDigest: digestB } },
    });
    expect(forB.status).toBe(403);
    expect(forB.body.error.code).toBe('elevated_access_mismatch');
    expect(forB.body.elevatedAccessToken).toBeUndefined();

    // A new assertion for A (the first one's challenge is spent) yields a token bound to A.
    const optionsA2 = await server.call('POST', '/mfa/passkeys/authentication/options', {
      session: s,
      body: { action: { mfaAction: 'wallet.waas.sign', payloadDigest: digestA } },
    });
    const verify = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: s,
      body: { response: authenticator.getAssertion(optionsA2.body) },
    });
    expect(verify.status).toBe(200);
    const token = verify.body.elevatedAccessToken.token as string;
    expect(decodeJwt(token).authorization_details).toEqual([{ type: 'wallet.waas.sign', payload_digest: digestA }]);
    expect((await sign('B', token)).status).toBe(403);
    expect((await sign('A', token)).status).toBe(200);
  });

  it('an assertion over a plain challenge cannot claim an action afterwards', async () => {
    const { authenticator } = await server.registerPasskey(s);
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: s, body: {} });
    const verify = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: s,
      body: {
        response: authenticator.getAssertion(options.body),
        action: { mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest({ message: 'A' }) },
      },
    });
    expect(verify.status).toBe(403);
  });
});

describe('Idempotency-Key', () => {
  it('a repeated key answers the first result and does not run again', async () => {
    const { secret } = await server.enrollTotp(s);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:refresh'] });
    const headers = { 'idempotency-key': 'delegate-1' };
    const first = await server.call('POST', '/wallet/delegation', { session: s, body: { enabled: true }, elevated: token, headers });
    expect(first.status).toBe(200);
    // The single-use token is spent: a second run would be refused. The replay is not a run.
    const replay = await server.call('POST', '/wallet/delegation', { session: s, body: { enabled: true }, elevated: token, headers });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    // Without the key, the same token is refused: proof that it was spent exactly once.
    expect((await server.call('POST', '/wallet/delegation', { session: s, body: { enabled: true }, elevated: token })).status).toBe(401);
  });

  it('a stored answer is replayed only to the token that earned it, never to the key alone', async () => {
    // Threat: an Idempotency-Key is not a secret (it sits in logs and proxies); replaying a
    // stored export to anyone holding the session and the key would bypass the step-up.
    const { secret } = await server.enrollTotp(s);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });
    const headers = { 'idempotency-key': 'export-1' };
    const first = await server.call('POST', '/wallet/export', { session: s, body: {}, elevated: token, headers });
    expect(first.status).toBe(200);
    expect(first.body.privateKey).toMatch(/^0x[0-9a-f]{64}$/);

    const keyAlone = await server.call('POST', '/wallet/export', { session: s, body: {}, headers });
    expect(keyAlone.status).toBe(401);
    expect(keyAlone.body.error.code).toBe('elevated_access_required');
    expect(keyAlone.body.privateKey).toBeUndefined();

    const sameToken = await server.call('POST', '/wallet/export', { session: s, body: {}, elevated: token, headers });
    expect(sameToken.status).toBe(200);
    expect(sameToken.headers.get('idempotent-replayed')).toBe('true');
  });

  it('a step-up 401 frees the key, so the retry with the token runs', async () => {
    const { secret } = await server.enrollTotp(s);
    const headers = { 'idempotency-key': 'sign-7' };
    const challenged = await server.call('POST', '/wallet/sign-message', { session: s, body: { message: 'hi' }, headers });
    expect(challenged.status).toBe(401);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:sign'] });
    const retried = await sign('hi', token, headers);
    expect(retried.status).toBe(200);
    const again = await sign('hi', token, headers);
    expect(again.body.signature).toBe(retried.body.signature);
  });

  it('the same key with another body is refused (409), and concurrent repeats run once', async () => {
    const { secret } = await server.enrollTotp(s);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:sign'] });
    const headers = { 'idempotency-key': 'sign-8' };
    const tally = await concurrently(20, () => sign('hi', token, headers));
    expect(tally.get(200)! + (tally.get(409) ?? 0)).toBe(20);
    expect(tally.get(200)).toBeGreaterThanOrEqual(1);
    const other = await sign('other', token, headers);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conflict');
  });
});

describe('an approval grants its action and nothing unbound beside it', () => {
  const signA = async () => ({ mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest({ message: 'A' }) });

  it('TOTP: extra scopes or a legacy token next to an action → 400 invalid_request, and the code is not spent', async () => {
    const { secret } = await server.enrollTotp(s);
    const code = server.code(secret);
    for (const extra of [{ requestedScopes: ['wallet:sign', 'wallet:export'] }, { createMfaToken: { singleUse: true } }]) {
      const refused = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code, action: await signA(), ...extra } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
      expect(refused.body.elevatedAccessToken).toBeUndefined();
    }
    // The same code still approves what the user was shown, and only that.
    const approved = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code, action: await signA(), requestedScopes: ['wallet:sign'] } });
    expect(approved.status).toBe(200);
    expect(decodeJwt(approved.body.elevatedAccessToken.token).scope).toBe('wallet:sign');
  });

  it('passkey: a verify body cannot widen what the challenge approved', async () => {
    const { authenticator } = await server.registerPasskey(s);
    const options = await server.call('POST', '/mfa/passkeys/authentication/options', { session: s, body: { action: await signA() } });
    const verify = await server.call('POST', '/mfa/passkeys/authentication/verify', {
      session: s,
      body: { response: authenticator.getAssertion(options.body), requestedScopes: ['wallet:export'] },
    });
    expect(verify.status).toBe(400);
    expect(verify.body.error.code).toBe('invalid_request');
    expect(verify.body.elevatedAccessToken).toBeUndefined();
  });
});
