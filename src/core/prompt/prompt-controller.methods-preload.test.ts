// The user's methods are known before a prompt opens: the first step is set in the very call
// that opens the prompt, with no request in between, and a change to the factors is never
// answered from the old list.
import { describe, expect, it } from 'vitest';
import { createPromptController, preloadEnrollmentFlow } from './prompt-controller.js';
import { methodsResponse, stubApi } from '../test-support/stub-api.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a prompt after the methods were preloaded', () => {
  it('opens its first step in the same tick, without asking the server again', async () => {
    const api = stubApi();
    const controller = createPromptController({ api, successDelayMs: 0 });
    controller.preloadMethods();
    await settle();
    expect(api.getMethods).toHaveBeenCalledTimes(1);

    void controller.prompt({ requestedScopes: ['wallet:export'] }).catch(() => {});
    expect(controller.getState().step).toBe('totp');
    // The list is refreshed behind the open step, for the next prompt.
    expect(api.getMethods).toHaveBeenCalledTimes(2);
    controller.cancel();
  });

  it('without a preload, loads first (the control: the same prompt starts at loading)', () => {
    const api = stubApi();
    const controller = createPromptController({ api });
    void controller.prompt({ requestedScopes: ['wallet:export'] }).catch(() => {});
    expect(controller.getState().step).toBe('loading');
    controller.cancel();
  });

  it('drops the list when a factor is removed, so the next prompt sees the change', async () => {
    const api = stubApi();
    const controller = createPromptController({ api });
    controller.preloadMethods();
    await settle();
    api.getMethods.mockImplementation(async () => methodsResponse({ totpDevices: [], userHasVerifiedMfaMethods: false }));
    // An answer to the old list still in flight is not kept after the change.
    await controller.api.deleteTotpDevice('dev-1');
    await settle();
    // The refreshed list has no method, so it started loading enrollment; here it has arrived.
    await preloadEnrollmentFlow();
    void controller.prompt({ requestedScopes: ['wallet:export'] }).catch(() => {});
    expect(controller.getState().step).toBe('enrolling');
    controller.cancel();
  });

  it('forgets the list when the session changes', async () => {
    const api = stubApi();
    const controller = createPromptController({ api });
    controller.preloadMethods();
    await settle();
    controller.forgetMethods();
    void controller.prompt({ requestedScopes: ['wallet:export'] }).catch(() => {});
    expect(controller.getState().step).toBe('loading');
    controller.cancel();
  });
});
