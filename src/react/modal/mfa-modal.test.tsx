import { act, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MfaError } from '../../core/errors.js';
import type { MfaPromptState } from '../../core/prompt/prompt-state.js';
import { axeViolations } from '../test/axe.js';
import { available, createFixtureController, REQUEST } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';
import { preloadActionSummary } from '../summaries/lazy-action-summary.js';

// The provider fetches the summary renderers at mount; here they are in before any prompt opens.
beforeAll(() => preloadActionSummary());

const base = { request: REQUEST, promptId: 1 };
// Each step: its heading, and the line under it (none where the heading says it all).
const STATES: Array<[string, MfaPromptState, string, RegExp | null]> = [
  ['loading', { ...base, step: 'loading' }, 'Loading…', null],
  ['choosing', { ...base, step: 'choosing', available: available(), lastUsed: 'passkey' }, 'Choose how to confirm', null],
  ['totp', { ...base, step: 'totp', available: available(), status: { kind: 'idle' } }, 'Enter your authenticator code', /6-digit code/i],
  ['passkey', { ...base, step: 'passkey', available: available(), status: { kind: 'waiting' } }, 'Use your passkey', /passkey saved/i],
  ['recovery', { ...base, step: 'recovery', available: available(), status: { kind: 'idle' } }, 'Enter a recovery code', /recovery codes you saved/i],
  ['enrolling', { ...base, step: 'enrolling', enrollment: { stage: 'choose', options: ['totp', 'passkey'] } }, 'Protect your account', /second step/i],
  ['success', { ...base, step: 'success', method: 'totp' }, 'Confirmed', /all set/i],
  ['error', { ...base, step: 'error', error: new MfaError('network_error', 'offline') }, 'Something went wrong', /couldn’t load/i],
];

describe('MfaModal', () => {
  describe.each(STATES)('given the %s step', (step, state, heading, description) => {
    it('should head it by the step, with what is protected as its context, and the step on data-step', async () => {
      renderModal(createFixtureController(state));
      const dialog = await screen.findByRole('dialog', { name: `To export your private key ${heading}` });
      expect(dialog).toHaveAttribute('data-step', step);
      expect(dialog.querySelector('.mfa-heading')).toHaveTextContent(heading);
      if (description) expect(dialog).toHaveAccessibleDescription(description);
      else expect(dialog).not.toHaveAttribute('aria-describedby');
    });

    it('should have no axe violations', async () => {
      renderModal(createFixtureController(state));
      await screen.findByRole('dialog');
      expect(await axeViolations()).toEqual([]);
    });
  });

  describe('given the controller is closed', () => {
    it('should render no dialog', () => {
      renderModal(createFixtureController());
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  describe('given a request for an action with a summary', () => {
    it('should title it by the action and show the summary in plain words', async () => {
      const controller = createFixtureController({
        step: 'totp',
        promptId: 1,
        request: { requestedScopes: ['wallet:sign'], action: { mfaAction: 'wallet.waas.sign', payload: { message: 'hi' }, summary: 'Sign “hi” with 0xAbC…' } },
        available: available(),
        status: { kind: 'idle' },
      });
      renderModal(controller);
      const dialog = await screen.findByRole('dialog', { name: /To sign with your wallet/ });
      expect(within(dialog).getByText('You are approving: Sign “hi” with 0xAbC…')).toBeInTheDocument();
    });
  });

  describe('given the legacy token flow (no scopes)', () => {
    it('should fall back to a generic context line', async () => {
      renderModal(createFixtureController({ ...base, request: { requestedScopes: [], createMfaToken: { singleUse: true } }, step: 'loading' }));
      expect(await screen.findByRole('dialog', { name: 'Confirm it’s you Loading…' })).toBeInTheDocument();
    });
  });

  describe('given a busy step', () => {
    it('should mark the dialog aria-busy, and clear it when the request settles', async () => {
      const controller = createFixtureController({ ...base, step: 'totp', available: available(), status: { kind: 'verifying' } });
      renderModal(controller);
      const dialog = await screen.findByRole('dialog');
      expect(dialog).toHaveAttribute('aria-busy', 'true');
      expect(screen.getByRole('status')).toHaveTextContent('Checking the code…');
      act(() => controller.set({ ...base, step: 'totp', available: available(), status: { kind: 'idle' } }));
      expect(dialog).toHaveAttribute('aria-busy', 'false');
    });
  });

  describe('given the methods could not be loaded', () => {
    it('should offer "Try again", which retries', async () => {
      const controller = createFixtureController({ ...base, step: 'error', error: new MfaError('network_error', 'offline') });
      renderModal(controller);
      (await screen.findByRole('button', { name: 'Try again' })).click();
      expect(controller.actions.retry).toHaveBeenCalledTimes(1);
    });
  });

  describe('given a theme', () => {
    it('should put it on data-theme for the stylesheet', async () => {
      renderModal(createFixtureController({ ...base, step: 'loading' }), { theme: 'dark' });
      expect(await screen.findByRole('dialog')).toHaveAttribute('data-theme', 'dark');
    });
  });
});
