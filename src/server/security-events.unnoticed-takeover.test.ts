// Threat: someone holding the user's session quietly changes the account — plants a passkey,
// renames or removes a factor, regenerates the recovery codes, burns guesses into a lockout, or
// tries a bound approval on another payload — and nothing records it, so neither the user nor
// the app ever learns. Each must leave an audit row (time, session, address, user agent), reach
// `onSecurityEvent`, and be listed to that user only by `GET /mfa/events`, newest first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { payloadDigest, type SecurityEvent } from '../protocol/index.js';
import { startTestServer, type TestServer } from '../../test/server-harness.js';
import type { SecurityEventNotice } from './security-events.js';
import type { LockoutPolicy, TotpAttemptResult } from './store/mfa-store.js';
import { SqliteMfaStore } from './store/sqlite-store.js';

let server: TestServer;
let notices: SecurityEventNotice[];
beforeEach(async () => {
  notices = [];
  server = await startTestServer({ onSecurityEvent: (event) => void notices.push(event) });
});
afterEach(async () => {
  await server.stop();
});

const client = { 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'user-agent': 'Mallory/1.0' };

describe('security events', () => {
  it('records factor, recovery-code, step-up, lockout and refusal events with the client, newest first', async () => {
    const s = await server.session('alice');
    const { secret, deviceId } = await server.enrollTotp(s);

    const link = await server.elevate(s, secret, { requestedScopes: ['credential:link'] });
    const options = await server.call('POST', '/mfa/passkeys/registration/options', { session: s, body: {}, elevated: link, headers: client });
    const response = server.authenticator().createCredential(options.body);
    const added = await server.call('POST', '/mfa/passkeys/registration/verify', { session: s, body: { response, name: 'Spare' }, headers: client });
    expect(added.status).toBe(201);
    const passkeyId = added.body.passkey.id as string;

    const update = await server.elevate(s, secret, { requestedScopes: ['credential:update'] });
    expect((await server.call('POST', '/mfa/recovery-codes', { session: s, body: {}, elevated: update, headers: client })).status).toBe(201);

    const digest = await payloadDigest({ message: 'pay 1 USDC to Bob' });
    const bound = await server.elevate(s, secret, { action: { mfaAction: 'wallet.waas.sign', payloadDigest: digest } });
    const refused = await server.call('POST', '/wallet/sign-message', {
      session: s,
      body: { message: 'pay 100 ETH to Mallory' },
      elevated: bound,
      headers: client,
    });
    expect(refused.status).toBe(403);

    for (let i = 0; i < 5; i++) await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: '000000' }, headers: client });

    const listed = await server.call('GET', '/mfa/events', { session: s });
    expect(listed.status).toBe(200);
    const events = listed.body.events as SecurityEvent[];
    const types = events.map((e) => e.type);
    expect(types).toEqual([
      'lockout',
      'bound_token_refused',
      'step_up_granted',
      'recovery_codes_regenerated',
      'step_up_granted',
      'factor_added',
      'step_up_granted',
      'recovery_codes_issued',
      'factor_added',
    ]);
    const [lockout, refusal, boundGrant, regenerated, , passkeyAdded, linkGrant, , totpAdded] = events;
    expect(totpAdded!.details.factor).toEqual({ kind: 'totp', id: deviceId });
    expect(passkeyAdded!.details.factor).toEqual({ kind: 'passkey', id: passkeyId, name: 'Spare' });
    expect(passkeyAdded).toMatchObject({ sessionId: expect.any(String), ipAddress: '203.0.113.7', userAgent: 'Mallory/1.0' });
    expect(linkGrant!.details).toEqual({ method: 'totp', scopes: ['credential:link'] });
    expect(boundGrant!.details).toEqual({ method: 'totp', scopes: ['wallet:sign'], action: 'wallet.waas.sign' });
    expect(refusal!.details).toMatchObject({ scopes: ['wallet:sign'], action: 'wallet.waas.sign' });
    expect(regenerated!.ipAddress).toBe('203.0.113.7');
    expect(lockout!.details).toMatchObject({ method: 'totp', lockedUntil: expect.any(String) });
    expect(Date.parse(lockout!.at)).toBe(server.clock.now());
    // Nothing secret in the audit trail: no code, no token.
    expect(JSON.stringify(events)).not.toMatch(new RegExp(`${bound}|${link}`));

    // The app heard of each event as it happened, with the user it concerns.
    expect(notices.map((n) => n.type).reverse()).toEqual(types);
    expect(notices.every((n) => n.userId === s.userId)).toBe(true);

    // Another user sees none of alice's events.
    const bob = await server.session('bob');
    expect((await server.call('GET', '/mfa/events', { session: bob })).body.events).toEqual([]);
  });

  it('renaming and removing a factor and using a recovery code are recorded; a failing onSecurityEvent does not fail the change', async () => {
    await server.restart({
      onSecurityEvent: () => {
        throw new Error('mail server down');
      },
    });
    const s = await server.session('carol');
    const { secret, recoveryCodes } = await server.enrollTotp(s);
    expect((await server.call('POST', '/mfa/recovery-codes/verify', { session: s, body: { code: recoveryCodes![0] } })).status).toBe(200);
    const { verified } = await server.registerPasskey(s, undefined, {}, await server.elevate(s, secret, { requestedScopes: ['credential:link'] }));
    const id = verified.passkey.id as string;
    const update = await server.elevate(s, secret, { requestedScopes: ['credential:update'] });
    expect((await server.call('PATCH', `/mfa/passkeys/${id}`, { session: s, body: { name: 'Laptop' }, elevated: update })).status).toBe(200);
    const unlink = await server.elevate(s, secret, { requestedScopes: ['credential:unlink'], credentialId: id });
    expect((await server.call('DELETE', `/mfa/passkeys/${id}`, { session: s, elevated: unlink })).status).toBe(204);
    const events = (await server.call('GET', '/mfa/events', { session: s })).body.events as SecurityEvent[];
    expect(events[0]).toMatchObject({ type: 'factor_removed', details: { factor: { kind: 'passkey', id } } });
    expect(events[2]).toMatchObject({ type: 'factor_renamed', details: { factor: { kind: 'passkey', id, name: 'Laptop' } } });
    expect(events.map((e) => e.type)).toContain('recovery_code_used');
  });
});

describe('a store written before the grant was passed to the TOTP attempt', () => {
  // Its attemptTotpStep takes five arguments and never reports `grantedRecorded`: the server
  // must still write the step-up's audit row, once.
  class StoreWithoutGrantedEvent extends SqliteMfaStore {
    override attemptTotpStep(userId: string, id: string, step: number | null, now: number, policy: LockoutPolicy): Promise<TotpAttemptResult> {
      return super.attemptTotpStep(userId, id, step, now, policy).then(({ grantedRecorded: _ignored, ...result }) => result);
    }
  }

  it('still records each TOTP step-up, exactly once', async () => {
    await server.stop();
    server = await startTestServer({ store: new StoreWithoutGrantedEvent(':memory:'), onSecurityEvent: (event) => void notices.push(event) });
    const s = await server.session('bob');
    const { secret } = await server.enrollTotp(s);
    await server.elevate(s, secret, { requestedScopes: ['wallet:export'] });

    const listed = await server.call('GET', '/mfa/events', { session: s });
    const types = (listed.body.events as SecurityEvent[]).map((e) => e.type);
    expect(types.filter((t) => t === 'step_up_granted')).toHaveLength(1);
    expect(notices.filter((n) => n.type === 'step_up_granted')).toHaveLength(1);
  });
});
