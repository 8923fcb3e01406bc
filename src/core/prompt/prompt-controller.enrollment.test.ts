/**
 * docs/architecture.md §5: a user with no MFA method is offered enrollment in the same modal, and the
 * first verification of the new method is the step-up (enroll, then continue). The first
 * recovery codes are shown and must be acknowledged before the prompt resolves.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MFAAction, TokenScope, payloadDigest } from '../../protocol/index.js';
import { MfaInvalidCodeError } from '../errors.js';
import { createPromptController, preloadEnrollmentFlow } from './prompt-controller.js';
import { preloadPasskeyVerification } from './verification-flow.js';
import { FAR_FUTURE, PASSKEY, flush, methodsResponse, stubApi, stubWebAuthn } from '../test-support/stub-api.js';

const NO_METHODS = methodsResponse({ totpDevices: [], passkeys: [], recoveryCodes: { remaining: 0, acknowledged: false }, userHasVerifiedMfaMethods: false });

function given(options: { supported?: boolean; methods?: Array<'totp' | 'passkey' | 'recovery_code'> } = {}) {
  const api = stubApi(NO_METHODS);
  const webauthn = stubWebAuthn(options.supported ?? true);
  const controller = createPromptController({
    api,
    webauthn: webauthn.seam,
    successDelayMs: 0,
    ...(options.methods ? { methods: options.methods } : {}),
  });
  return { api, webauthn, controller, state: () => controller.getState() };
}

describe('prompt controller: enroll, then continue', () => {
  // Loaded on demand in an app; here once, up front (prompt-controller.enrollment-loading.test.ts
  // and prompt-controller.passkey-loading.test.ts cover the wait).
  beforeAll(() => Promise.all([preloadEnrollmentFlow(), preloadPasskeyVerification()]));

  describe('given a user with no verified method', () => {
    it('should offer enrollment with every enabled and supported method', async () => {
      const { controller, state } = given();
      void controller.prompt({ requestedScopes: [TokenScope.Walletexport] }).catch(() => undefined);
      await flush();
      expect(state()).toMatchObject({ step: 'enrolling', enrollment: { stage: 'choose', options: ['totp', 'passkey'] } });
      controller.cancel();
    });

    it('without WebAuthn, should offer TOTP only', async () => {
      const { controller, state } = given({ supported: false });
      void controller.prompt({ requestedScopes: [TokenScope.Walletexport] }).catch(() => undefined);
      await flush();
      expect(state()).toMatchObject({ step: 'enrolling', enrollment: { stage: 'choose', options: ['totp'] } });
      controller.cancel();
    });

    it('TOTP: should show the secret, keep the step open on a wrong first code, and resolve only after the recovery codes are acknowledged', async () => {
      const { controller, api, state } = given();
      api.verifyTotpDevice.mockRejectedValueOnce(new MfaInvalidCodeError('Wrong code', 4)).mockResolvedValueOnce({
        method: 'totp',
        device: { id: 'new-dev', createdAt: 'x', isDefault: true },
        recoveryCodes: ['code-1', 'code-2'],
        elevatedAccessToken: { token: 'enrolled-token', scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse: true },
      });
      let settled = false;
      const result = controller.prompt({ requestedScopes: [TokenScope.Walletexport] }).finally(() => (settled = true));
      await flush();

      controller.startEnrollment('totp');
      expect(state()).toMatchObject({ enrollment: { stage: 'starting', method: 'totp' } });
      await flush();
      expect(state()).toMatchObject({
        step: 'enrolling',
        enrollment: { stage: 'totp', deviceId: 'new-dev', secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', status: { kind: 'idle' } },
      });

      controller.submitEnrollmentTotpCode('000000');
      await flush();
      expect(state()).toMatchObject({ enrollment: { stage: 'totp', status: { kind: 'invalid', attemptsRemaining: 4 } } });

      controller.submitEnrollmentTotpCode('123456');
      await flush();
      expect(api.verifyTotpDevice).toHaveBeenLastCalledWith('new-dev', { code: '123456', requestedScopes: ['wallet:export'] }, expect.anything());
      expect(state()).toMatchObject({ enrollment: { stage: 'recovery-codes', codes: ['code-1', 'code-2'], method: 'totp' } });
      expect(settled).toBe(false);
      expect(api.acknowledgeRecoveryCodes).not.toHaveBeenCalled();

      controller.acknowledgeRecoveryCodes();
      await expect(result).resolves.toBe('enrolled-token');
      expect(api.acknowledgeRecoveryCodes).toHaveBeenCalledTimes(1);
      expect(state().step).toBe('closed');
      expect(controller.getLastUsedMethod()).toBe('totp');
    });

    it('passkey: should register with the prompt’s scopes and action, retry after NotAllowedError, and resolve', async () => {
      const { controller, api, webauthn, state } = given();
      const payload = { message: 'hi' };
      const result = controller.prompt({ action: { mfaAction: MFAAction.WalletWaasSign, payload } });
      await vi.waitFor(() => expect(state()).toMatchObject({ step: 'enrolling', enrollment: { stage: 'choose' } }));

      controller.startEnrollment('passkey');
      await vi.waitFor(() => expect(webauthn.seam.startRegistration).toHaveBeenCalledTimes(1));
      expect(webauthn.seam.startRegistration).toHaveBeenCalledWith({ optionsJSON: { challenge: 'reg-challenge' } });
      webauthn.failWith('NotAllowedError');
      await vi.waitFor(() => expect(state()).toMatchObject({ enrollment: { stage: 'passkey', status: { kind: 'cancelled' } } }));

      controller.startPasskey();
      await vi.waitFor(() => expect(webauthn.seam.startRegistration).toHaveBeenCalledTimes(2));
      webauthn.succeed({ id: 'new-cred' });
      await expect(result).resolves.toBe('passkey-enrolled');
      expect(api.verifyPasskeyRegistration).toHaveBeenCalledWith(
        {
          response: { id: 'new-cred' },
          // No authenticator data to read an AAGUID from: the generic name.
          name: 'Passkey',
          requestedScopes: ['wallet:sign'],
          action: { mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest(payload) },
        },
        expect.anything(),
      );
    });

    it('when creating the device fails, should show the failed stage and retry() should start again', async () => {
      const { controller, api, state } = given();
      api.createTotpDevice.mockRejectedValueOnce(new TypeError('offline'));
      void controller.prompt({ requestedScopes: [TokenScope.Walletexport] }).catch(() => undefined);
      await flush();
      controller.startEnrollment('totp');
      await flush();
      expect(state()).toMatchObject({ enrollment: { stage: 'failed' } });
      controller.retry();
      await flush();
      expect(state()).toMatchObject({ enrollment: { stage: 'totp', deviceId: 'new-dev' } });
      expect(api.createTotpDevice).toHaveBeenCalledTimes(2);
      controller.cancel();
    });

    it('when cancelled on the recovery codes, should reject with mfa_recovery_codes_unsaved (not a plain cancel) and not resolve later', async () => {
      const { controller, api } = given();
      api.verifyTotpDevice.mockResolvedValueOnce({
        method: 'totp',
        device: { id: 'new-dev', createdAt: 'x', isDefault: true },
        recoveryCodes: ['code-1'],
        elevatedAccessToken: { token: 'enrolled-token', scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse: true },
      });
      const result = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
      await flush();
      controller.startEnrollment('totp');
      await flush();
      controller.submitEnrollmentTotpCode('123456');
      await flush();
      controller.cancel();
      // The factor is enrolled but its codes were never acknowledged: the caller must be able to tell.
      await expect(result).rejects.toMatchObject({ code: 'mfa_recovery_codes_unsaved' });
      expect(api.acknowledgeRecoveryCodes).not.toHaveBeenCalled();
      controller.acknowledgeRecoveryCodes();
      expect(api.acknowledgeRecoveryCodes).not.toHaveBeenCalled();
    });
  });

  describe('given a user who already has a passkey', () => {
    it('should not offer enrollment', async () => {
      const api = stubApi(methodsResponse({ totpDevices: [], passkeys: [PASSKEY] }));
      const controller = createPromptController({ api, webauthn: stubWebAuthn().seam, successDelayMs: 0 });
      void controller.prompt({ requestedScopes: [TokenScope.Walletexport] }).catch(() => undefined);
      await flush();
      expect(controller.getState().step).toBe('passkey');
      controller.cancel();
    });
  });
});
