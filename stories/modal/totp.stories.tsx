import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, waitFor, within } from 'storybook/test';
import { TokenScope } from 'mfa-kit/react';
import { expectResult, expectStep, openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { createStubApi, lockedOut, offline, pending, wrongCode } from '../support/stub-api.js';

/** A user with an authenticator app exports a private key: every state of the TOTP step. */
const meta = {
  title: 'Modal/Authenticator app (TOTP)',
  component: PromptStory,
  args: {
    api: () => createStubApi('totp'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;

const codeField = (dialog: HTMLElement) => within(dialog).getByRole('textbox', { name: /Authentication code|Bestätigungscode/ });

export const Idle: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await expect(dialog).toHaveAccessibleName('Confirm to export your private key');
    await expect(dialog).toHaveAccessibleDescription('Enter the 6-digit code from your authenticator app.');
    await waitFor(() => expect(codeField(dialog)).toHaveFocus());
    await expect(within(dialog).getByRole('button', { name: 'Lost access? Use a recovery code' })).toBeVisible();
  },
};

export const Typing: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '274');
    await expect(codeField(dialog)).toHaveValue('274');
    await expect(dialog).toHaveAttribute('aria-busy', 'false');
    // Nothing refused yet: the (reserved) alert line is empty.
    await expect(within(dialog).getByRole('alert', { hidden: true })).toBeEmptyDOMElement();
  },
};

export const Verifying: Story = {
  args: { api: () => createStubApi('totp', { verifyTotp: pending }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '274819');
    await expect(await within(dialog).findByRole('status')).toHaveTextContent('Checking the code…');
    await expect(dialog).toHaveAttribute('aria-busy', 'true');
    await expect(codeField(dialog)).toHaveAttribute('readonly');
  },
};

export const WrongCode: Story = {
  args: { api: () => createStubApi('totp', { verifyTotp: () => wrongCode(4) }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '000000');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('That code didn’t work. 4 attempts left.'));
    // The field clears for the next try and says why it is invalid.
    await expect(codeField(dialog)).toHaveValue('');
    await expect(codeField(dialog)).toHaveAttribute('aria-invalid', 'true');
    await expectStep(dialog, 'totp');
  },
};

export const WrongCodeDarkGerman: Story = {
  ...WrongCode,
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await within(dialog).findByText('Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.');
    await expect(dialog).toHaveAttribute('data-theme', 'dark');
    await context.userEvent.type(codeField(dialog), '000000');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('Dieser Code hat nicht funktioniert. Noch 4 Versuche.'));
  },
};

export const LastAttempt: Story = {
  args: { api: () => createStubApi('totp', { verifyTotp: () => wrongCode(1) }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '000000');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('That code didn’t work. 1 attempt left.'));
  },
};

export const LockedOut: Story = {
  args: { api: () => createStubApi('totp', { verifyTotp: () => lockedOut(300) }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '000000');
    // 429 with Retry-After: 300 → a 5-minute countdown, and the field takes no input until then.
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(/^Too many attempts\. Try again in [45]:\d\d\.$/));
    await expect(codeField(dialog)).toBeDisabled();
  },
};

export const LockedOutDark: Story = {
  ...LockedOut,
  globals: { theme: 'dark' },
};

export const NetworkError: Story = {
  args: { api: () => createStubApi('totp', { verifyTotp: offline }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '274819');
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent('We couldn’t reach the server. Check your connection.'),
    );
    // Not the user's fault: "Try again" resends the same code.
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

export const Success: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '274819');
    // "Confirmed" shows briefly (DEFAULT_SUCCESS_DELAY_MS), then the modal closes and the promise resolves.
    await expectStep(dialog, 'success');
    await expect(within(dialog).getByRole('status')).toHaveTextContent('Confirmed');
    await expectResult(context, 'Approved with eyJ…totp-token');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  },
};

export const CancelledWithEscape: Story = {
  play: async (context) => {
    await openPrompt(context, 'totp');
    await context.userEvent.keyboard('{Escape}');
    await expectResult(context, 'Rejected: MfaCancelledError (mfa_cancelled)');
    // Focus goes back to the button that opened the prompt.
    await waitFor(() => expect(context.canvas.getByRole('button', { name: 'Export private key' })).toHaveFocus());
  },
};
