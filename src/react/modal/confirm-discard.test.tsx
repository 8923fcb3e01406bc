import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MfaEnrollmentState, MfaPromptState } from '../../core/prompt/prompt-state.js';
import { axeViolations } from '../test/axe.js';
import { createFixtureController, REQUEST } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';

const enrolling = (enrollment: MfaEnrollmentState): MfaPromptState => ({ step: 'enrolling', request: REQUEST, promptId: 1, enrollment });
const CODES = ['aaaa-bbbb-cccc', 'dddd-eeee-ffff'];

describe('leaving unsaved recovery codes', () => {
  async function showCodes() {
    const user = userEvent.setup();
    const controller = createFixtureController(enrolling({ stage: 'recovery-codes', codes: CODES, method: 'totp' }));
    renderModal(controller);
    await screen.findByRole('list', { name: 'Recovery codes' });
    return { user, controller };
  }

  describe('when the user presses Esc', () => {
    it('should ask first, inside the modal, and pass axe', async () => {
      const { user, controller } = await showCodes();
      await user.keyboard('{Escape}');
      const ask = await screen.findByRole('alertdialog', { name: 'Your recovery codes aren’t saved yet' });
      expect(controller.actions.cancel).not.toHaveBeenCalled();
      expect(within(ask).getByRole('button', { name: 'Stay' })).toHaveFocus();
      expect(await axeViolations()).toEqual([]);
    });

    it('should keep the codes and the ticked box when the user stays', async () => {
      const { user, controller } = await showCodes();
      await user.click(screen.getByRole('checkbox', { name: 'I have saved these codes' }));
      await user.keyboard('{Escape}');
      await user.click(await screen.findByRole('button', { name: 'Stay' }));
      expect(screen.queryByRole('alertdialog')).toBeNull();
      expect(screen.getByRole('checkbox', { name: 'I have saved these codes' })).toBeChecked();
      expect(controller.actions.cancel).not.toHaveBeenCalled();
    });

    it('should cancel when the user leaves anyway', async () => {
      const { user, controller } = await showCodes();
      await user.click(screen.getByRole('button', { name: 'Close' }));
      await user.click(await screen.findByRole('button', { name: 'Leave anyway' }));
      expect(controller.actions.cancel).toHaveBeenCalledTimes(1);
    });
  });

  describe('when the step moves on while asking', () => {
    it('should stop asking', async () => {
      const { user, controller } = await showCodes();
      await user.keyboard('{Escape}');
      await screen.findByRole('alertdialog');
      act(() => controller.set({ step: 'success', request: REQUEST, promptId: 1, method: 'totp' }));
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    });
  });
});

describe('the code field', () => {
  const totp = (): MfaPromptState => ({
    step: 'totp',
    request: REQUEST,
    promptId: 1,
    available: { totpDevices: [], passkeys: [], recoveryCodesRemaining: 0, methods: ['totp'], webAuthnSupported: false },
    status: { kind: 'idle' },
  });

  it.each(['123 456', '123-456', '１２３４５６'])('should fill 6 digits from a pasted %j and submit them', async (pasted) => {
    const user = userEvent.setup();
    const controller = createFixtureController(totp());
    renderModal(controller);
    const field = await screen.findByRole('textbox', { name: 'Authentication code' });
    await user.click(field);
    await user.paste(pasted);
    expect(field).toHaveValue('123456');
    expect(controller.actions.submitTotpCode).toHaveBeenCalledWith('123456');
  });

  it('should say that 6 digits are needed when Enter comes early', async () => {
    const user = userEvent.setup();
    const controller = createFixtureController(totp());
    renderModal(controller);
    await screen.findByRole('textbox', { name: 'Authentication code' });
    await user.keyboard('123{Enter}');
    expect(screen.getAllByRole('status').some((status) => status.textContent === 'Enter all 6 digits of the code.')).toBe(true);
    expect(controller.actions.submitTotpCode).not.toHaveBeenCalled();
  });
});
