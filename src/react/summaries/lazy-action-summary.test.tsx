/**
 * What you see is what you sign, while the summary renderers are still on their way: the step
 * (and with it the code field) appears only together with the summary of what it approves.
 * Its own file, so the renderers start unloaded.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MFAAction } from '../../protocol/index.js';
import { available, createFixtureController } from '../test/fixture-controller.js';
import { renderModal } from '../test/render-kit.js';

describe('an action-bound prompt that opens before the summary renderers have arrived', () => {
  it('should show neither the code field nor the summary until both can be shown together', async () => {
    const controller = createFixtureController({
      step: 'totp',
      promptId: 1,
      request: { requestedScopes: ['wallet:sign'], action: { mfaAction: MFAAction.WalletWaasSign, payload: { message: 'Pay 1 USDC to Bob' } } },
      available: available(),
      status: { kind: 'idle' },
    });
    renderModal(controller);

    expect(screen.getByRole('dialog').querySelector('.mfa-spinner')).not.toBeNull();
    expect(screen.queryByLabelText('Authentication code')).toBeNull();

    const summary = await screen.findByRole('group', { name: 'What you are approving' });
    expect(summary).toHaveTextContent('Pay 1 USDC to Bob');
    expect(screen.getByLabelText('Authentication code')).toBeInTheDocument();
  });
});
