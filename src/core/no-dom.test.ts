// The core promises to run where there is no DOM (a worker, a server render, React Native):
// this file runs in the `core` project, plain Node, and proves the promise holds there.
import * as core from 'mfa-kit';
import { stubApi } from './test-support/stub-api.js';

describe('the core without a DOM', () => {
  it('runs where there is no window, document or localStorage', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof localStorage).toBe('undefined');
  });

  it('loads every public name and completes a TOTP prompt', async () => {
    const controller = core.createPromptController({ api: stubApi(), successDelayMs: 0 });
    const token = controller.prompt({ requestedScopes: [core.TokenScope.Walletexport] });
    await vi.waitFor(() => expect(controller.getState().step).toBe('totp'));
    controller.submitTotpCode('123456');
    await expect(token).resolves.toBe('totp-token');
  });
});
