// The MfaStore contract, run against every store (SQLite always; PostgreSQL whenever a
// cluster is available), so that neither drifts from what the routes rely on.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshUser, passkeyRecord, STORE_NOW, storeFixtures, totpDeviceRecord as device } from '../../../test/store-contract-fixtures.js';
import type { MfaStore } from './mfa-store.js';
import { PostgresMfaStore } from './postgres-store.js';
import { SqliteMfaStore } from './sqlite-store.js';

/** Rows in the table itself, expired ones included: what the cap and the purge bound. */
async function challengeRows(store: MfaStore, userId: string): Promise<number> {
  if (store instanceof SqliteMfaStore)
    return (store.db.prepare('SELECT COUNT(*) AS n FROM webauthn_challenges WHERE user_id = ?').get(userId) as { n: number }).n;
  if (store instanceof PostgresMfaStore)
    return Number((await store.pool.query('SELECT COUNT(*) AS n FROM webauthn_challenges WHERE user_id = $1', [userId])).rows[0]!.n);
  throw new Error('unknown store');
}

const NOW = STORE_NOW;
const LIMITS = { now: NOW, maxOutstanding: 5 };
/** Sealed codes whose prefix is `p` + the value, so a lookup by prefix names one. */
const codes = (...hashes: string[]) => hashes.map((codeHash) => ({ prefix: `p${codeHash}`, codeHash }));

describe.each(storeFixtures())('MfaStore contract: $name', (fixture) => {
  let store: MfaStore;
  beforeAll(async () => {
    if (fixture.available) store = (await fixture.open())[0]!;
  });
  afterAll(async () => {
    await store?.close();
  });

  describe.skipIf(!fixture.available)('given one user', () => {
    describe('TOTP devices', () => {
      it('round-trips a device exactly, times and flags included', async () => {
        const userId = freshUser();
        const d = device(userId, { createdAt: NOW - 1, lastStep: 58_000_000, lastUsedAt: NOW, verifiedAt: NOW, isDefault: true });
        await store.insertTotpDevice(d);
        expect(await store.getTotpDevice(userId, d.id)).toEqual(d);
        expect(await store.getTotpDevice(freshUser(), d.id)).toBeUndefined();
        expect(await store.listTotpDevices(userId)).toEqual([d]);
      });

      it('accepts a step only when it is later than the last accepted one, and marks the device verified', async () => {
        const userId = freshUser();
        const d = device(userId);
        await store.insertTotpDevice(d);
        expect(await store.acceptTotpStep(userId, d.id, 100, NOW)).toBe(true);
        expect(await store.acceptTotpStep(userId, d.id, 100, NOW)).toBe(false);
        expect(await store.acceptTotpStep(userId, d.id, 99, NOW)).toBe(false);
        expect(await store.acceptTotpStep(freshUser(), d.id, 101, NOW)).toBe(false);
        expect(await store.acceptTotpStep(userId, d.id, 101, NOW + 1)).toBe(true);
        expect(await store.getTotpDevice(userId, d.id)).toMatchObject({ lastStep: 101, verifiedAt: NOW, lastUsedAt: NOW + 1 });
      });

      it('keeps one default: set if none, switch, and promote the oldest verified when the default goes', async () => {
        const userId = freshUser();
        const first = device(userId, { createdAt: NOW, verifiedAt: NOW });
        const second = device(userId, { createdAt: NOW + 1, verifiedAt: NOW + 1 });
        const pending = device(userId, { createdAt: NOW + 2 });
        for (const d of [first, second, pending]) await store.insertTotpDevice(d);
        await store.setDefaultTotpDeviceIfNone(userId, second.id);
        await store.setDefaultTotpDeviceIfNone(userId, first.id);
        const defaults = async () => (await store.listTotpDevices(userId)).filter((d) => d.isDefault).map((d) => d.id);
        expect(await defaults()).toEqual([second.id]);
        expect(await store.setDefaultTotpDevice(userId, pending.id)).toBe(false);
        expect(await store.setDefaultTotpDevice(userId, first.id)).toBe(true);
        expect(await defaults()).toEqual([first.id]);
        expect(await store.deleteTotpDevice(userId, first.id)).toBe(true);
        expect(await store.deleteTotpDevice(userId, first.id)).toBe(false);
        expect(await defaults()).toEqual([second.id]);
        await store.deleteUnverifiedTotpDevices(userId);
        expect((await store.listTotpDevices(userId)).map((d) => d.id)).toEqual([second.id]);
      });
    });

    describe('the last factor', () => {
      it('is kept when asked: a removal that would leave no verified device or passkey is refused', async () => {
        const userId = freshUser();
        const totp = device(userId, { verifiedAt: NOW, isDefault: true });
        const pending = device(userId);
        await store.insertTotpDevice(totp);
        await store.insertTotpDevice(pending);
        const passkeyId = randomUUID();
        await store.insertPasskey(passkeyRecord(userId, { id: passkeyId }));
        expect(await store.deleteTotpDevice(userId, pending.id, true)).toBe(true); // unverified: not a factor
        expect(await store.deletePasskey(userId, passkeyId, true)).toBe(true);
        expect(await store.deleteTotpDevice(userId, totp.id, true)).toBe(false);
        expect(await store.deleteTotpDevice(userId, totp.id)).toBe(true);
      });
    });

    describe('has any factor', () => {
      it('is true for a verified TOTP device or a passkey, and for nothing else', async () => {
        const userId = freshUser();
        expect(await store.hasAnyFactor(userId)).toBe(false);
        await store.insertTotpDevice(device(userId));
        await store.issueRecoveryCodesIfNone(userId, codes('h'), NOW);
        expect(await store.hasAnyFactor(userId)).toBe(false); // an unverified device and recovery codes are not factors
        const verified = device(userId, { verifiedAt: NOW });
        await store.insertTotpDevice(verified);
        expect(await store.hasAnyFactor(userId)).toBe(true);
        expect(await store.hasAnyFactor(freshUser())).toBe(false);
        await store.deleteTotpDevice(userId, verified.id);
        expect(await store.hasAnyFactor(userId)).toBe(false);
        const passkeyId = randomUUID();
        await store.insertPasskey(passkeyRecord(userId, { id: passkeyId }));
        expect(await store.hasAnyFactor(userId)).toBe(true);
      });
    });

    describe('passkeys', () => {
      it('refuses a second registration of one credential, moves the counter only forward, renames and deletes', async () => {
        const userId = freshUser();
        const passkey = {
          id: randomUUID(),
          userId,
          credentialId: `cred-${randomUUID()}`,
          publicKey: new Uint8Array([1, 2, 3, 255]),
          counter: 5,
          transports: ['internal', 'hybrid'],
          name: 'Laptop',
          createdAt: NOW,
          lastUsedAt: null,
        };
        expect(await store.insertPasskey(passkey)).toBe(true);
        expect(await store.insertPasskey({ ...passkey, id: randomUUID() })).toBe(false);
        expect(await store.getPasskeyByCredentialId(userId, passkey.credentialId)).toEqual(passkey);
        expect(await store.getPasskeyByCredentialId(freshUser(), passkey.credentialId)).toBeUndefined();
        expect(await store.updatePasskeyCounter(userId, passkey.id, 5, NOW)).toBe(false);
        expect(await store.updatePasskeyCounter(userId, passkey.id, 6, NOW + 1)).toBe(true);
        expect((await store.renamePasskey(userId, passkey.id, 'Phone'))?.name).toBe('Phone');
        expect(await store.renamePasskey(freshUser(), passkey.id, 'x')).toBeUndefined();
        expect(await store.listPasskeys(userId)).toEqual([{ ...passkey, counter: 6, name: 'Phone', lastUsedAt: NOW + 1 }]);
        expect(await store.deletePasskey(userId, passkey.id)).toBe(true);
        expect(await store.listPasskeys(userId)).toEqual([]);
      });

      it('accepts a counter of 0 again only while it stays 0 (authenticators without counters)', async () => {
        const userId = freshUser();
        const id = randomUUID();
        await store.insertPasskey(passkeyRecord(userId, { id, publicKey: new Uint8Array([9]) }));
        expect(await store.updatePasskeyCounter(userId, id, 0, NOW)).toBe(true);
        expect(await store.updatePasskeyCounter(userId, id, 0, NOW)).toBe(true);
      });
    });

    describe('WebAuthn challenges', () => {
      it('hands a live challenge out once, to its user and purpose only', async () => {
        const userId = freshUser();
        const challenge = {
          challenge: randomUUID(),
          userId,
          purpose: 'authentication' as const,
          nonce: 'n',
          mfaAction: 'wallet.waas.sign',
          payloadDigest: 'd',
          expiresAt: NOW + 1000,
        };
        await store.insertChallenge(challenge, LIMITS);
        expect(await store.consumeChallenge(freshUser(), 'authentication', challenge.challenge, NOW)).toBeUndefined();
        expect(await store.consumeChallenge(userId, 'registration', challenge.challenge, NOW)).toBeUndefined();
        expect(await store.consumeChallenge(userId, 'authentication', challenge.challenge, NOW)).toEqual(challenge);
        expect(await store.consumeChallenge(userId, 'authentication', challenge.challenge, NOW)).toBeUndefined();
        const expired = { ...challenge, challenge: randomUUID(), expiresAt: NOW };
        await store.insertChallenge(expired, LIMITS);
        expect(await store.consumeChallenge(userId, 'authentication', expired.challenge, NOW)).toBeUndefined();
      });

      it("keeps at most the cap of a user's live challenges, the newest, and drops their expired ones on insert", async () => {
        const userId = freshUser();
        const other = freshUser();
        const make = (u: string, expiresAt = NOW + 1000) => ({
          challenge: randomUUID(),
          userId: u,
          purpose: 'registration' as const,
          nonce: null,
          mfaAction: null,
          payloadDigest: null,
          expiresAt,
        });
        const stale = make(userId, NOW - 1);
        await store.insertChallenge(stale, { now: NOW - 2, maxOutstanding: 5 });
        const neighbour = make(other);
        await store.insertChallenge(neighbour, LIMITS);
        expect(await challengeRows(store, userId)).toBe(1);
        const issued = [];
        for (let i = 0; i < 12; i++) {
          const c = make(userId);
          await store.insertChallenge(c, LIMITS);
          issued.push(c);
          expect(await challengeRows(store, userId)).toBeLessThanOrEqual(5);
        }
        // The expired one went with the first insert; another user's challenge is untouched.
        expect(await challengeRows(store, userId)).toBe(5);
        for (const evicted of issued.slice(0, 7)) expect(await store.consumeChallenge(userId, 'registration', evicted.challenge, NOW)).toBeUndefined();
        for (const kept of issued.slice(7)) expect(await store.consumeChallenge(userId, 'registration', kept.challenge, NOW)).toEqual(kept);
        expect(await store.consumeChallenge(other, 'registration', neighbour.challenge, NOW)).toEqual(neighbour);
      });
    });

    describe('recovery codes', () => {
      it('issues a first set once, redeems each code once, replaces and deletes the set', async () => {
        const userId = freshUser();
        expect(await store.getRecoveryCodeState(userId)).toEqual({ remaining: 0, acknowledged: false });
        expect(await store.issueRecoveryCodesIfNone(userId, codes('a', 'b', 'c'), NOW)).toBe(true);
        expect(await store.issueRecoveryCodesIfNone(userId, codes('x'), NOW)).toBe(false);
        await store.acknowledgeRecoveryCodes(userId);
        expect(await store.getRecoveryCodeState(userId)).toEqual({ remaining: 3, acknowledged: true });
        expect(await store.findRecoveryCodes(userId, 'pb')).toEqual(['b']);
        expect(await store.findRecoveryCodes(userId, 'px')).toEqual([]);
        expect(await store.consumeRecoveryCode(userId, 'b', NOW)).toBe(true);
        expect(await store.findRecoveryCodes(userId, 'pb')).toEqual([]);
        expect(await store.consumeRecoveryCode(userId, 'b', NOW)).toBe(false);
        expect(await store.consumeRecoveryCode(freshUser(), 'a', NOW)).toBe(false);
        expect(await store.getRecoveryCodeState(userId)).toEqual({ remaining: 2, acknowledged: true });
        await store.replaceRecoveryCodes(userId, codes('d', 'e'), NOW);
        expect(await store.getRecoveryCodeState(userId)).toEqual({ remaining: 2, acknowledged: false });
        expect(await store.consumeRecoveryCode(userId, 'a', NOW)).toBe(false);
        expect(await store.consumeRecoveryCode(userId, 'd', NOW)).toBe(true);
        await store.deleteRecoveryCodes(userId);
        expect(await store.getRecoveryCodeState(userId)).toEqual({ remaining: 0, acknowledged: false });
        expect(await store.issueRecoveryCodesIfNone(userId, codes('f'), NOW)).toBe(true);
      });
    });

    describe('security events', () => {
      it("lists a user's events newest first (same-millisecond ones in insertion order, reversed), capped, and only theirs", async () => {
        const userId = freshUser();
        const event = (id: string, at: number, user = userId) => ({
          id,
          userId: user,
          sessionId: 's1',
          type: 'factor_added',
          at,
          ipAddress: id === 'e1' ? '203.0.113.7' : null,
          userAgent: null,
          details: '{}',
        });
        await store.insertSecurityEvent(event('e1', NOW));
        await store.insertSecurityEvent(event('e2', NOW));
        await store.insertSecurityEvent(event('e3', NOW + 1));
        await store.insertSecurityEvent(event('other', NOW + 2, freshUser()));
        expect((await store.listSecurityEvents(userId, 10)).map((e) => e.id)).toEqual(['e3', 'e2', 'e1']);
        expect((await store.listSecurityEvents(userId, 2)).map((e) => e.id)).toEqual(['e3', 'e2']);
        expect((await store.listSecurityEvents(userId, 10))[2]).toEqual(event('e1', NOW));
      });
    });

    describe('lockout', () => {
      it('counts failures up front, locks at every multiple of the limit (each lock longer, capped), and stops for good at the permanent limit', async () => {
        const userId = freshUser();
        const reserve = (now: number) => store.reserveAttempt(userId, now, { maxFailures: 3, lockMs: 60_000, maxLockMs: 100_000, permanentAfter: 9 });
        expect(await reserve(NOW)).toEqual({ allowed: true, failures: 1, lockedUntil: null });
        expect(await reserve(NOW)).toEqual({ allowed: true, failures: 2, lockedUntil: null });
        expect(await reserve(NOW)).toEqual({ allowed: true, failures: 3, lockedUntil: NOW + 60_000 });
        expect(await reserve(NOW + 59_999)).toEqual({ allowed: false, failures: 3, lockedUntil: NOW + 60_000 });
        const t1 = NOW + 60_000;
        expect(await reserve(t1)).toEqual({ allowed: true, failures: 4, lockedUntil: null });
        expect(await reserve(t1)).toEqual({ allowed: true, failures: 5, lockedUntil: null });
        expect(await reserve(t1)).toEqual({ allowed: true, failures: 6, lockedUntil: t1 + 100_000 });
        const t2 = t1 + 100_000;
        for (const failures of [7, 8, 9]) expect(await reserve(t2)).toEqual({ allowed: true, failures, lockedUntil: null });
        expect(await reserve(t2 + 10 ** 9)).toEqual({ allowed: false, failures: 9, lockedUntil: null });
        await store.resetAttempts(userId);
        expect(await reserve(t2)).toEqual({ allowed: true, failures: 1, lockedUntil: null });
      });
    });

    describe('a TOTP attempt (reserve, accept, reset in one write)', () => {
      const policy = { maxFailures: 3, lockMs: 60_000, maxLockMs: 100_000, permanentAfter: 9 };

      it('counts a wrong code, accepts a later step and clears the count, refuses a replay', async () => {
        const userId = freshUser();
        const d = device(userId, { verifiedAt: NOW, lastStep: 10 });
        await store.insertTotpDevice(d);
        expect(await store.attemptTotpStep(userId, d.id, null, NOW, policy)).toEqual({ allowed: true, accepted: false, failures: 1, lockedUntil: null });
        expect(await store.attemptTotpStep(userId, d.id, 10, NOW, policy)).toEqual({ allowed: true, accepted: false, failures: 2, lockedUntil: null });
        expect(await store.attemptTotpStep(userId, d.id, 11, NOW + 5, policy)).toEqual({ allowed: true, accepted: true, failures: 0, lockedUntil: null });
        expect(await store.getTotpDevice(userId, d.id)).toMatchObject({ lastStep: 11, lastUsedAt: NOW + 5 });
        expect(await store.attemptTotpStep(userId, d.id, 11, NOW, policy)).toEqual({ allowed: true, accepted: false, failures: 1, lockedUntil: null });
        // The count was cleared by the success: the lock comes after three more failures, not one.
        expect(await store.reserveAttempt(userId, NOW, policy)).toEqual({ allowed: true, failures: 2, lockedUntil: null });
      });

      it('accepts a right code from a user with nothing counted, leaving the count at zero, and counts its replay', async () => {
        const userId = freshUser();
        const d = device(userId, { verifiedAt: NOW, lastStep: 10 });
        await store.insertTotpDevice(d);
        expect(await store.attemptTotpStep(userId, d.id, 11, NOW, policy)).toEqual({ allowed: true, accepted: true, failures: 0, lockedUntil: null });
        expect(await store.attemptTotpStep(userId, d.id, 12, NOW, policy)).toEqual({ allowed: true, accepted: true, failures: 0, lockedUntil: null });
        expect(await store.attemptTotpStep(userId, d.id, 12, NOW, policy)).toEqual({ allowed: true, accepted: false, failures: 1, lockedUntil: null });
        expect(await store.reserveAttempt(userId, NOW, policy)).toEqual({ allowed: true, failures: 2, lockedUntil: null });
      });

      it('writes the step_up_granted event it is given only with an accepted step: not for a wrong code, a replay or a locked user', async () => {
        const userId = freshUser();
        const d = device(userId, { verifiedAt: NOW, lastStep: 10 });
        await store.insertTotpDevice(d);
        const granted = (id: string, at = NOW) => ({
          id,
          userId,
          sessionId: 's1',
          type: 'step_up_granted',
          at,
          ipAddress: '203.0.113.7',
          userAgent: 'test',
          details: '{"method":"totp","scopes":["wallet:sign"]}',
        });
        expect((await store.attemptTotpStep(userId, d.id, null, NOW, policy, granted('wrong'))).accepted).toBe(false);
        expect((await store.attemptTotpStep(userId, d.id, 10, NOW, policy, granted('replay'))).accepted).toBe(false);
        expect(await store.attemptTotpStep(userId, d.id, 11, NOW + 5, policy, granted('won', NOW + 5))).toMatchObject({
          accepted: true,
          grantedRecorded: true,
        });
        for (let i = 0; i < 3; i++) await store.attemptTotpStep(userId, d.id, null, NOW + 6, policy);
        expect((await store.attemptTotpStep(userId, d.id, 12, NOW + 7, policy, granted('locked'))).allowed).toBe(false);
        expect(await store.listSecurityEvents(userId, 10)).toEqual([granted('won', NOW + 5)]);
      });

      it("marks a new device verified with its first accepted step, and never accepts another user's device", async () => {
        const userId = freshUser();
        const d = device(userId);
        await store.insertTotpDevice(d);
        expect((await store.attemptTotpStep(freshUser(), d.id, 5, NOW, policy)).accepted).toBe(false);
        expect((await store.attemptTotpStep(userId, d.id, 5, NOW, policy)).accepted).toBe(true);
        expect(await store.getTotpDevice(userId, d.id)).toMatchObject({ verifiedAt: NOW, lastStep: 5 });
      });

      it('accepts nothing while locked out, not even the right step, and leaves the device and the count as they were', async () => {
        const userId = freshUser();
        const d = device(userId, { verifiedAt: NOW, lastStep: 10 });
        await store.insertTotpDevice(d);
        for (let i = 0; i < 3; i++) await store.attemptTotpStep(userId, d.id, null, NOW, policy);
        expect(await store.attemptTotpStep(userId, d.id, 11, NOW + 1, policy)).toEqual({
          allowed: false,
          accepted: false,
          failures: 3,
          lockedUntil: NOW + 60_000,
        });
        expect(await store.getTotpDevice(userId, d.id)).toMatchObject({ lastStep: 10 });
        expect(await store.attemptTotpStep(userId, d.id, 11, NOW + 60_000, policy)).toEqual({ allowed: true, accepted: true, failures: 0, lockedUntil: null });
      });

      it('refuses every code from the permanent limit on, until a reset', async () => {
        const userId = freshUser();
        const d = device(userId, { verifiedAt: NOW });
        await store.insertTotpDevice(d);
        for (let i = 0; i < 9; i++) await store.reserveAttempt(userId, NOW + 10 ** 9 * i, policy);
        expect(await store.attemptTotpStep(userId, d.id, 1, NOW + 10 ** 10, policy)).toEqual({
          allowed: false,
          accepted: false,
          failures: 9,
          lockedUntil: null,
        });
        await store.resetAttempts(userId);
        expect((await store.attemptTotpStep(userId, d.id, 1, NOW + 10 ** 10, policy)).accepted).toBe(true);
      });
    });

    describe('tokens', () => {
      it('redeems a single-use legacy token once, for its user and session only, until it expires', async () => {
        const userId = freshUser();
        const single = { tokenHash: randomUUID(), userId, sessionId: 's1', singleUse: true, expiresAt: NOW + 1000 };
        const multi = { ...single, tokenHash: randomUUID(), singleUse: false };
        await store.insertMfaToken(single);
        await store.insertMfaToken(multi);
        expect(await store.consumeMfaToken(single.tokenHash, userId, 's2', NOW, false)).toBe(false);
        expect(await store.consumeMfaToken(single.tokenHash, userId, 's1', NOW, false)).toBe(true);
        expect(await store.consumeMfaToken(single.tokenHash, userId, 's1', NOW, false)).toBe(false);
        expect(await store.consumeMfaToken(multi.tokenHash, userId, 's1', NOW, false)).toBe(true);
        expect(await store.consumeMfaToken(multi.tokenHash, userId, 's1', NOW, false)).toBe(true);
        expect(await store.consumeMfaToken(multi.tokenHash, userId, 's1', NOW + 1000, false)).toBe(false);
      });

      it('spends a multi-use legacy token when the redemption asks to consume it', async () => {
        const userId = freshUser();
        const multi = { tokenHash: randomUUID(), userId, sessionId: 's1', singleUse: false, expiresAt: NOW + 1000 };
        await store.insertMfaToken(multi);
        expect(await store.consumeMfaToken(multi.tokenHash, userId, 's1', NOW, true)).toBe(true);
        expect(await store.consumeMfaToken(multi.tokenHash, userId, 's1', NOW, false)).toBe(false);
      });

      it('records a jti once', async () => {
        const jti = randomUUID();
        expect(await store.useJti(jti, NOW + 1000, NOW)).toBe(true);
        expect(await store.useJti(jti, NOW + 1000, NOW)).toBe(false);
      });
    });

    describe('idempotency keys', () => {
      it('claims a key once, reports it in progress, then replays the completed answer; a release frees it', async () => {
        const scope = randomUUID();
        expect(await store.claimIdempotencyKey(scope, 'k', 'digest', NOW)).toBeUndefined();
        expect(await store.claimIdempotencyKey(scope, 'k', 'other', NOW)).toEqual({
          bodyDigest: 'digest',
          status: null,
          responseSealed: null,
          proofExpiresAt: null,
        });
        await store.completeIdempotencyKey(scope, 'k', 201, 'sealed', NOW + 5000);
        await store.releaseIdempotencyKey(scope, 'k'); // completed records are kept
        expect(await store.claimIdempotencyKey(scope, 'k', 'digest', NOW)).toEqual({
          bodyDigest: 'digest',
          status: 201,
          responseSealed: 'sealed',
          proofExpiresAt: NOW + 5000,
        });
        expect(await store.claimIdempotencyKey(scope, 'k2', 'digest', NOW)).toBeUndefined();
        await store.releaseIdempotencyKey(scope, 'k2');
        expect(await store.claimIdempotencyKey(scope, 'k2', 'digest', NOW)).toBeUndefined();
      });
    });

    describe('housekeeping', () => {
      it('purges expired challenges, tokens and jtis, and idempotency records older than a day', async () => {
        const userId = freshUser();
        const jti = randomUUID();
        const challenge = randomUUID();
        const scope = randomUUID();
        await store.useJti(jti, NOW + 10, NOW);
        await store.insertChallenge(
          { challenge, userId, purpose: 'registration', nonce: null, mfaAction: null, payloadDigest: null, expiresAt: NOW + 10 },
          LIMITS,
        );
        await store.claimIdempotencyKey(scope, 'k', 'd', NOW);
        await store.purgeExpired(NOW + 10 + 24 * 3600 * 1000);
        // A purged jti can be recorded again (its token has long expired by its own `exp`).
        expect(await store.useJti(jti, NOW + 10, NOW)).toBe(true);
        expect(await store.consumeChallenge(userId, 'registration', challenge, NOW)).toBeUndefined();
        expect(await store.claimIdempotencyKey(scope, 'k', 'd', NOW)).toBeUndefined();
      });
    });
  });
});
