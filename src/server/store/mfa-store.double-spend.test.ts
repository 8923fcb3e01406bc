// Threat: one secret spent many times by racing it — the same TOTP step, recovery code,
// legacy token, jti or WebAuthn challenge redeemed by concurrent requests, which on a
// shared database arrive on different server instances — and guesses raced past the lockout.
// Every race below is spread over the store's instances (two pools on one PostgreSQL
// database); each secret must be redeemed exactly once, and the lockout must count every guess.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshUser, passkeyRecord, STORE_NOW, storeFixtures, totpDeviceRecord } from '../../../test/store-contract-fixtures.js';
import type { MfaStore } from './mfa-store.js';

const NOW = STORE_NOW;
const RACERS = 40;

describe.each(storeFixtures())('concurrent redemption on $name', (fixture) => {
  let instances: MfaStore[] = [];
  beforeAll(async () => {
    if (fixture.available) instances = await fixture.open();
  });
  afterAll(async () => {
    await Promise.all(instances.map((store) => store.close()));
  });

  /** Runs `attempt` RACERS times at once, round-robin over the instances; counts the wins. */
  const race = async (attempt: (store: MfaStore) => Promise<unknown>) => {
    const results = await Promise.all(Array.from({ length: RACERS }, (_, i) => attempt(instances[i % instances.length]!)));
    return results.filter((won) => won === true || (typeof won === 'object' && won !== null)).length;
  };

  describe.skipIf(!fixture.available)('when one secret is raced', () => {
    it('accepts one TOTP step once', async () => {
      const userId = freshUser();
      const id = randomUUID();
      await instances[0]!.insertTotpDevice(totpDeviceRecord(userId, { id, verifiedAt: NOW, isDefault: true, lastStep: 10 }));
      expect(await race((store) => store.acceptTotpStep(userId, id, 11, NOW))).toBe(1);
    });

    it('accepts one TOTP step once when whole attempts are raced, and counts the losers', async () => {
      const userId = freshUser();
      const id = randomUUID();
      await instances[0]!.insertTotpDevice(totpDeviceRecord(userId, { id, verifiedAt: NOW, isDefault: true, lastStep: 10 }));
      const policy = { maxFailures: 1000, lockMs: 60_000, maxLockMs: 60_000, permanentAfter: 10_000 };
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => instances[i % instances.length]!.attemptTotpStep(userId, id, 11, NOW, policy)),
      );
      expect(results.filter((r) => r.accepted)).toHaveLength(1);
      // Each loser is one failure; the winner's reset cleared those counted before it.
      const after = await instances[0]!.reserveAttempt(userId, NOW, policy);
      expect(after.failures).toBeLessThanOrEqual(RACERS);
      expect(after.failures).toBeGreaterThanOrEqual(1);
    });

    it('redeems one recovery code once', async () => {
      const userId = freshUser();
      await instances[0]!.issueRecoveryCodesIfNone(
        userId,
        [
          { prefix: 'h1', codeHash: 'h1' },
          { prefix: 'h2', codeHash: 'h2' },
        ],
        NOW,
      );
      expect(await race((store) => store.consumeRecoveryCode(userId, 'h1', NOW))).toBe(1);
    });

    it('issues the first recovery-code set once', async () => {
      const userId = freshUser();
      expect(await race((store) => store.issueRecoveryCodesIfNone(userId, [{ prefix: 'r', codeHash: randomUUID() }], NOW))).toBe(1);
      expect((await instances[0]!.getRecoveryCodeState(userId)).remaining).toBe(1);
    });

    it('redeems one single-use legacy token once', async () => {
      const userId = freshUser();
      const tokenHash = randomUUID();
      await instances[0]!.insertMfaToken({ tokenHash, userId, sessionId: 's', singleUse: true, expiresAt: NOW + 1000 });
      expect(await race((store) => store.consumeMfaToken(tokenHash, userId, 's', NOW, false))).toBe(1);
    });

    it('records one jti once', async () => {
      const jti = randomUUID();
      expect(await race((store) => store.useJti(jti, NOW + 1000, NOW))).toBe(1);
    });

    it('hands one WebAuthn challenge out once', async () => {
      const userId = freshUser();
      const challenge = randomUUID();
      await instances[0]!.insertChallenge(
        { challenge, userId, purpose: 'authentication', nonce: null, mfaAction: null, payloadDigest: null, expiresAt: NOW + 1000 },
        { now: NOW, maxOutstanding: 5 },
      );
      expect(await race((store) => store.consumeChallenge(userId, 'authentication', challenge, NOW))).toBe(1);
    });

    it("keeps the cap of a user's challenges when many are issued at once over every instance", async () => {
      const userId = freshUser();
      const issued = Array.from({ length: RACERS }, () => randomUUID());
      await Promise.all(
        issued.map((challenge, i) =>
          instances[i % instances.length]!.insertChallenge(
            { challenge, userId, purpose: 'registration', nonce: null, mfaAction: null, payloadDigest: null, expiresAt: NOW + 1000 },
            { now: NOW, maxOutstanding: 5 },
          ),
        ),
      );
      const live = await Promise.all(issued.map((challenge) => instances[0]!.consumeChallenge(userId, 'registration', challenge, NOW)));
      expect(live.filter(Boolean)).toHaveLength(5);
    });

    it('claims one idempotency key once', async () => {
      const scope = randomUUID();
      const claims = await Promise.all(Array.from({ length: RACERS }, (_, i) => instances[i % instances.length]!.claimIdempotencyKey(scope, 'k', 'd', NOW)));
      expect(claims.filter((existing) => existing === undefined)).toHaveLength(1);
    });

    it('registers one passkey credential once', async () => {
      const userId = freshUser();
      const credentialId = randomUUID();
      const won = await race((store) => store.insertPasskey(passkeyRecord(userId, { credentialId })));
      expect(won).toBe(1);
    });

    it('removes at most one of the last two factors when both removals race', async () => {
      const userId = freshUser();
      const deviceId = randomUUID();
      const passkeyId = randomUUID();
      await instances[0]!.insertTotpDevice(totpDeviceRecord(userId, { id: deviceId, verifiedAt: NOW, isDefault: true }));
      await instances[0]!.insertPasskey(passkeyRecord(userId, { id: passkeyId }));
      const removed = await Promise.all([
        instances[0]!.deleteTotpDevice(userId, deviceId, true),
        instances[instances.length - 1]!.deletePasskey(userId, passkeyId, true),
      ]);
      expect(removed.filter(Boolean)).toHaveLength(1);
    });

    it('lets exactly the lockout limit of raced guesses through, and locks', async () => {
      const userId = freshUser();
      const reservations = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          instances[i % instances.length]!.reserveAttempt(userId, NOW, { maxFailures: 5, lockMs: 60_000, maxLockMs: 60_000, permanentAfter: 100 }),
        ),
      );
      const allowed = reservations.filter((r) => r.allowed);
      expect(allowed).toHaveLength(5);
      expect(allowed.map((r) => r.failures).sort()).toEqual([1, 2, 3, 4, 5]);
      for (const store of instances)
        expect((await store.reserveAttempt(userId, NOW + 1, { maxFailures: 5, lockMs: 60_000, maxLockMs: 60_000, permanentAfter: 100 })).allowed).toBe(false);
    });

    it('lets exactly the lockout limit of raced whole TOTP attempts through, and accepts no step once locked', async () => {
      const userId = freshUser();
      const id = randomUUID();
      await instances[0]!.insertTotpDevice(totpDeviceRecord(userId, { id, verifiedAt: NOW, isDefault: true, lastStep: 10 }));
      const policy = { maxFailures: 5, lockMs: 60_000, maxLockMs: 60_000, permanentAfter: 100 };
      const attempts = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => instances[i % instances.length]!.attemptTotpStep(userId, id, null, NOW, policy)),
      );
      expect(attempts.filter((r) => r.allowed)).toHaveLength(5);
      for (const store of instances) expect(await store.attemptTotpStep(userId, id, 11, NOW + 1, policy)).toMatchObject({ allowed: false, accepted: false });
      expect((await instances[0]!.getTotpDevice(userId, id))?.lastStep).toBe(10);
    });
  });
});
