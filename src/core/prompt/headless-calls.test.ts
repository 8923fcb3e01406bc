import { describe, expect, it, vi } from 'vitest';
import { MFAAction, payloadDigest } from '../../protocol/index.js';
import { MfaCancelledError } from '../errors.js';
import { createTokenStore } from '../tokens/token-store.js';
import { createHeadlessCalls, headlessCallsOf } from './headless-calls.js';
import { createPromptController } from './prompt-controller.js';
import { flush, stubApi, stubWebAuthn } from '../test-support/stub-api.js';

describe('headless calls', () => {
  it('should bind a passkey approval to its action, in the challenge and the verify call', async () => {
    const api = stubApi();
    const webauthn = stubWebAuthn();
    const tokens = createTokenStore();
    const calls = createHeadlessCalls({ api, tokens, webauthn: webauthn.seam });
    const payload = { to: '0xabc', value: '1' };
    const verified = calls.verify({ method: 'passkey', action: { mfaAction: MFAAction.WalletWaasSign, payload } });
    // The digest is SubtleCrypto's (a task, not a microtask): wait for the ceremony to start.
    await vi.waitFor(() => expect(webauthn.seam.startAuthentication).toHaveBeenCalled());
    webauthn.succeed();
    await verified;
    const binding = { mfaAction: MFAAction.WalletWaasSign, payloadDigest: await payloadDigest(payload) };
    expect(api.passkeyAuthenticationOptions).toHaveBeenCalledWith({ action: binding }, {});
    expect(api.verifyPasskeyAuthentication.mock.calls[0]?.[0]).toMatchObject({ action: binding });
    // The token is stored bound: a scope-only check does not count it.
    expect(tokens.coversScope('wallet:export')).toBe(false);
  });

  it('should cancel the ceremony and reject with MfaCancelledError when the caller aborts', async () => {
    const webauthn = stubWebAuthn();
    const calls = createHeadlessCalls({ api: stubApi(), tokens: createTokenStore(), webauthn: webauthn.seam });
    const abort = new AbortController();
    const verified = calls.verify({ method: 'passkey', requestedScopes: ['wallet:export'], signal: abort.signal });
    await flush();
    abort.abort();
    await expect(verified).rejects.toBeInstanceOf(MfaCancelledError);
    expect(webauthn.seam.cancelCeremony).toHaveBeenCalledTimes(1);
  });

  it("should be one set per controller, using its seam, and drop a pending enrollment with the controller's session", async () => {
    const api = stubApi();
    const webauthn = stubWebAuthn();
    const controller = createPromptController({ api, webauthn: webauthn.seam });
    expect(headlessCallsOf(controller)).toBe(headlessCallsOf(controller));

    await headlessCallsOf(controller).addTotpDevice();
    controller.forgetMethods();
    await headlessCallsOf(controller).verify({ method: 'totp', code: '123456' });
    // The device made before the session changed is not confirmed by the next user's code.
    expect(api.verifyTotpDevice).not.toHaveBeenCalled();
    expect(api.verifyTotp).toHaveBeenCalledTimes(1);

    const registered = headlessCallsOf(controller).registerPasskey();
    await vi.waitFor(() => expect(webauthn.seam.startRegistration).toHaveBeenCalled());
    webauthn.succeed();
    await registered;
  });
});
