import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { TokenScope } from 'mfa-kit/react';
import { installFakeWebAuthn } from '../support/fake-webauthn.js';
import { expectStep, openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { createStubApi, pending } from '../support/stub-api.js';

/**
 * The passkey step. The browser's WebAuthn API is faked per story (see fake-webauthn.ts), so
 * the real controller and @simplewebauthn/browser run and each state is reached on purpose.
 */
const meta = {
  title: 'Modal/Passkey',
  component: PromptStory,
  args: {
    api: () => createStubApi('totp+passkey'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
  beforeEach: () => installFakeWebAuthn('waiting'),
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Chosen from the list; the browser's passkey sheet is open. */
export const Waiting: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'choosing');
    await context.userEvent.click(await within(dialog).findByRole('button', { name: /^Passkey/ }));
    await expectStep(dialog, 'passkey');
    await expect(within(dialog).getByRole('status')).toHaveTextContent('Waiting for your passkey…');
    await expect(dialog.querySelector('.mfa-passkey')).toHaveAttribute('data-state', 'waiting');
    // The button that was pressed is gone; focus stays in the dialog instead of falling to <body>.
    await expect(dialog.contains(document.activeElement)).toBe(true);
  },
};

/** The user touched the authenticator; the server is checking the assertion. */
export const Verifying: Story = {
  args: { api: () => createStubApi('passkey', { verifyPasskeyAuthentication: pending }) },
  beforeEach: () => installFakeWebAuthn('answer'),
  play: async (context) => {
    const dialog = await openPrompt(context, 'passkey');
    await waitFor(() => expect(dialog.querySelector('.mfa-passkey')).toHaveAttribute('data-state', 'verifying'));
    await expect(within(dialog).getByRole('status')).toHaveTextContent('Checking your passkey…');
    await expect(dialog).toHaveAttribute('aria-busy', 'true');
  },
};

/** The user dismissed the sheet (WebAuthn's NotAllowedError): "Try again", or another method. */
export const Cancelled: Story = {
  args: { api: () => createStubApi('passkey') },
  beforeEach: () => installFakeWebAuthn('cancel'),
  play: async (context) => {
    // The user's only method opens directly: no choice first.
    const dialog = await openPrompt(context, 'passkey');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('The passkey request was cancelled or timed out.'));
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toHaveFocus();
    await expect(within(dialog).getByRole('button', { name: 'Lost access? Use a recovery code' })).toBeVisible();
  },
};

export const CancelledGerman: Story = {
  ...Cancelled,
  globals: { locale: 'de' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'passkey');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen.'));
    await expect(within(dialog).getByRole('button', { name: 'Erneut versuchen' })).toBeVisible();
  },
};

/** No WebAuthn in this browser: the passkey isn't offered, so the prompt opens the app code. */
export const Unsupported: Story = {
  beforeEach: () => installFakeWebAuthn('unsupported'),
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await expect(within(dialog).queryByRole('button', { name: 'Use another method' })).toBeNull();
    await expect(within(dialog).queryByText(/passkey/i)).toBeNull();
  },
};

/** No WebAuthn, and a passkey is the user's only method: the recovery code is the way in. */
export const UnsupportedPasskeyOnly: Story = {
  args: { api: () => createStubApi('passkey') },
  beforeEach: () => installFakeWebAuthn('unsupported'),
  play: async (context) => {
    const dialog = await openPrompt(context, 'recovery');
    await expect(within(dialog).getByRole('textbox', { name: 'Recovery code' })).toBeVisible();
  },
};

/**
 * No WebAuthn, a passkey-only user, and an app that turned recovery codes off: nothing can be
 * used here, so the modal says what to do instead of offering a retry that cannot help.
 */
export const UnsupportedNothingLeft: Story = {
  args: { api: () => createStubApi('passkey'), methods: ['totp', 'passkey'] },
  beforeEach: () => installFakeWebAuthn('unsupported'),
  play: async (context) => {
    const dialog = await openPrompt(context, 'error');
    await expect(within(dialog).getByRole('alert')).toHaveTextContent('This browser can’t use passkeys, and no other way to confirm is available.');
    await expect(within(dialog).queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};
