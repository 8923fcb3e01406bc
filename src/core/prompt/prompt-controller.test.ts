import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MFAAction, TokenScope, payloadDigest } from '../../protocol/index.js';
import { MfaError, MfaInvalidCodeError, MfaRateLimitedError } from '../errors.js';
import { createPromptController, type CreatePromptControllerOptions } from './prompt-controller.js';
import type { MfaPromptState } from './prompt-state.js';
import { preloadPasskeyVerification } from './verification-flow.js';
import { createTokenStore } from '../tokens/token-store.js';
import { FAR_FUTURE, PASSKEY, flush, methodsResponse, stubApi, stubWebAuthn } from '../test-support/stub-api.js';

const EXPORT = { requestedScopes: [TokenScope.Walletexport] };

function given(options: Partial<CreatePromptControllerOptions> & { api?: ReturnType<typeof stubApi> } = {}) {
  const api = options.api ?? stubApi();
  const webauthn = stubWebAuthn();
  const controller = createPromptController({ successDelayMs: 0, webauthn: webauthn.seam, ...options, api });
  const steps: string[] = [];
  controller.subscribe(() => steps.push(controller.getState().step));
  return { api, webauthn, controller, steps, state: () => controller.getState() };
}

async function untilStep(state: () => MfaPromptState, step: MfaPromptState['step']) {
  await vi.waitFor(() => expect(state().step).toBe(step));
}

// Loaded on demand in an app; here once, up front (prompt-controller.passkey-loading.test.ts covers the wait).
beforeAll(() => preloadPasskeyVerification());

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('prompt controller', () => {
  describe('given a user with one TOTP device', () => {
    it('when prompted, should load the methods, open TOTP on the default device, and resolve with the token after success', async () => {
      const { controller, api, steps, state } = given();
      const result = controller.prompt(EXPORT);
      expect(state()).toMatchObject({ step: 'loading', request: { requestedScopes: ['wallet:export'] } });
      await untilStep(state, 'totp');
      expect(state()).toMatchObject({ step: 'totp', deviceId: 'dev-1', status: { kind: 'idle' } });

      controller.submitTotpCode('123456');
      expect(state()).toMatchObject({ step: 'totp', status: { kind: 'verifying' } });
      await expect(result).resolves.toBe('totp-token');
      expect(api.verifyTotp).toHaveBeenCalledWith({ code: '123456', deviceId: 'dev-1', requestedScopes: ['wallet:export'] }, expect.anything());
      expect(steps).toEqual(['loading', 'totp', 'totp', 'success', 'closed']);
      expect(controller.tokens.getElevatedAccessToken({ scope: TokenScope.Walletexport })).toBe('totp-token');
    });

    it('when a wrong code is sent, should stay open with attempts left, then resolve on the right code', async () => {
      const { controller, api, state } = given();
      api.verifyTotp.mockRejectedValueOnce(new MfaInvalidCodeError('Wrong code', 4, { status: 401 }));
      const result = controller.prompt(EXPORT);
      await untilStep(state, 'totp');
      controller.submitTotpCode('000000');
      await vi.waitFor(() => expect(state()).toMatchObject({ step: 'totp', status: { kind: 'invalid', attemptsRemaining: 4 } }));
      controller.submitTotpCode('123456');
      await expect(result).resolves.toBe('totp-token');
      expect(api.verifyTotp).toHaveBeenCalledTimes(2);
    });

    it('when rate limited, should show the lockout until retryAt, refuse codes meanwhile, then unlock by itself', async () => {
      vi.useFakeTimers({ now: 1_000_000 });
      const { controller, api, state } = given({ now: () => Date.now() });
      api.verifyTotp.mockRejectedValueOnce(new MfaRateLimitedError('Too many attempts', 300, { status: 429 }));
      void controller.prompt(EXPORT).catch(() => undefined);
      await flush();
      controller.submitTotpCode('000000');
      await flush();
      // vi.waitFor would advance the fake clock, so plain microtask flushes here.
      expect(state()).toMatchObject({ step: 'totp', status: { kind: 'locked', retryAt: 1_000_000 + 300_000 } });

      controller.submitTotpCode('123456');
      expect(api.verifyTotp).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(300_000);
      expect(state()).toMatchObject({ step: 'totp', status: { kind: 'idle' } });
    });

    it('when the network fails, should show failed, and retry() should send the same code again', async () => {
      const { controller, api, state } = given();
      api.verifyTotp.mockRejectedValueOnce(new MfaError('network_error', 'offline'));
      const result = controller.prompt(EXPORT);
      await untilStep(state, 'totp');
      controller.submitTotpCode('123456');
      await vi.waitFor(() => expect(state()).toMatchObject({ step: 'totp', status: { kind: 'failed', error: { code: 'network_error' } } }));
      controller.retry();
      await expect(result).resolves.toBe('totp-token');
      expect(api.verifyTotp).toHaveBeenLastCalledWith(expect.objectContaining({ code: '123456' }), expect.anything());
    });

    it('when the methods cannot load, should show the error step and retry() should load again', async () => {
      const { controller, api, state } = given();
      api.getMethods.mockRejectedValueOnce(new MfaError('timeout', 'slow'));
      void controller.prompt(EXPORT).catch(() => undefined);
      await vi.waitFor(() => expect(state()).toMatchObject({ step: 'error', error: { code: 'timeout' } }));
      controller.retry();
      await untilStep(state, 'totp');
      expect(api.getMethods).toHaveBeenCalledTimes(2);
    });

    it('when the session is gone (unauthenticated), should reject the prompt instead of offering retry', async () => {
      const onFailure = vi.fn();
      const { controller, api, state } = given({ onFailure });
      api.verifyTotp.mockRejectedValueOnce(new MfaError('unauthenticated', 'no session', { status: 401 }));
      const result = controller.prompt(EXPORT);
      await untilStep(state, 'totp');
      controller.submitTotpCode('123456');
      await expect(result).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(state().step).toBe('closed');
      expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ code: 'unauthenticated' }), expect.objectContaining({ final: true }));
    });

    it('from TOTP, the recovery step should be reachable and resolve with a recovery code', async () => {
      const { controller, api, state } = given();
      const result = controller.prompt(EXPORT);
      await untilStep(state, 'totp');
      controller.chooseMethod('recovery_code');
      expect(state()).toMatchObject({ step: 'recovery', status: { kind: 'idle' } });
      controller.submitRecoveryCode('abcd-efgh');
      await expect(result).resolves.toBe('recovery-token');
      expect(api.verifyRecoveryCode).toHaveBeenCalledWith({ code: 'abcd-efgh', requestedScopes: ['wallet:export'] }, expect.anything());
    });
  });

  describe('given a user with a passkey and TOTP', () => {
    const both = () => stubApi(methodsResponse({ passkeys: [PASSKEY] }));

    it('when prompted the first time, should offer the choice; the method used then becomes the default', async () => {
      const { controller, webauthn, state } = given({ api: both() });
      const first = controller.prompt(EXPORT);
      await untilStep(state, 'choosing');
      expect(state()).toMatchObject({ available: { methods: ['totp', 'passkey'], webAuthnSupported: true } });
      controller.chooseMethod('passkey');
      expect(state()).toMatchObject({ step: 'passkey', status: { kind: 'waiting' } });
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalledTimes(1));
      webauthn.succeed();
      await expect(first).resolves.toBe('passkey-token');
      expect(controller.getLastUsedMethod()).toBe('passkey');

      const second = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      await untilStep(state, 'passkey');
      expect(state()).toMatchObject({ available: { methods: ['passkey', 'totp'] } });
      controller.chooseMethod('choose');
      expect(state()).toMatchObject({ step: 'choosing', lastUsed: 'passkey' });
      controller.cancel();
      await expect(second).rejects.toMatchObject({ code: 'mfa_cancelled' });
    });

    it('when the passkey dialog is dismissed (NotAllowedError), should show cancelled, and startPasskey() should try again', async () => {
      const { controller, webauthn, api, state } = given({ api: both(), methods: ['passkey', 'recovery_code'] });
      const result = controller.prompt(EXPORT);
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalledTimes(1));
      webauthn.failWith('NotAllowedError');
      await vi.waitFor(() => expect(state()).toMatchObject({ step: 'passkey', status: { kind: 'cancelled' } }));

      controller.startPasskey();
      expect(state()).toMatchObject({ step: 'passkey', status: { kind: 'waiting' } });
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalledTimes(2));
      webauthn.succeed();
      await expect(result).resolves.toBe('passkey-token');
      expect(api.verifyPasskeyAuthentication).toHaveBeenCalledTimes(1);
    });

    it('from a passkey ceremony in progress, "Lost access?" should abort it and open the recovery step', async () => {
      const { controller, webauthn, state } = given({ api: both(), methods: ['passkey', 'recovery_code'] });
      const result = controller.prompt(EXPORT);
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalledTimes(1));
      controller.chooseMethod('recovery_code');
      expect(webauthn.seam.cancelCeremony).toHaveBeenCalledTimes(1);
      expect(state()).toMatchObject({ step: 'recovery', status: { kind: 'idle' } });
      controller.submitRecoveryCode('abcd-efgh');
      await expect(result).resolves.toBe('recovery-token');
    });

    it('when WebAuthn is unsupported, should hide the passkey and open TOTP directly', async () => {
      const api = both();
      const webauthn = stubWebAuthn(false);
      const controller = createPromptController({ api, webauthn: webauthn.seam, successDelayMs: 0 });
      void controller.prompt(EXPORT).catch(() => undefined);
      await vi.waitFor(() => expect(controller.getState().step).toBe('totp'));
      expect(controller.getState()).toMatchObject({ available: { methods: ['totp'], webAuthnSupported: false } });
      controller.chooseMethod('passkey');
      expect(controller.getState().step).toBe('totp');
      controller.cancel();
    });

    it('when the app enables only TOTP, should never offer the passkey', async () => {
      const { controller, state } = given({ api: both(), methods: ['totp'] });
      void controller.prompt(EXPORT).catch(() => undefined);
      await untilStep(state, 'totp');
      expect(state()).toMatchObject({ available: { methods: ['totp'] } });
      controller.chooseMethod('recovery_code');
      expect(state().step).toBe('totp');
      controller.cancel();
    });
  });

  describe('given an action-bound prompt', () => {
    it('should send the payload digest with a TOTP verify call', async () => {
      const { controller, api } = given();
      const payload = { message: 'hello' };
      const result = controller.prompt({ requestedScopes: [TokenScope.Walletsign], action: { mfaAction: MFAAction.WalletWaasSign, payload } });
      await vi.waitFor(() => expect(controller.getState().step).toBe('totp'));
      controller.submitTotpCode('123456');
      await result;
      expect(api.verifyTotp).toHaveBeenCalledWith(
        {
          code: '123456',
          deviceId: 'dev-1',
          requestedScopes: ['wallet:sign'],
          action: { mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest(payload) },
        },
        expect.anything(),
      );
    });

    it('should not share a modal with the same action for another payload', async () => {
      const { controller, api } = given();
      const a = controller.prompt({ action: { mfaAction: MFAAction.WalletWaasSign, payload: { message: 'A' } } });
      const b = controller.prompt({ action: { mfaAction: MFAAction.WalletWaasSign, payload: { message: 'B' } } });
      await vi.waitFor(() => expect(controller.getState().step).toBe('totp'));
      controller.submitTotpCode('111111');
      await a;
      await vi.waitFor(() => expect(controller.getState()).toMatchObject({ step: 'totp', request: { action: { payload: { message: 'B' } } } }));
      controller.submitTotpCode('222222');
      await b;
      expect(api.verifyTotp).toHaveBeenCalledTimes(2);
    });

    it('should send the payload digest with the passkey options and the verify call', async () => {
      const api = stubApi(methodsResponse({ totpDevices: [], passkeys: [PASSKEY] }));
      const { controller, webauthn, state } = given({ api });
      const payload = { message: 'hello' };
      const result = controller.prompt({ action: { mfaAction: MFAAction.WalletWaasSign, payload, summary: 'Sign “hello”' } });
      const action = { mfaAction: 'wallet.waas.sign', payloadDigest: await payloadDigest(payload) };
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalled());
      expect(state()).toMatchObject({ request: { requestedScopes: ['wallet:sign'], action: { summary: 'Sign “hello”' } } });
      expect(api.passkeyAuthenticationOptions).toHaveBeenCalledWith({ action }, expect.anything());
      webauthn.succeed();
      await result;
      expect(api.verifyPasskeyAuthentication).toHaveBeenCalledWith(expect.objectContaining({ action, requestedScopes: ['wallet:sign'] }), expect.anything());
    });
  });

  describe('given a stored token', () => {
    it('when it covers every requested scope, should resolve at once with no UI', async () => {
      const tokens = createTokenStore();
      tokens.saveElevatedToken({ token: 'stored', scopes: ['wallet:export', 'wallet:sign'], expiresAt: FAR_FUTURE, singleUse: false });
      const { controller, api, steps } = given({ tokens });
      await expect(controller.prompt({ requestedScopes: [TokenScope.Walletsign, TokenScope.Walletexport] })).resolves.toBe('stored');
      expect(steps).toEqual([]);
      expect(api.getMethods).not.toHaveBeenCalled();
    });

    it('when it misses one scope, should open the modal', async () => {
      const tokens = createTokenStore();
      tokens.saveElevatedToken({ token: 'stored', scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse: false });
      const { controller, state } = given({ tokens });
      void controller.prompt({ requestedScopes: [TokenScope.Walletsign, TokenScope.Walletexport] }).catch(() => undefined);
      expect(state().step).not.toBe('closed');
      controller.cancel();
    });
  });

  describe('given the deprecated legacy flow', () => {
    it('should warn once and resolve with the legacy MFA token', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { controller, api, state } = given();
      api.verifyTotp.mockResolvedValue({ method: 'totp', mfaToken: { token: 'legacy', expiresAt: FAR_FUTURE, singleUse: true } });
      for (let i = 0; i < 2; i += 1) {
        const result = controller.prompt({ createMfaToken: true });
        await untilStep(state, 'totp');
        controller.submitTotpCode('123456');
        await expect(result).resolves.toBe('legacy');
      }
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/deprecated/);
      expect(api.verifyTotp).toHaveBeenCalledWith({ code: '123456', deviceId: 'dev-1', createMfaToken: { singleUse: true } }, expect.anything());
    });
  });

  describe('given an action with something it does not cover', () => {
    it('should reject invalid_request without opening or calling the server', async () => {
      const { controller, state, api } = given();
      const action = { mfaAction: MFAAction.WalletWaasSign, payload: { message: 'A' } };
      await expect(controller.prompt({ requestedScopes: [TokenScope.Walletsign, TokenScope.Walletexport], action })).rejects.toMatchObject({
        code: 'invalid_request',
      });
      await expect(controller.prompt({ createMfaToken: true, action })).rejects.toMatchObject({ code: 'invalid_request' });
      expect(state().step).toBe('closed');
      expect(api.getMethods).not.toHaveBeenCalled();
    });
  });

  describe('given a prompt that asks for nothing', () => {
    it('should reject invalid_request without opening', async () => {
      const { controller, state } = given();
      await expect(controller.prompt({})).rejects.toMatchObject({ code: 'invalid_request' });
      expect(state().step).toBe('closed');
    });
  });

  describe('given a success delay', () => {
    it('should show success for successDelayMs before resolving', async () => {
      vi.useFakeTimers();
      const { controller, state } = given({ successDelayMs: 600 });
      let resolved = false;
      const result = controller.prompt(EXPORT).then((token) => ((resolved = true), token));
      await flush();
      controller.submitTotpCode('123456');
      await flush();
      expect(state()).toMatchObject({ step: 'success', method: 'totp' });
      vi.advanceTimersByTime(599);
      await flush();
      expect(resolved).toBe(false);
      vi.advanceTimersByTime(1);
      await expect(result).resolves.toBe('totp-token');
      expect(state().step).toBe('closed');
    });
  });
});
