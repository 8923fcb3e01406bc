import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MfaCancelledError } from '../../core/errors.js';
import { available, createFixtureController, REQUEST } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';

describe('closing the modal', () => {
  async function openFromTrigger() {
    const user = userEvent.setup();
    const controller = createFixtureController();
    renderModal(controller);
    const trigger = screen.getByRole('button', { name: 'Export private key' });
    // Focus as a click would leave it; the prompt is made here so the test holds its promise.
    act(() => trigger.focus());
    let result!: Promise<string>;
    act(() => {
      result = controller.prompt();
    });
    result.catch(() => undefined); // asserted by each test; this only marks it handled
    act(() => controller.set({ step: 'totp', request: REQUEST, promptId: 1, available: available(), status: { kind: 'idle' } }));
    await screen.findByRole('dialog');
    return { user, controller, trigger, result };
  }

  describe('when the user presses Esc', () => {
    it('should reject the prompt with MfaCancelledError and close', async () => {
      const { user, controller, result } = await openFromTrigger();
      await user.keyboard('{Escape}');
      await expect(result).rejects.toBeInstanceOf(MfaCancelledError);
      await expect(result).rejects.toMatchObject({ code: 'mfa_cancelled' });
      expect(controller.actions.cancel).toHaveBeenCalledTimes(1);
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    });

    it('should return focus to the trigger', async () => {
      const { user, trigger } = await openFromTrigger();
      expect(trigger).not.toHaveFocus();
      await user.keyboard('{Escape}');
      await waitFor(() => expect(trigger).toHaveFocus());
    });
  });

  describe('when the user clicks the close button', () => {
    it('should reject with MfaCancelledError and return focus to the trigger', async () => {
      const { user, trigger, result } = await openFromTrigger();
      await user.click(screen.getByRole('button', { name: 'Close' }));
      await expect(result).rejects.toBeInstanceOf(MfaCancelledError);
      await waitFor(() => expect(trigger).toHaveFocus());
    });
  });

  describe('when the prompt succeeds', () => {
    it('should close without cancelling, and return focus to the trigger', async () => {
      const { controller, trigger, result } = await openFromTrigger();
      act(() => controller.resolve('token-1'));
      await expect(result).resolves.toBe('token-1');
      expect(controller.actions.cancel).not.toHaveBeenCalled();
      await waitFor(() => expect(trigger).toHaveFocus());
    });
  });
});
