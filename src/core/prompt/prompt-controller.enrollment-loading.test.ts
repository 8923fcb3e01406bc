/**
 * The enrollment flow loads on demand: a prompt for a user with no method that opens before it
 * has arrived stays on `loading` (the modal's spinner) and opens enrollment once it is there.
 * A file of its own, so the flow is not loaded yet when it starts.
 */
import { describe, expect, it } from 'vitest';
import { TokenScope } from '../../protocol/index.js';
import { createPromptController, preloadEnrollmentFlow } from './prompt-controller.js';
import { flush, methodsResponse, stubApi, stubWebAuthn } from '../test-support/stub-api.js';

const NO_METHODS = methodsResponse({ totpDevices: [], passkeys: [], recoveryCodes: { remaining: 0, acknowledged: false }, userHasVerifiedMfaMethods: false });

describe('prompt controller: enrollment before its flow has arrived', () => {
  it('should stay loading, then open the enrollment choice for the prompt still open when the flow arrives', async () => {
    const controller = createPromptController({ api: stubApi(NO_METHODS), webauthn: stubWebAuthn(true).seam, successDelayMs: 0 });
    const cancelled = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
    await flush();
    expect(controller.getState().step).toBe('loading');
    controller.cancel();
    await expect(cancelled).rejects.toMatchObject({ code: 'mfa_cancelled' });

    const result = controller.prompt({ requestedScopes: [TokenScope.Walletsign] });
    await flush();
    expect(controller.getState().step).toBe('loading');
    await preloadEnrollmentFlow();
    await flush();
    expect(controller.getState()).toMatchObject({
      step: 'enrolling',
      request: { requestedScopes: [TokenScope.Walletsign] },
      enrollment: { stage: 'choose', options: ['totp', 'passkey'] },
    });
    controller.cancel();
    await expect(result).rejects.toMatchObject({ code: 'mfa_cancelled' });
  });
});
