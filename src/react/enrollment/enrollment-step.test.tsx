import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MfaError, MfaInvalidCodeError } from '../../core/errors.js';
import type { MfaEnrollmentState, MfaPromptState } from '../../core/prompt/prompt-state.js';
import { axeViolations } from '../test/axe.js';
import { createFixtureController, REQUEST } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';
import { groupSecret } from './secret-key.js';

const enrolling = (enrollment: MfaEnrollmentState): MfaPromptState => ({ step: 'enrolling', request: REQUEST, promptId: 1, enrollment });
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';
const totpStage = (status: Extract<MfaEnrollmentState, { stage: 'totp' }>['status']) =>
  enrolling({ stage: 'totp', deviceId: 'new-dev', secret: SECRET, uri: `otpauth://totp/mfa-kit:alice?secret=${SECRET}&issuer=mfa-kit`, status });
const CODES = ['aaaa-bbbb-cccc', 'dddd-eeee-ffff', 'gggg-hhhh-iiii'];

describe('enrollment in the modal', () => {
  afterEach(() => vi.restoreAllMocks());

  describe('given a user with no method', () => {
    it('should offer an authenticator app or a passkey', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(enrolling({ stage: 'choose', options: ['totp', 'passkey'] }));
      renderModal(controller);
      const list = await screen.findByRole('list', { name: 'Add a second step to confirm sensitive actions.' });
      await user.click(within(list).getByRole('button', { name: /Passkey/ }));
      expect(controller.actions.startEnrollment).toHaveBeenCalledWith('passkey');
    });
  });

  describe('given the TOTP stage', () => {
    it('should draw the QR code (loaded lazily), show the key in groups of 4 with Copy, and pass axe', async () => {
      const user = userEvent.setup();
      const writeText = vi.fn(async () => undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      renderModal(createFixtureController(totpStage({ kind: 'idle' })));

      const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
      expect(qr.tagName.toLowerCase()).toBe('svg');
      expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
      expect(screen.getByLabelText('Setup key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP');

      await user.click(screen.getByRole('button', { name: 'Copy Setup key' }));
      expect(writeText).toHaveBeenCalledWith(SECRET);
      expect(await screen.findByRole('button', { name: 'Copied Setup key' })).toBeInTheDocument();
      expect(await axeViolations()).toEqual([]);
    });

    it('should group any secret in fours', () => {
      expect(groupSecret('ABCDEFGHIJ')).toEqual(['ABCD', 'EFGH', 'IJ']);
    });

    describe('when the first code is wrong, then right', () => {
      it('should say so, clear the field, and submit the next code to the enrollment', async () => {
        const user = userEvent.setup();
        const controller = createFixtureController(totpStage({ kind: 'idle' }));
        renderModal(controller);
        await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '999999');
        expect(controller.actions.submitEnrollmentTotpCode).toHaveBeenLastCalledWith('999999');
        act(() => controller.set(totpStage({ kind: 'invalid', error: new MfaInvalidCodeError('Invalid', 4), attemptsRemaining: 4 })));
        expect(screen.getByRole('alert')).toHaveTextContent('That code didn’t work. 4 attempts left.');
        expect(screen.getByRole('textbox', { name: 'Authentication code' })).toHaveValue('');
        await user.keyboard('123456');
        expect(controller.actions.submitEnrollmentTotpCode).toHaveBeenLastCalledWith('123456');
        expect(controller.actions.submitTotpCode).not.toHaveBeenCalled();
      });
    });
  });

  describe('given the passkey registration is cancelled', () => {
    it('should say nothing was created, and "Try again" should restart the registration', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(enrolling({ stage: 'passkey', status: { kind: 'waiting' } }));
      renderModal(controller);
      expect(await screen.findByRole('status')).toHaveTextContent('Follow your browser’s steps to create a passkey…');
      act(() => controller.set(enrolling({ stage: 'passkey', status: { kind: 'cancelled', error: new MfaError('mfa_cancelled', 'NotAllowedError') } })));
      expect(screen.getByRole('alert')).toHaveTextContent('The passkey wasn’t created');
      expect(await axeViolations()).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(controller.actions.startEnrollment).toHaveBeenCalledWith('passkey');
    });
  });

  describe('given the recovery codes are shown', () => {
    it('should not continue until "I have saved these codes" is ticked', async () => {
      const user = userEvent.setup();
      const controller = createFixtureController(enrolling({ stage: 'recovery-codes', codes: CODES, method: 'totp' }));
      renderModal(controller);
      const list = await screen.findByRole('list', { name: 'Recovery codes' });
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual(CODES);
      expect(await axeViolations()).toEqual([]);

      const proceed = screen.getByRole('button', { name: 'Continue' });
      expect(proceed).toBeDisabled();
      await user.click(proceed);
      expect(controller.actions.acknowledgeRecoveryCodes).not.toHaveBeenCalled();

      await user.click(screen.getByRole('checkbox', { name: 'I have saved these codes' }));
      expect(proceed).toBeEnabled();
      await user.click(proceed);
      expect(controller.actions.acknowledgeRecoveryCodes).toHaveBeenCalledTimes(1);
    });

    it('should download them as a .txt file from a Blob URL', async () => {
      const user = userEvent.setup();
      const createObjectURL = vi.fn((_blob: Blob) => 'blob:codes');
      Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
      const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        expect(this.download).toBe('recovery-codes.txt');
        expect(this.href).toBe('blob:codes');
      });
      renderModal(createFixtureController(enrolling({ stage: 'recovery-codes', codes: CODES, method: 'totp' })));
      await user.click(await screen.findByRole('button', { name: 'Download' }));
      expect(click).toHaveBeenCalledTimes(1);
      expect(await createObjectURL.mock.calls[0]![0].text()).toBe(CODES.join('\n') + '\n');
    });
  });
});
