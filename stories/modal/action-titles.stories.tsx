import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { MFAAction, TokenScope } from 'mfa-kit/react';
import { openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { createStubApi } from '../support/stub-api.js';

/**
 * The title says what is being protected: from the action, or else the first requested scope.
 * An action-bound prompt (docs/architecture.md §10) also shows the caller's summary of the payload.
 */
const meta = {
  title: 'Modal/Action titles',
  component: PromptStory,
  args: {
    api: () => createStubApi('totp'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;

const SIGN_HELLO = {
  mfaAction: MFAAction.WalletWaasSign,
  payload: { message: 'hello' },
  summary: 'Sign the message “hello”',
};

export const Export: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await expect(within(dialog).getByRole('heading')).toHaveTextContent('To export your private key');
  },
};

export const SignWithSummary: Story = {
  args: { request: { action: SIGN_HELLO }, label: 'Sign “hello”' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await expect(dialog).toHaveAccessibleName(/To sign with your wallet/);
    await expect(within(dialog).getByText('You are approving: Sign the message “hello”')).toBeVisible();
  },
};

export const SignWithSummaryDarkGerman: Story = {
  ...SignWithSummary,
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await within(dialog).findByText('Sie genehmigen: Sign the message “hello”');
    await expect(dialog).toHaveAccessibleName(/Um mit Ihrer Wallet zu signieren/);
  },
};

export const Refresh: Story = {
  args: { request: { action: { mfaAction: MFAAction.WalletWaasRefresh, payload: { enabled: true } } }, label: 'Delegate access' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await expect(dialog).toHaveAccessibleName(/To delegate your wallet/);
  },
};

export const Reshare: Story = {
  args: { request: { action: { mfaAction: MFAAction.WalletWaasReshare, payload: { enabled: false } } }, label: 'Revoke access' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await expect(dialog).toHaveAccessibleName(/To change delegated access/);
  },
};

/** No scope the strings know, e.g. the deprecated `createMfaToken` alone: the generic title. */
export const Generic: Story = {
  args: { request: { createMfaToken: true }, label: 'Continue' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await expect(dialog).toHaveAccessibleName('Confirm it’s you Enter your authenticator code');
  },
};
