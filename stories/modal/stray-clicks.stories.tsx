import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, waitFor, within } from 'storybook/test';
import { TokenScope } from 'mfa-kit/react';
import { expectResult, expectStep, openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { createStubApi } from '../support/stub-api.js';

/**
 * Nothing shown once is lost by a stray click: during enrollment a press on the overlay does
 * nothing, and Esc or × on the recovery codes asks before throwing them away. Leaving anyway
 * rejects with `mfa_recovery_codes_unsaved`, not a plain cancel.
 */
const meta = {
  title: 'Modal/Stray clicks',
  component: PromptStory,
  args: {
    api: () => createStubApi('none'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;
type Context = Parameters<NonNullable<Story['play']>>[0];

const codeField = (dialog: HTMLElement) => within(dialog).getByRole('textbox', { name: /Authentication code|Bestätigungscode/ });

async function showRecoveryCodes(context: Context) {
  const dialog = await openPrompt(context, 'enrolling');
  await context.userEvent.click((await within(dialog).findAllByRole('button', { name: /^(Authenticator app|Authenticator-App)/ }))[0]!);
  await waitFor(() => expect(codeField(dialog)).toBeInTheDocument());
  await context.userEvent.type(codeField(dialog), '274819');
  await waitFor(() => expect(dialog).toHaveAttribute('data-stage', 'recovery-codes'));
  return dialog;
}

const overlay = () => document.querySelector<HTMLElement>('.mfa-overlay')!;

/** The QR step: a click on the overlay keeps the modal, the key and the field. */
export const BackdropClickDuringSetup: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'enrolling');
    await context.userEvent.click((await within(dialog).findAllByRole('button', { name: /^Authenticator app/ }))[0]!);
    await waitFor(() => expect(codeField(dialog)).toBeInTheDocument());
    await context.userEvent.click(overlay());
    await expect(screen.getByRole('dialog')).toBe(dialog);
    await expect(within(dialog).getByLabelText('Setup key')).toBeVisible();
    await expect(within(dialog).getByText('Authenticator app · 2 of 3')).toBeVisible();
  },
};

/** Esc on the recovery codes: "Your recovery codes aren't saved yet", Stay focused. */
export const ConfirmDiscard: Story = {
  play: async (context) => {
    const dialog = await showRecoveryCodes(context);
    await context.userEvent.keyboard('{Escape}');
    const ask = await within(dialog).findByRole('alertdialog', { name: 'Your recovery codes aren’t saved yet' });
    await expect(within(ask).getByRole('button', { name: 'Stay' })).toHaveFocus();
    await expect(within(ask).getByRole('button', { name: 'Leave anyway' })).toHaveAttribute('data-variant', 'danger');
  },
};

export const ConfirmDiscardDark: Story = { ...ConfirmDiscard, globals: { theme: 'dark' } };

export const ConfirmDiscardGerman: Story = {
  globals: { locale: 'de' },
  play: async (context) => {
    const dialog = await showRecoveryCodes(context);
    await context.userEvent.click(within(dialog).getByRole('button', { name: 'Schließen' }));
    const ask = await within(dialog).findByRole('alertdialog', { name: 'Ihre Wiederherstellungscodes sind noch nicht gespeichert' });
    await expect(within(ask).getByRole('button', { name: 'Bleiben' })).toHaveFocus();
  },
};

/** Stay: the codes are still there; leave: the promise says the codes were not saved. */
export const StayThenLeave: Story = {
  play: async (context) => {
    const dialog = await showRecoveryCodes(context);
    await context.userEvent.click(overlay());
    await expect(within(dialog).queryByRole('alertdialog')).toBeNull();
    await context.userEvent.keyboard('{Escape}');
    await context.userEvent.click(await within(dialog).findByRole('button', { name: 'Stay' }));
    await expect(within(dialog).getByRole('list', { name: 'Recovery codes' })).toBeVisible();
    await context.userEvent.keyboard('{Escape}');
    await context.userEvent.click(await within(dialog).findByRole('button', { name: 'Leave anyway' }));
    await expectResult(context, 'Rejected: MfaError (mfa_recovery_codes_unsaved)');
  },
};

/** The codes themselves: a boxed, numbered grid with Copy, Download and Print. */
export const RecoveryCodesGrid: Story = {
  play: async (context) => {
    const dialog = await showRecoveryCodes(context);
    for (const name of ['Copy Recovery codes', 'Download', 'Print']) await expect(within(dialog).getByRole('button', { name })).toBeVisible();
    const code = within(dialog).getAllByRole('listitem')[0]!.querySelector('code')!;
    await expect(getComputedStyle(code).fontSize).toBe('15px');
    await expectStep(dialog, 'enrolling');
  },
};

export const RecoveryCodesGridDarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await showRecoveryCodes(context);
    await expect(within(dialog).getByRole('button', { name: 'Drucken' })).toBeVisible();
  },
};
