import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MfaError, MfaInvalidCodeError, MfaRateLimitedError } from '../../core/errors.js';
import type { MfaCodeStatus, MfaPromptState } from '../../core/prompt/prompt-state.js';
import { axeViolations } from '../test/axe.js';
import { available, createFixtureController, REQUEST } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';

const totp = (status: MfaCodeStatus): MfaPromptState => ({ step: 'totp', request: REQUEST, promptId: 1, available: available(), status });
const codeField = () => screen.getByRole('textbox', { name: 'Authentication code' });

describe('TOTP step', () => {
  afterEach(() => vi.useRealTimers());

  describe('given the step opens', () => {
    it('should focus the code field, a numeric one-time-code input', async () => {
      renderModal(createFixtureController(totp({ kind: 'idle' })));
      const field = await screen.findByRole('textbox', { name: 'Authentication code' });
      expect(field).toHaveFocus();
      expect(field).toHaveAttribute('autocomplete', 'one-time-code');
      expect(field).toHaveAttribute('inputmode', 'numeric');
    });
  });

  describe('when the user types six digits', () => {
    it('should submit on the sixth digit, without a button', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(totp({ kind: 'idle' }));
      renderModal(controller);
      await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '12345');
      expect(controller.actions.submitTotpCode).not.toHaveBeenCalled();
      await user.keyboard('6');
      expect(controller.actions.submitTotpCode).toHaveBeenCalledExactlyOnceWith('123456');
    });

    it('should ignore letters', async () => {
      const user = userEvent.setup();
      renderModal(createFixtureController(totp({ kind: 'idle' })));
      await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '12a3');
      expect(codeField()).toHaveValue('123');
    });
  });

  describe('when the user pastes a code', () => {
    it('should submit it', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(totp({ kind: 'idle' }));
      renderModal(controller);
      (await screen.findByRole('textbox', { name: 'Authentication code' })).focus();
      await user.paste('654321');
      expect(controller.actions.submitTotpCode).toHaveBeenCalledWith('654321');
    });
  });

  describe('given a wrong code, then the right one', () => {
    it('should say why with the attempts left, clear the field, then submit the next code', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(totp({ kind: 'idle' }));
      renderModal(controller);
      await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '111111');
      act(() => controller.set(totp({ kind: 'verifying' })));
      act(() => controller.set(totp({ kind: 'invalid', error: new MfaInvalidCodeError('Invalid code', 3), attemptsRemaining: 3 })));

      expect(screen.getByRole('alert')).toHaveTextContent('That code didn’t work. 3 attempts left.');
      expect(codeField()).toHaveValue('');
      expect(codeField()).toHaveFocus();
      expect(codeField()).toHaveAttribute('aria-invalid', 'true');
      expect(await axeViolations()).toEqual([]);

      await user.keyboard('222222');
      expect(controller.actions.submitTotpCode).toHaveBeenLastCalledWith('222222');
      expect(controller.actions.submitTotpCode).toHaveBeenCalledTimes(2);
    });

    it('should say "1 attempt left" in the singular', async () => {
      renderModal(createFixtureController(totp({ kind: 'invalid', error: new MfaInvalidCodeError('Invalid code', 1), attemptsRemaining: 1 })));
      expect(await screen.findByRole('alert')).toHaveTextContent('That code didn’t work. 1 attempt left.');
    });
  });

  describe('given the user is locked out', () => {
    it('should count down, keep the field disabled, then let the user try again', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
      const controller = createFixtureController(totp({ kind: 'locked', error: new MfaRateLimitedError('Locked', 62), retryAt: Date.now() + 62_000 }));
      renderModal(controller);
      expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Try again in 1:02.');
      expect(codeField()).toBeDisabled();

      act(() => vi.advanceTimersByTime(3_000));
      expect(screen.getByRole('alert')).toHaveTextContent('Try again in 0:59.');

      act(() => vi.advanceTimersByTime(59_000));
      expect(screen.getByRole('alert')).toBeEmptyDOMElement();
      expect(screen.getByRole('status')).toHaveTextContent('You can try again now.');
      expect(codeField()).toBeEnabled();
    });
  });

  describe('given the lockout counts down', () => {
    it('should announce the lockout once, and not re-announce each tick of the countdown', () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
      renderModal(createFixtureController(totp({ kind: 'locked', error: new MfaRateLimitedError('Locked', 62), retryAt: Date.now() + 62_000 })));
      const alert = screen.getByRole('alert');
      // role="alert" is assertive by itself: the first message is spoken.
      expect(alert).not.toHaveAttribute('aria-live');
      act(() => vi.advanceTimersByTime(3_000));
      expect(alert).toHaveTextContent('Try again in 0:59.');
      expect(alert).toHaveAttribute('aria-live', 'off');
    });
  });

  describe('given a network failure', () => {
    it('should say so and offer "Try again"', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(totp({ kind: 'failed', error: new MfaError('network_error', 'Failed to fetch') }));
      renderModal(controller);
      expect(await screen.findByRole('alert')).toHaveTextContent('We couldn’t reach the server.');
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(controller.actions.retry).toHaveBeenCalledTimes(1);
      expect(await axeViolations()).toEqual([]);
    });
  });

  describe('given a code is being checked', () => {
    it('should not submit again while busy', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(totp({ kind: 'verifying' }));
      renderModal(controller);
      await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
      expect(controller.actions.submitTotpCode).not.toHaveBeenCalled();
    });
  });
});
