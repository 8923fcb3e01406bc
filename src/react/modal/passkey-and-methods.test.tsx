import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MfaError, MfaInvalidCodeError, NoWebAuthnSupportError } from '../../core/errors.js';
import type { MfaPasskeyStatus, MfaPromptState } from '../../core/prompt/prompt-state.js';
import { axeViolations } from '../test/axe.js';
import { available, createFixtureController, REQUEST } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';

const base = { request: REQUEST, promptId: 1 } as const;
const passkey = (status: MfaPasskeyStatus): MfaPromptState => ({ ...base, step: 'passkey', available: available(), status });

describe('passkey step', () => {
  describe('given the ceremony is running', () => {
    it('should say it is waiting for the passkey, with no retry', async () => {
      renderModal(createFixtureController(passkey({ kind: 'waiting' })));
      expect(await screen.findByRole('status')).toHaveTextContent('Waiting for your passkey…');
      expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    });
  });

  describe('when the user cancels the ceremony, then retries', () => {
    it('should say it was cancelled or timed out, and "Try again" should start it again', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(passkey({ kind: 'waiting' }));
      renderModal(controller);
      await screen.findByRole('dialog');
      act(() => controller.set(passkey({ kind: 'cancelled', error: new MfaError('mfa_cancelled', 'NotAllowedError') })));

      expect(screen.getByRole('alert')).toHaveTextContent('The passkey request was cancelled or timed out.');
      expect(await axeViolations()).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(controller.actions.startPasskey).toHaveBeenCalledTimes(1);

      act(() => controller.set(passkey({ kind: 'waiting' })));
      expect(screen.getByRole('status')).toHaveTextContent('Waiting for your passkey…');
      expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    });
  });
});

describe('switching methods', () => {
  describe('given the TOTP step of a user with a passkey too', () => {
    it('should go to the method list, and from there to the passkey', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController({ ...base, step: 'totp', available: available(), status: { kind: 'idle' } });
      renderModal(controller);
      await user.click(await screen.findByRole('button', { name: 'Use another method' }));
      expect(controller.actions.chooseMethod).toHaveBeenLastCalledWith('choose');

      act(() => controller.set({ ...base, step: 'choosing', available: available(), lastUsed: 'totp' }));
      // The choice loads on demand (with the passkey step); its first option takes focus once it is there.
      const list = await screen.findByRole('list', { name: 'Choose how to confirm.' });
      const options = within(list).getAllByRole('button');
      expect(options[0]).toHaveAccessibleName(/Authenticator app.*Last used/);
      expect(options[0]).toHaveFocus();
      await user.click(within(list).getByRole('button', { name: /Passkey/ }));
      expect(controller.actions.chooseMethod).toHaveBeenLastCalledWith('passkey');
    });
  });

  describe('given the browser has no WebAuthn', () => {
    it('should not offer the passkey anywhere', async () => {
      const noWebAuthn = available({ webAuthnSupported: false });
      renderModal(createFixtureController({ ...base, step: 'choosing', available: noWebAuthn }));
      const list = await screen.findByRole('list', { name: 'Choose how to confirm.' });
      expect(within(list).queryByRole('button', { name: /Passkey/ })).not.toBeInTheDocument();
      expect(within(list).getByRole('button', { name: /Authenticator app/ })).toBeInTheDocument();
    });

    it('should say what to do instead of offering a retry that cannot help, when passkeys were the only way', async () => {
      renderModal(createFixtureController({ ...base, step: 'error', error: new NoWebAuthnSupportError() }));
      await screen.findByRole('dialog');
      expect(screen.getByRole('alert')).toHaveTextContent('This browser can’t use passkeys, and no other way to confirm is available.');
      expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
      expect(await axeViolations()).toEqual([]);
    });

    it('should not offer "Use another method" from TOTP when TOTP is all that is left', async () => {
      renderModal(createFixtureController({ ...base, step: 'totp', available: available({ webAuthnSupported: false }), status: { kind: 'idle' } }));
      await screen.findByRole('dialog');
      expect(screen.queryByRole('button', { name: 'Use another method' })).not.toBeInTheDocument();
    });
  });

  describe.each([
    ['totp', { ...base, step: 'totp', available: available(), status: { kind: 'idle' } }],
    ['passkey', passkey({ kind: 'waiting' })],
    ['choosing', { ...base, step: 'choosing', available: available() }],
  ] as Array<[string, MfaPromptState]>)('given the %s step', (_step, state) => {
    it('should reach recovery codes through "Lost access?"', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(state);
      renderModal(controller);
      await user.click(await screen.findByRole('button', { name: 'Lost access? Use a recovery code' }));
      expect(controller.actions.chooseMethod).toHaveBeenLastCalledWith('recovery_code');
    });
  });

  describe('given the app does not enable recovery codes', () => {
    it('should not offer "Lost access?"', async () => {
      renderModal(createFixtureController({ ...base, step: 'totp', available: available(), status: { kind: 'idle' } }), { methods: ['totp', 'passkey'] });
      await screen.findByRole('dialog');
      expect(screen.queryByRole('button', { name: /Lost access/ })).not.toBeInTheDocument();
    });
  });
});

describe('recovery step', () => {
  describe('when the user enters a code, gets it wrong, then right', () => {
    it('should submit each and say why the first failed', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController({ ...base, step: 'recovery', available: available(), status: { kind: 'idle' } });
      renderModal(controller);
      const field = await screen.findByRole('textbox', { name: 'Recovery code' });
      expect(field).toHaveFocus();
      await user.type(field, ' abcd-efgh {Enter}');
      expect(controller.actions.submitRecoveryCode).toHaveBeenLastCalledWith('abcd-efgh');

      act(() =>
        controller.set({
          ...base,
          step: 'recovery',
          available: available(),
          status: { kind: 'invalid', error: new MfaInvalidCodeError('no', 4), attemptsRemaining: 4 },
        }),
      );
      expect(screen.getByRole('alert')).toHaveTextContent('That recovery code didn’t work. 4 attempts left.');
      expect(await axeViolations()).toEqual([]);

      // The refused code is selected, so typing replaces it.
      expect(field).toHaveFocus();
      await user.keyboard('wxyz-1234');
      await user.click(screen.getByRole('button', { name: 'Confirm' }));
      expect(controller.actions.submitRecoveryCode).toHaveBeenLastCalledWith('wxyz-1234');
      await user.click(screen.getByRole('button', { name: 'Use another method' }));
      expect(controller.actions.chooseMethod).toHaveBeenLastCalledWith('choose');
    });
  });
});
