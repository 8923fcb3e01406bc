import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { TokenScope } from 'mfa-kit/react';
import { expectResult, expectStep, openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { createStubApi, wrongCode } from '../support/stub-api.js';

/** "Lost access? Use a recovery code" from the TOTP step: a saved code instead of the app. */
const meta = {
  title: 'Modal/Recovery code',
  component: PromptStory,
  args: {
    api: () => createStubApi('totp'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;

async function openRecovery(context: Parameters<NonNullable<Story['play']>>[0]) {
  const dialog = await openPrompt(context, 'totp');
  await context.userEvent.click(within(dialog).getByRole('button', { name: 'Lost access? Use a recovery code' }));
  await expectStep(dialog, 'recovery');
  return dialog;
}

export const RecoveryCode: Story = {
  play: async (context) => {
    const dialog = await openRecovery(context);
    await expect(dialog).toHaveAccessibleDescription('Enter one of the recovery codes you saved. Each code works once.');
    await expect(within(dialog).getByRole('textbox', { name: 'Recovery code' })).toHaveFocus();
    await expect(within(dialog).getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await expect(within(dialog).getByRole('button', { name: 'Use another method' })).toBeVisible();
  },
};

export const WrongRecoveryCode: Story = {
  args: { api: () => createStubApi('totp', { verifyRecoveryCode: () => wrongCode(3) }) },
  play: async (context) => {
    const dialog = await openRecovery(context);
    await context.userEvent.type(within(dialog).getByRole('textbox', { name: 'Recovery code' }), 'k7qm-4xr2-hp9x{Enter}');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('That recovery code didn’t work. 3 attempts left.'));
    await expect(within(dialog).getByRole('textbox', { name: 'Recovery code' })).toHaveAttribute('aria-invalid', 'true');
  },
};

export const RecoveryCodeAccepted: Story = {
  play: async (context) => {
    const dialog = await openRecovery(context);
    await context.userEvent.type(within(dialog).getByRole('textbox', { name: 'Recovery code' }), 'k7qm-4xr2-hp9d');
    await context.userEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await expectResult(context, 'Approved with eyJ…recovery_code-token');
  },
};
