/** Renders parts of the kit under a hand-made context, with a trigger button to return focus to. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createTokenStore } from '../../core/token-store.js';
import type { MfaApi } from '../../core/mfa-api.js';
import type { MfaMethod } from '../../protocol/index.js';
import { MfaKitProvider, type MfaKitContextValue } from '../mfa-kit-context.js';
import { MfaModal } from '../modal/mfa-modal.js';
import { en } from '../strings/en.js';
import type { FixtureController } from './fixture-controller.js';

/** Every route rejects unless a test gives it an answer. */
export function stubApi(overrides: Partial<MfaApi> = {}): MfaApi {
  const missing = (name: string) => () => Promise.reject(new Error(`stubApi.${name} was not expected`));
  const names: Array<keyof MfaApi> = [
    'getMethods', 'isActionRequired', 'createTotpDevice', 'verifyTotpDevice', 'setDefaultTotpDevice', 'deleteTotpDevice',
    'verifyTotp', 'passkeyRegistrationOptions', 'verifyPasskeyRegistration', 'renamePasskey', 'deletePasskey',
    'passkeyAuthenticationOptions', 'verifyPasskeyAuthentication', 'regenerateRecoveryCodes', 'acknowledgeRecoveryCodes',
    'verifyRecoveryCode',
  ];
  const api = Object.fromEntries(names.map((name) => [name, missing(name)])) as unknown as MfaApi;
  return { ...api, ...overrides };
}

export function kitValue(controller: FixtureController, overrides: Partial<MfaKitContextValue> = {}): MfaKitContextValue {
  return {
    api: stubApi(),
    tokens: createTokenStore(),
    controller,
    strings: en,
    theme: 'light',
    methods: ['totp', 'passkey', 'recovery_code'] satisfies MfaMethod[],
    ...overrides,
  };
}

export function renderModal(controller: FixtureController, overrides: Partial<MfaKitContextValue> = {}, extra?: ReactNode) {
  return render(
    <MfaKitProvider value={kitValue(controller, overrides)}>
      <main>
        <button type="button" onClick={() => void controller.promptMfaAuth().catch(() => undefined)}>
          Export private key
        </button>
        {extra}
      </main>
      <MfaModal />
    </MfaKitProvider>,
  );
}
