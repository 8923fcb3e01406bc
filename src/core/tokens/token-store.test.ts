import { describe, expect, it } from 'vitest';
import { TokenScope, type ElevatedAccessTokenGrant } from '../../protocol/index.js';
import { createTokenStore } from './token-store.js';

const T0 = Date.parse('2026-11-27T12:00:00.000Z');
const MINUTE_MS = 60_000;

function grant(token: string, scopes: TokenScope[], singleUse: boolean, ttlMs = 5 * MINUTE_MS): ElevatedAccessTokenGrant {
  return { token, scopes, singleUse, expiresAt: new Date(T0 + ttlMs).toISOString() };
}

function givenStore() {
  let nowMs = T0;
  const store = createTokenStore({ now: () => nowMs });
  return { store, advance: (ms: number) => (nowMs += ms) };
}

describe('token store', () => {
  describe('given a single-use elevated token', () => {
    it('when read, should hand it out once and then forget it', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('t1', [TokenScope.Walletexport], true));
      expect(store.getElevatedAccessToken({ scope: TokenScope.Walletexport })).toBe('t1');
      expect(store.getElevatedAccessToken({ scope: TokenScope.Walletexport })).toBeUndefined();
    });

    it('when read with consume:false, should keep it for the next read', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('t1', [TokenScope.Walletexport], true));
      expect(store.getElevatedAccessToken({ scope: TokenScope.Walletexport, consume: false })).toBe('t1');
      expect(store.getElevatedAccessToken({ scope: 'wallet:export' })).toBe('t1');
      expect(store.getElevatedAccessToken({ scope: 'wallet:export' })).toBeUndefined();
    });

    it('when asked for another scope, should answer undefined and keep it', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('t1', [TokenScope.Walletexport], true));
      expect(store.getElevatedAccessToken({ scope: TokenScope.Walletsign })).toBeUndefined();
      expect(store.hasElevatedAccess(TokenScope.Walletexport)).toBe(true);
    });

    it('when two prompts look for a covering token, should give it to the first only', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('t1', [TokenScope.Walletexport], true));
      expect(store.findCovering([TokenScope.Walletexport])).toBe('t1');
      expect(store.findCovering([TokenScope.Walletexport])).toBeUndefined();
      // ...and the claimed token is still there once for the request that spends it.
      expect(store.getElevatedAccessToken({ scope: TokenScope.Walletexport })).toBe('t1');
    });

    it('when spent outside the store, should be forgotten by markUsed', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('t1', [TokenScope.Walletexport], true));
      store.markUsed('t1');
      expect(store.getElevatedAccessToken({ scope: TokenScope.Walletexport })).toBeUndefined();
    });
  });

  describe('given a multi-use elevated token', () => {
    it('when read twice, should hand it out both times', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('m1', [TokenScope.Userupdate], false));
      expect(store.getElevatedAccessToken({ scope: TokenScope.Userupdate })).toBe('m1');
      expect(store.getElevatedAccessToken({ scope: TokenScope.Userupdate })).toBe('m1');
      expect(store.findCovering([TokenScope.Userupdate])).toBe('m1');
      expect(store.findCovering([TokenScope.Userupdate])).toBe('m1');
    });

    it('when its expiry passes on the injected clock, should drop it', () => {
      const { store, advance } = givenStore();
      store.saveElevatedToken(grant('m1', [TokenScope.Userupdate], false, 10 * MINUTE_MS));
      advance(10 * MINUTE_MS - 1);
      expect(store.getElevatedAccessToken({ scope: TokenScope.Userupdate })).toBe('m1');
      advance(1);
      expect(store.getElevatedAccessToken({ scope: TokenScope.Userupdate })).toBeUndefined();
      expect(store.findCovering([TokenScope.Userupdate])).toBeUndefined();
    });

    it('when asked to cover more scopes than it carries, should not cover', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('m1', [TokenScope.Userupdate], false));
      expect(store.findCovering([TokenScope.Userupdate, TokenScope.Walletsign])).toBeUndefined();
    });
  });

  describe('given an action-bound token', () => {
    const binding = { mfaAction: 'wallet.waas.sign' as const, payloadDigest: 'digest-a' };

    it('should cover only the same action and digest', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('b1', [TokenScope.Walletsign], false), { action: binding });
      expect(store.findCovering([TokenScope.Walletsign])).toBeUndefined();
      expect(store.findCovering([TokenScope.Walletsign], { action: { ...binding, payloadDigest: 'digest-b' } })).toBeUndefined();
      expect(store.findCovering([TokenScope.Walletsign], { action: binding })).toBe('b1');
    });

    it('an unbound token should not cover an action-bound prompt (the user must see what they approve)', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('plain', [TokenScope.Walletsign], false));
      expect(store.findCovering([TokenScope.Walletsign], { action: binding })).toBeUndefined();
      expect(store.findCovering([TokenScope.Walletsign])).toBe('plain');
    });
  });

  describe('given a legacy MFA token', () => {
    it('when single-use, should be consumed by getMfaToken', () => {
      const { store } = givenStore();
      store.saveMfaToken({ token: 'legacy', singleUse: true, expiresAt: new Date(T0 + MINUTE_MS).toISOString() });
      expect(store.getMfaToken()).toBe('legacy');
      expect(store.getMfaToken()).toBeUndefined();
    });

    it('when expired, should be gone', () => {
      const { store, advance } = givenStore();
      store.saveMfaToken({ token: 'legacy', singleUse: true, expiresAt: new Date(T0 + MINUTE_MS).toISOString() });
      advance(MINUTE_MS);
      expect(store.getMfaToken()).toBeUndefined();
    });

    it('when an elevated token covers the action, should answer undefined and keep the legacy token', () => {
      const { store } = givenStore();
      store.saveMfaToken({ token: 'legacy', singleUse: true, expiresAt: new Date(T0 + MINUTE_MS).toISOString() });
      store.saveElevatedToken(grant('e1', [TokenScope.Walletexport], true));
      expect(store.getMfaToken({ mfaAction: 'wallet.waas.export' })).toBeUndefined();
      expect(store.getMfaToken({ mfaAction: 'wallet.waas.sign' })).toBe('legacy');
    });
  });

  describe('when cleared on sign-out', () => {
    it('should forget every token', () => {
      const { store } = givenStore();
      store.saveElevatedToken(grant('m1', [TokenScope.Userupdate], false));
      store.saveMfaToken({ token: 'legacy', singleUse: false, expiresAt: new Date(T0 + MINUTE_MS).toISOString() });
      store.clear();
      expect(store.getElevatedAccessToken({ scope: TokenScope.Userupdate })).toBeUndefined();
      expect(store.getMfaToken()).toBeUndefined();
    });
  });
});
