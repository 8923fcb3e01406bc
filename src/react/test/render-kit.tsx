/** Renders parts of the kit under a hand-made context, with a trigger button to return focus to. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { MfaMethod } from '../../protocol/index.js';
import { MfaKitProvider, type MfaKitContextValue } from '../mfa-kit-context.js';
import { MfaModal } from '../modal/mfa-modal.js';
import { en } from '../strings/en.js';
import type { FixtureController } from './fixture-controller.js';

export function kitValue(controller: FixtureController, overrides: Partial<MfaKitContextValue> = {}): MfaKitContextValue {
  return {
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
        <button type="button" onClick={() => void controller.prompt().catch(() => undefined)}>
          Export private key
        </button>
        {extra}
      </main>
      <MfaModal />
    </MfaKitProvider>,
  );
}
