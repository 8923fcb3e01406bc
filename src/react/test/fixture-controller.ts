/**
 * A hand-written prompt controller for component tests: the test sets each snapshot and
 * watches which flow methods the modal calls. `promptMfaAuth` opens at `initial` and
 * settles through `resolve()` / `cancel()`, so the promise contract can be checked too.
 */
import { vi } from 'vitest';
import { MfaCancelledError } from '../../core/errors.js';
import type { MfaAvailableMethods, MfaPromptRequest, MfaPromptState } from '../../core/prompt/prompt-state.js';
import type { MfaApi } from '../../core/http/mfa-api.js';
import type { PromptController } from '../../core/prompt/prompt-controller.js';
import { createTokenStore } from '../../core/tokens/token-store.js';
import type { WebAuthnSeam } from '../../core/passkey/webauthn-seam.js';
import { stubApi } from './stub-api.js';

export const REQUEST: MfaPromptRequest = { requestedScopes: ['wallet:export'] };

export function available(overrides: Partial<MfaAvailableMethods> = {}): MfaAvailableMethods {
  return {
    totpDevices: [{ id: 'dev-1', createdAt: '2026-11-01T10:00:00.000Z', isDefault: true }],
    passkeys: [{ id: 'pk-1', name: 'MacBook', createdAt: '2026-11-02T10:00:00.000Z', lastUsedAt: null }],
    recoveryCodesRemaining: 10,
    methods: ['totp', 'passkey'],
    webAuthnSupported: true,
    ...overrides,
  };
}

export interface FixtureController extends PromptController {
  set(state: MfaPromptState): void;
  resolve(token: string): void;
  actions: {
    chooseMethod: ReturnType<typeof vi.fn>;
    submitTotpCode: ReturnType<typeof vi.fn>;
    startPasskey: ReturnType<typeof vi.fn>;
    submitRecoveryCode: ReturnType<typeof vi.fn>;
    retry: ReturnType<typeof vi.fn>;
    startEnrollment: ReturnType<typeof vi.fn>;
    submitEnrollmentTotpCode: ReturnType<typeof vi.fn>;
    acknowledgeRecoveryCodes: ReturnType<typeof vi.fn>;
    cancel: ReturnType<typeof vi.fn>;
  };
}

export function createFixtureController(
  initial: MfaPromptState = { step: 'closed' },
  api: MfaApi = stubApi(),
  webauthn: WebAuthnSeam = { startAuthentication: vi.fn(), startRegistration: vi.fn(), isSupported: () => true },
): FixtureController {
  let state = initial;
  const tokens = createTokenStore();
  // The headless calls (`headlessCallsOf`) are the real ones: a component test then sees what a hook sends.
  const forgetListeners = new Set<() => void>();
  const listeners = new Set<() => void>();
  let pending: { resolve: (token: string) => void; reject: (error: unknown) => void } | null = null;
  const set = (next: MfaPromptState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const actions = {
    chooseMethod: vi.fn(),
    submitTotpCode: vi.fn(),
    startPasskey: vi.fn(),
    submitRecoveryCode: vi.fn(),
    retry: vi.fn(),
    startEnrollment: vi.fn(),
    submitEnrollmentTotpCode: vi.fn(),
    acknowledgeRecoveryCodes: vi.fn(),
    cancel: vi.fn(() => {
      pending?.reject(new MfaCancelledError());
      pending = null;
      set({ step: 'closed' });
    }),
  };
  return {
    ...actions,
    actions,
    set,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    api,
    tokens,
    webauthn,
    getLastUsedMethod: () => undefined,
    preloadMethods: vi.fn(),
    forgetMethods: vi.fn(() => forgetListeners.forEach((listener) => listener())),
    onForget(listener) {
      forgetListeners.add(listener);
      return () => forgetListeners.delete(listener);
    },
    closeAll: vi.fn(),
    prompt() {
      return new Promise<string>((resolve, reject) => {
        pending = { resolve, reject };
        if (state.step === 'closed') set({ step: 'loading', request: REQUEST, promptId: 1 });
      });
    },
    resolve(token) {
      pending?.resolve(token);
      pending = null;
      set({ step: 'closed' });
    },
  };
}
