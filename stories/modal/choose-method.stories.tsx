import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { TokenScope } from 'mfa-kit/react';
import { expectStep, openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { createStubApi, pending } from '../support/stub-api.js';

/** A user with an authenticator app and a passkey, who hasn't used either yet: the method choice. */
const meta = {
  title: 'Modal/Method choice',
  component: PromptStory,
  args: {
    api: () => createStubApi('totp+passkey'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ChooseMethod: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'choosing');
    // The choice loads with the passkey step, fetched when the provider saw this user's passkey.
    const list = await within(dialog).findByRole('list', { name: 'Choose how to confirm.' });
    const methods = within(list).getAllByRole('button');
    await expect(methods.map((button) => button.dataset.method)).toEqual(['totp', 'passkey']);
    await expect(methods[0]).toHaveAccessibleName('Authenticator app Enter a 6-digit code');
    await expect(methods[0]).toHaveFocus();
    await expect(within(dialog).getByRole('button', { name: 'Lost access? Use a recovery code' })).toBeVisible();
  },
};

export const ChooseMethodDarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'choosing');
    const list = await within(dialog).findByRole('list', { name: 'Wählen Sie, wie Sie bestätigen möchten.' });
    await expect(within(list).getByRole('button', { name: /^Authenticator-App/ })).toBeVisible();
    await expect(dialog).toHaveAttribute('data-theme', 'dark');
  },
};

/** Before the methods are in: `GET /mfa/methods` still pending. */
export const Loading: Story = {
  args: { api: () => createStubApi('totp+passkey', { getMethods: pending }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'loading');
    await expect(dialog).toHaveAttribute('aria-busy', 'true');
    // "Loading…" once, as the heading; the body holds only the spinner.
    await expect(within(dialog).getByRole('heading')).toHaveTextContent('Loading…');
    await expect(within(dialog).getAllByText('Loading…')).toHaveLength(1);
  },
};

/** `GET /mfa/methods` failed: nothing to choose from, "Try again" reloads. */
export const LoadError: Story = {
  args: { api: () => createStubApi('totp+passkey', { getMethods: () => Promise.reject(new TypeError('Failed to fetch')) }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'error');
    await expect(within(dialog).getByRole('alert')).toHaveTextContent('We couldn’t load your sign-in methods.');
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toHaveFocus();
  },
};

/** Chosen once, remembered: the next prompt opens that method directly. */
export const SwitchMethod: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'choosing');
    await context.userEvent.click(within(dialog).getByRole('button', { name: /^Authenticator app/ }));
    await expectStep(dialog, 'totp');
    await context.userEvent.click(within(dialog).getByRole('button', { name: 'Use another method' }));
    await expectStep(dialog, 'choosing');
  },
};
