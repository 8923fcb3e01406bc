// Two action-bound prompts asked one after the other must open in that order, even when the
// second one's payload digest (a WebCrypto job) finishes first.
import { describe, expect, it, vi } from 'vitest';
import { MFAAction } from '../../protocol/index.js';
import { createPromptController } from './prompt-controller.js';
import { stubApi, stubWebAuthn } from '../test-support/stub-api.js';

const pending = new Map<string, (digest: string) => void>();
vi.mock('../../protocol/payload-digest.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../protocol/payload-digest.js')>()),
  payloadDigest: (payload: { message: string }) => new Promise<string>((resolve) => pending.set(payload.message, resolve)),
}));

describe('action-bound prompts', () => {
  it('open in the order they were asked, whichever digest finishes first', async () => {
    const controller = createPromptController({ successDelayMs: 0, webauthn: stubWebAuthn().seam, api: stubApi() });
    const sign = (message: string) => controller.prompt({ action: { mfaAction: MFAAction.WalletWaasSign, payload: { message } } });
    const first = sign('A');
    const second = sign('B');
    await vi.waitFor(() => expect([...pending.keys()]).toEqual(['A', 'B']));
    pending.get('B')!('digest-B');
    pending.get('A')!('digest-A');

    await vi.waitFor(() => expect(controller.getState()).toMatchObject({ step: 'totp', request: { action: { payload: { message: 'A' } } } }));
    controller.submitTotpCode('111111');
    await first;
    await vi.waitFor(() => expect(controller.getState()).toMatchObject({ step: 'totp', request: { action: { payload: { message: 'B' } } } }));
    controller.submitTotpCode('222222');
    await second;
  });
});
