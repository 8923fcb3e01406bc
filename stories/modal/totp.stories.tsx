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
    await expect(dialog).toHaveAccessibleName(/To export your private key/);
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
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('We couldn’t reach the server. Check your connection.'));
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

/** A code pasted as `123 456` (how many apps and SMS show it) fills all six slots. */
export const SpacedPaste: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.click(codeField(dialog));
    await context.userEvent.paste('274 819');
    // All six digits in: it submits by itself, and the stub server accepts 274819 only.
    await expectStep(dialog, 'success');
    await expectResult(context, 'Approved with eyJ…totp-token');
  },
};

export const SpacedPasteDarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.click(codeField(dialog));
    await context.userEvent.paste('２７４-８１９');
    await expectStep(dialog, 'success');
  },
};

/** Enter before the sixth digit says what is missing. */
export const EnterTooEarly: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '274{Enter}');
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('status')
          .map((s) => s.textContent),
      ).toContain('Enter all 6 digits of the code.'),
    );
  },
};

/** Locked out: the slots look disabled, not merely the hidden input. */
export const LockedSlots: Story = {
  ...LockedOut,
  play: async (context) => {
    await LockedOut.play!(context);
    await expect(screen.getByRole('dialog').querySelector('.mfa-otp-slots')).toHaveAttribute('data-disabled', '');
  },
};

export const LockedSlotsDarkGerman: Story = {
  ...LockedSlots,
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '000000');
    await waitFor(() => expect(dialog.querySelector('.mfa-otp-slots')).toHaveAttribute('data-disabled', ''));
  },
};

/** The short success state: a check and "Confirmed", then it closes. */
export const SuccessDarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await context.userEvent.type(codeField(dialog), '274819');
    await expectStep(dialog, 'success');
    await expect(dialog.querySelector('.mfa-success-check svg')).not.toBeNull();
  },
};

/** Under 480 px the modal is a bottom sheet: full width, flush with the bottom edge. */
export const BottomSheet: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    if (window.innerWidth > 480) return; // the runner did not narrow the frame; the e2e spec checks it at 390 px
    await waitFor(() => {
      const box = dialog.getBoundingClientRect();
      expect(Math.round(box.bottom)).toBe(window.innerHeight);
      expect(Math.round(box.width)).toBe(document.documentElement.clientWidth);
    });
  },
};

export const BottomSheetDarkGerman: Story = { ...BottomSheet, globals: { ...BottomSheet.globals, theme: 'dark', locale: 'de' } };
