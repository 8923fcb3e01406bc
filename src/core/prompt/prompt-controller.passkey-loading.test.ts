/**
 * The passkey step-up loads on demand: it is fetched once the user's methods show a passkey,
 * and a prompt that opens on the passkey before it has arrived stays on `loading` (the
 * modal's spinner) until it is there. A file of its own, so the passkey code is not loaded
 * yet when it starts.
 */
import { describe, expect, it, vi } from 'vitest';
import { TokenScope } from '../../protocol/index.js';
import { createPromptController } from './prompt-controller.js';
import { preloadPasskeyVerification } from './verification-flow.js';
import { PASSKEY, flush, methodsResponse, stubApi, stubWebAuthn } from '../test-support/stub-api.js';

const PASSKEY_ONLY = methodsResponse({ totpDevices: [], passkeys: [PASSKEY] });

describe('prompt controller: a passkey before its code has arrived', () => {
  it('should stay loading, then start the ceremony for the prompt still open when the code arrives', async () => {
    const webauthn = stubWebAuthn();
    const controller = createPromptController({ api: stubApi(PASSKEY_ONLY), webauthn: webauthn.seam, successDelayMs: 0 });
    const result = controller.prompt({ requestedScopes: [TokenScope.Walletexport] });
    expect(controller.getState().step).toBe('loading');
    await preloadPasskeyVerification();
    await flush();
    expect(controller.getState()).toMatchObject({ step: 'passkey', request: { requestedScopes: [TokenScope.Walletexport] } });
    await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalledTimes(1));
    webauthn.succeed();
    await expect(result).resolves.toBe('passkey-token');
  });

  it('should report every methods answer to onMethodsLoaded, so a UI can fetch what that user will see', async () => {
    const onMethodsLoaded = vi.fn();
    const controller = createPromptController({ api: stubApi(PASSKEY_ONLY), webauthn: stubWebAuthn().seam, onMethodsLoaded });
    controller.preloadMethods();
    await vi.waitFor(() => expect(onMethodsLoaded).toHaveBeenCalledWith(PASSKEY_ONLY));
  });
});
