/**
 * docs/architecture.md §5: concurrent prompts never open two modals. Identical ones share one modal and
 * one result; different ones queue, first come first served. Esc, close or the caller's
 * AbortSignal reject with MfaCancelledError and abort a passkey ceremony in progress.
 */
import { describe, expect, it, vi } from 'vitest';
import { TokenScope } from '../../protocol/index.js';
import { MfaCancelledError } from '../errors.js';
import { createPromptController } from './prompt-controller.js';
import { PASSKEY, flush, methodsResponse, stubApi, stubWebAuthn, verifyResponse } from '../test-support/stub-api.js';

function given(api = stubApi()) {
  const webauthn = stubWebAuthn();
  const controller = createPromptController({ api, webauthn: webauthn.seam, successDelayMs: 0 });
  const promptIds = new Set<number>();
  controller.subscribe(() => {
    const state = controller.getState();
    if (state.step !== 'closed') promptIds.add(state.promptId);
  });
  return { api, webauthn, controller, promptIds, state: () => controller.getState() };
}

describe('prompt controller: concurrency', () => {
  describe('given three identical prompts at once', () => {
    it('should open one modal, verify once, and resolve all three with the same token', async () => {
      const { controller, api, promptIds } = given();
      // A multi-use token may be shared; a single-use one may not (below).
      api.verifyTotp.mockResolvedValue(verifyResponse('totp-token', 'totp', false));
      const results = [1, 2, 3].map(() => controller.prompt({ requestedScopes: [TokenScope.Walletsign] }));
      await flush();
      expect(api.getMethods).toHaveBeenCalledTimes(1);
      controller.submitTotpCode('123456');
      await expect(Promise.all(results)).resolves.toEqual(['totp-token', 'totp-token', 'totp-token']);
      expect(api.verifyTotp).toHaveBeenCalledTimes(1);
      expect(promptIds.size).toBe(1);
    });

    it('should treat the same scopes in another order as identical', async () => {
      const { controller, api } = given();
      api.verifyTotp.mockResolvedValue(verifyResponse('totp-token', 'totp', false));
      const a = controller.prompt({ requestedScopes: [TokenScope.Walletsign, TokenScope.Walletexport] });
      const b = controller.prompt({ requestedScopes: [TokenScope.Walletexport, TokenScope.Walletsign] });
      await flush();
      controller.submitTotpCode('123456');
      await expect(Promise.all([a, b])).resolves.toEqual(['totp-token', 'totp-token']);
      expect(api.verifyTotp).toHaveBeenCalledTimes(1);
    });
  });

  describe('given two identical prompts and a single-use token', () => {
    it('should hand the token to the first caller only and ask again, in the same modal, for the second', async () => {
      const { controller, api, state, promptIds } = given();
      api.verifyTotp.mockResolvedValueOnce(verifyResponse('first-token')).mockResolvedValueOnce(verifyResponse('second-token'));
      const first = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      const second = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      await flush();
      controller.submitTotpCode('111111');
      await expect(first).resolves.toBe('first-token');
      await flush();
      expect(state()).toMatchObject({ step: 'totp', request: { requestedScopes: ['wallet:sign'] } });
      controller.submitTotpCode('222222');
      await expect(second).resolves.toBe('second-token');
      expect(api.verifyTotp).toHaveBeenCalledTimes(2);
      expect(promptIds.size).toBe(2);
      expect(state().step).toBe('closed');
    });

    it('when the user presses Esc during the success state, should give the first its token and reject the second', async () => {
      const api = stubApi();
      const controller = createPromptController({ api, webauthn: stubWebAuthn().seam, successDelayMs: 10_000 });
      const first = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      const second = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      await flush();
      controller.submitTotpCode('111111');
      await flush();
      expect(controller.getState().step).toBe('success');
      controller.cancel();
      await expect(first).resolves.toBe('totp-token');
      await expect(second).rejects.toBeInstanceOf(MfaCancelledError);
      expect(controller.getState().step).toBe('closed');
    });
  });

  describe('given two different prompts at once', () => {
    it('should show them one after the other, first come first served', async () => {
      const { controller, api, state } = given();
      api.verifyTotp.mockResolvedValueOnce(verifyResponse('export-token')).mockResolvedValueOnce(verifyResponse('sign-token'));
      const exportResult = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
      const signResult = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      await flush();
      expect(state()).toMatchObject({ step: 'totp', request: { requestedScopes: ['wallet:export'] } });
      const firstId = state().step === 'totp' ? state() : undefined;

      controller.submitTotpCode('111111');
      await expect(exportResult).resolves.toBe('export-token');
      await flush();
      expect(state()).toMatchObject({ step: 'totp', request: { requestedScopes: ['wallet:sign'] } });
      expect(state()).not.toMatchObject({ promptId: (firstId as { promptId: number }).promptId });

      controller.submitTotpCode('222222');
      await expect(signResult).resolves.toBe('sign-token');
      expect(state().step).toBe('closed');
    });

    it('when the first is cancelled, should reject only it and open the next', async () => {
      const { controller, state } = given();
      const first = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
      const second = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      await flush();
      controller.cancel();
      await expect(first).rejects.toBeInstanceOf(MfaCancelledError);
      await flush();
      expect(state()).toMatchObject({ step: 'totp', request: { requestedScopes: ['wallet:sign'] } });
      controller.submitTotpCode('123456');
      await expect(second).resolves.toBe('totp-token');
    });
  });

  describe('given a caller AbortSignal', () => {
    it('when aborted before the prompt, should reject at once and open nothing', async () => {
      const { controller, state, api } = given();
      const signal = AbortSignal.abort();
      await expect(controller.prompt({ requestedScopes: [TokenScope.Walletsign], signal })).rejects.toBeInstanceOf(MfaCancelledError);
      expect(state().step).toBe('closed');
      expect(api.getMethods).not.toHaveBeenCalled();
    });

    it('when one of two sharing callers aborts, should reject it only and keep the modal for the other', async () => {
      const { controller, state } = given();
      const aborter = new AbortController();
      const leaving = controller.prompt({ requestedScopes: [TokenScope.Walletsign], signal: aborter.signal });
      const staying = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      await flush();
      aborter.abort();
      await expect(leaving).rejects.toBeInstanceOf(MfaCancelledError);
      expect(state().step).toBe('totp');
      controller.submitTotpCode('123456');
      await expect(staying).resolves.toBe('totp-token');
    });

    it('when a queued prompt is aborted, should drop it without ever showing it', async () => {
      const { controller, state } = given();
      const aborter = new AbortController();
      const first = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
      const queued = controller.prompt({ requestedScopes: [TokenScope.Walletsign], signal: aborter.signal });
      await flush();
      aborter.abort();
      await expect(queued).rejects.toBeInstanceOf(MfaCancelledError);
      controller.submitTotpCode('123456');
      await first;
      await flush();
      expect(state().step).toBe('closed');
    });

    it('when a settled caller aborts as the next prompt opens, should leave the rest of the queue alone', async () => {
      const { controller, state } = given();
      const aborter = new AbortController();
      const first = controller.prompt({ requestedScopes: [TokenScope.Walletexport], signal: aborter.signal });
      const second = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      const third = controller.prompt({ requestedScopes: [TokenScope.Userupdate] });
      // An app that tears its request down the moment the modal moves on.
      controller.subscribe(() => {
        const now = state();
        if (now.step === 'loading' && now.promptId !== 1) aborter.abort();
      });
      await flush();
      controller.submitTotpCode('111111');
      await expect(first).resolves.toBe('totp-token');
      await flush();
      controller.submitTotpCode('222222');
      await expect(second).resolves.toBe('totp-token');
      await flush();
      expect(state()).toMatchObject({ step: 'totp', request: { requestedScopes: ['user:update'] } });
      controller.submitTotpCode('333333');
      await expect(third).resolves.toBe('totp-token');
    });

    it('when aborted during a passkey ceremony, should reject, abort the ceremony and close', async () => {
      const api = stubApi(methodsResponse({ totpDevices: [], passkeys: [PASSKEY] }));
      const { controller, webauthn, state } = given(api);
      const aborter = new AbortController();
      const result = controller.prompt({ requestedScopes: [TokenScope.Walletexport], signal: aborter.signal });
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalled());
      aborter.abort();
      await expect(result).rejects.toBeInstanceOf(MfaCancelledError);
      expect(webauthn.seam.cancelCeremony).toHaveBeenCalledTimes(1);
      await flush();
      expect(state().step).toBe('closed');
      expect(api.verifyPasskeyAuthentication).not.toHaveBeenCalled();
    });
  });

  describe('given the user closes the modal (cancel)', () => {
    it('during a passkey ceremony, should reject with MfaCancelledError and abort the ceremony', async () => {
      const api = stubApi(methodsResponse({ totpDevices: [], passkeys: [PASSKEY] }));
      const { controller, webauthn, state } = given(api);
      const result = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalled());
      controller.cancel();
      await expect(result).rejects.toBeInstanceOf(MfaCancelledError);
      expect(webauthn.seam.cancelCeremony).toHaveBeenCalledTimes(1);
      expect(state().step).toBe('closed');
    });

    it('when switching from passkey to TOTP, should abort the ceremony and ignore its late answer', async () => {
      const api = stubApi(methodsResponse({ passkeys: [PASSKEY] }));
      const { controller, webauthn, state } = given(api);
      const result = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
      await flush();
      controller.chooseMethod('passkey');
      await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalled());
      controller.chooseMethod('totp');
      expect(webauthn.seam.cancelCeremony).toHaveBeenCalledTimes(1);
      await flush();
      expect(state()).toMatchObject({ step: 'totp', status: { kind: 'idle' } });
      controller.submitTotpCode('123456');
      await expect(result).resolves.toBe('totp-token');
    });
  });

  describe('given closeAll (the provider unmounted)', () => {
    it('should reject the open and the queued prompts with mfa_provider_not_mounted and close', async () => {
      const { controller, state, api } = given();
      const a = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
      const b = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
      await flush();
      controller.closeAll();
      await expect(a).rejects.toMatchObject({ code: 'mfa_provider_not_mounted' });
      await expect(b).rejects.toMatchObject({ code: 'mfa_provider_not_mounted' });
      expect(state().step).toBe('closed');
      expect(api.getMethods).toHaveBeenCalledTimes(1);
    });
  });
});
