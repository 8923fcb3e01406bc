import { act, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MfaError } from '../../core/errors.js';
import type { MfaPromptState } from '../../core/prompt-state.js';
import { axeViolations } from '../test/axe.js';
import { available, createFixtureController, REQUEST } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';
import { preloadActionSummary } from '../summaries/lazy-action-summary.js';

// The provider fetches the summary renderers at mount; here they are in before any prompt opens.
beforeAll(() => preloadActionSummary());

const base = { request: REQUEST, promptId: 1 };
const STATES: Array<[string, MfaPromptState, RegExp]> = [
  ['loading', { ...base, step: 'loading' }, /loading/i],
  ['choosing', { ...base, step: 'choosing', available: available(), lastUsed: 'passkey' }, /choose how to confirm/i],
  ['totp', { ...base, step: 'totp', available: available(), status: { kind: 'idle' } }, /6-digit code/i],
  ['passkey', { ...base, step: 'passkey', available: available(), status: { kind: 'waiting' } }, /passkey saved/i],
  ['recovery', { ...base, step: 'recovery', available: available(), status: { kind: 'idle' } }, /recovery codes you saved/i],
  ['enrolling', { ...base, step: 'enrolling', enrollment: { stage: 'choose', options: ['totp', 'passkey'] } }, /second step/i],
  ['success', { ...base, step: 'success', method: 'totp' }, /all set/i],
  ['error', { ...base, step: 'error', error: new MfaError('network_error', 'offline') }, /couldn’t load/i],
];

describe('MfaModal', () => {
  describe.each(STATES)('given the %s step', (step, state, description) => {
    it('should render a dialog titled by what is protected, with the step on data-step', async () => {
      renderModal(createFixtureController(state));
      const dialog = await screen.findByRole('dialog', { name: 'Confirm to export your private key' });
      expect(dialog).toHaveAttribute('data-step', step);
      expect(dialog).toHaveAccessibleDescription(description);
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
      const dialog = await screen.findByRole('dialog', { name: 'Confirm to sign with your wallet' });
      expect(within(dialog).getByText('You are approving: Sign “hi” with 0xAbC…')).toBeInTheDocument();
    });
  });

  describe('given the legacy token flow (no scopes)', () => {
    it('should fall back to a generic title', async () => {
      renderModal(createFixtureController({ ...base, request: { requestedScopes: [], createMfaToken: { singleUse: true } }, step: 'loading' }));
      expect(await screen.findByRole('dialog', { name: 'Confirm it’s you' })).toBeInTheDocument();
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
