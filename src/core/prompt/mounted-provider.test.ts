import { describe, expect, it } from 'vitest';
import { TokenScope } from '../../protocol/index.js';
import { MfaError } from '../errors.js';
import { getElevatedAccessToken, mountController, promptMfaAuth } from './mounted-provider.js';
import { createPromptController } from './prompt-controller.js';
import { FAR_FUTURE, flush, stubApi, stubWebAuthn } from '../test-support/stub-api.js';

function controller() {
  return createPromptController({ api: stubApi(), webauthn: stubWebAuthn().seam, successDelayMs: 0 });
}

describe('mounted provider binding', () => {
  describe('given no mounted provider', () => {
    it('promptMfaAuth should reject mfa_provider_not_mounted with a sentence naming <MfaProvider>', async () => {
      const error = await promptMfaAuth({ requestedScopes: [TokenScope.Walletsign] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MfaError);
      expect(error).toMatchObject({ code: 'mfa_provider_not_mounted' });
      expect((error as Error).message).toMatch(/Wrap your app in <MfaProvider>/);
    });

    it('getElevatedAccessToken should throw mfa_provider_not_mounted', () => {
      expect(() => getElevatedAccessToken({ scope: 'wallet:sign' })).toThrow(expect.objectContaining({ code: 'mfa_provider_not_mounted' }));
    });
  });

  describe('given a mounted provider', () => {
    it('should prompt through its controller and read its tokens', async () => {
      const mounted = controller();
      const unmount = mountController(mounted);
      mounted.tokens.saveElevatedToken({ token: 't', scopes: ['wallet:sign'], expiresAt: FAR_FUTURE, singleUse: true });
      expect(getElevatedAccessToken({ scope: TokenScope.Walletsign, consume: false })).toBe('t');
      await expect(promptMfaAuth({ requestedScopes: [TokenScope.Walletsign] })).resolves.toBe('t');
      unmount();
      await expect(promptMfaAuth({ requestedScopes: [TokenScope.Walletsign] })).rejects.toMatchObject({ code: 'mfa_provider_not_mounted' });
    });

    it('when unmounted for good with a prompt open, should reject it with mfa_provider_not_mounted', async () => {
      const mounted = controller();
      const unmount = mountController(mounted);
      const pending = promptMfaAuth({ requestedScopes: [TokenScope.Walletexport] });
      unmount();
      await expect(pending).rejects.toMatchObject({ code: 'mfa_provider_not_mounted' });
    });

    it('when unmounted for good, should forget its tokens (sign-out often unmounts the provider)', async () => {
      const mounted = controller();
      const unmount = mountController(mounted);
      mounted.tokens.saveElevatedToken({ token: 't', scopes: ['wallet:sign'], expiresAt: FAR_FUTURE, singleUse: false });
      unmount();
      await flush();
      expect(mounted.tokens.hasElevatedAccess(TokenScope.Walletsign)).toBe(false);
    });

    it('when StrictMode unmounts and re-mounts it in one pass, should keep the open prompt', async () => {
      const mounted = controller();
      const first = mountController(mounted);
      const pending = promptMfaAuth({ requestedScopes: [TokenScope.Walletexport] });
      first();
      const second = mountController(mounted);
      await flush();
      expect(mounted.getState().step).toBe('totp');
      mounted.submitTotpCode('123456');
      await expect(pending).resolves.toBe('totp-token');
      expect(mounted.tokens.hasElevatedAccess(TokenScope.Walletexport)).toBe(true);
      second();
    });

    it('with two providers, unmounting the newer should give the binding back to the older', async () => {
      const older = controller();
      const newer = controller();
      const unmountOlder = mountController(older);
      const unmountNewer = mountController(newer);
      unmountNewer();
      void promptMfaAuth({ requestedScopes: [TokenScope.Walletexport] }).catch(() => undefined);
      expect(older.getState().step).toBe('loading');
      expect(newer.getState().step).toBe('closed');
      older.cancel();
      unmountOlder();
    });
  });
});
