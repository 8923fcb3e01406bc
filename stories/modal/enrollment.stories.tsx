import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { TokenScope } from 'mfa-kit/react';
import { installFakeWebAuthn } from '../support/fake-webauthn.js';
import { expectResult, expectStep, openPrompt } from '../support/play.js';
import { PromptStory } from '../support/prompt-story.js';
import { RECOVERY_CODES, createStubApi, offline, pending, wrongCode } from '../support/stub-api.js';

/**
 * Enroll, then continue (docs/architecture.md §5): a user with no method yet is offered one in the same
 * modal, and the first verification of it is the step-up itself. The first method also
 * brings the recovery codes, which must be acknowledged before the prompt resolves.
 */
const meta = {
  title: 'Modal/Enrollment',
  component: PromptStory,
  args: {
    api: () => createStubApi('none'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
  // A browser with WebAuthn whose passkey sheet waits for the user.
  beforeEach: () => installFakeWebAuthn('waiting'),
} satisfies Meta<typeof PromptStory>;
export default meta;
type Story = StoryObj<typeof meta>;
type Context = Parameters<NonNullable<Story['play']>>[0];

const codeField = (dialog: HTMLElement) => within(dialog).getByRole('textbox', { name: /Authentication code|Bestätigungscode/ });

async function startTotp(context: Context) {
  const dialog = await openPrompt(context, 'enrolling');
  await context.userEvent.click(within(dialog).getByRole('button', { name: /^(Authenticator app|Authenticator-App)/ }));
  await waitFor(() => expect(codeField(dialog)).toBeInTheDocument());
  return dialog;
}

export const Choose: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'enrolling');
    // Enrollment's screens load on demand: the list arrives a moment after the step.
    const list = await within(dialog).findByRole('list', { name: 'Add a second step to confirm sensitive actions.' });
    const options = within(list).getAllByRole('button');
    await expect(options.map((button) => button.dataset.method)).toEqual(['totp', 'passkey']);
    await expect(options[0]).toHaveFocus();
  },
};

/** No WebAuthn in this browser: only the authenticator app can be set up. */
export const ChooseWithoutWebAuthn: Story = {
  beforeEach: () => installFakeWebAuthn('unsupported'),
  play: async (context) => {
    const dialog = await openPrompt(context, 'enrolling');
    const list = within(dialog).getByRole('list', { name: 'Add a second step to confirm sensitive actions.' });
    await expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.dataset.method),
    ).toEqual(['totp']);
  },
};

/** `POST /mfa/totp/devices` in flight. */
export const Starting: Story = {
  args: { api: () => createStubApi('none', { createTotpDevice: pending }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'enrolling');
    await context.userEvent.click(within(dialog).getByRole('button', { name: /^Authenticator app/ }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Setting up…'));
    await expect(dialog).toHaveAttribute('aria-busy', 'true');
  },
};

/** `POST /mfa/totp/devices` failed: "Try again" starts it again. */
export const StartFailed: Story = {
  args: { api: () => createStubApi('none', { createTotpDevice: offline }) },
  play: async (context) => {
    const dialog = await openPrompt(context, 'enrolling');
    await context.userEvent.click(within(dialog).getByRole('button', { name: /^Authenticator app/ }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('Setting this up didn’t work.'));
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The QR code (drawn once the QR encoder has loaded) and the same secret as a grouped key with Copy. */
export const TotpQrAndSecret: Story = {
  play: async (context) => {
    const dialog = await startTotp(context);
    const qr = await within(dialog).findByRole('img', { name: 'QR code for your authenticator app' });
    await expect(qr).toHaveAttribute('data-state', 'ready');
    await expect(within(dialog).getByLabelText('Setup key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    await expect(within(dialog).getByRole('button', { name: 'Copy Setup key' })).toBeVisible();
    await expect(codeField(dialog)).toHaveFocus();
  },
};

export const TotpFirstCodeWrong: Story = {
  args: { api: () => createStubApi('none', { verifyTotpDevice: () => wrongCode(4) }) },
  play: async (context) => {
    const dialog = await startTotp(context);
    await context.userEvent.type(codeField(dialog), '000000');
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('That code didn’t work. 4 attempts left.'));
    await expect(codeField(dialog)).toHaveValue('');
    // Still on the setup: the QR code stays so the user can check the app scanned it.
    await expect(within(dialog).getByRole('img', { name: /QR code/ })).toBeInTheDocument();
  },
};

export const PasskeyRegistration: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'enrolling');
    await context.userEvent.click(within(dialog).getByRole('button', { name: /^Passkey/ }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Follow your browser’s steps to create a passkey…'));
    await expect(dialog.querySelector('.mfa-passkey')).toHaveAttribute('data-state', 'waiting');
  },
};

export const PasskeyRegistrationCancelled: Story = {
  beforeEach: () => installFakeWebAuthn('cancel'),
  play: async (context) => {
    const dialog = await openPrompt(context, 'enrolling');
    await context.userEvent.click(within(dialog).getByRole('button', { name: /^Passkey/ }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('The passkey wasn’t created: the request was cancelled or timed out.'));
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toHaveFocus();
  },
};

/** The first code was right: the recovery codes, and Continue stays off until they are saved. */
export const RecoveryCodes: Story = {
  play: async (context) => {
    const dialog = await startTotp(context);
    await context.userEvent.type(codeField(dialog), '274819');
    const list = await within(dialog).findByRole('list', { name: 'Recovery codes' });
    await expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(RECOVERY_CODES);
    await expect(within(dialog).getByRole('heading')).toHaveTextContent('Save your recovery codes');
    const proceed = within(dialog).getByRole('button', { name: 'Continue' });
    await expect(proceed).toBeDisabled();
    await expect(within(dialog).getByRole('checkbox', { name: 'I have saved these codes' })).not.toBeChecked();
  },
};

export const RecoveryCodesDarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  play: async (context) => {
    const dialog = await startTotp(context);
    await context.userEvent.type(codeField(dialog), '274819');
    await within(dialog).findByRole('list', { name: 'Wiederherstellungscodes' });
    await expect(within(dialog).getByRole('button', { name: 'Weiter' })).toBeDisabled();
    await expect(within(dialog).getByRole('checkbox', { name: 'Ich habe diese Codes gespeichert' })).toBeVisible();
    await expect(dialog).toHaveAttribute('data-theme', 'dark');
  },
};

/** Ticked and continued: the token from the enrollment's first code resolves the prompt. */
export const RecoveryCodesAcknowledged: Story = {
  play: async (context) => {
    const dialog = await startTotp(context);
    await context.userEvent.type(codeField(dialog), '274819');
    await within(dialog).findByRole('list', { name: 'Recovery codes' });
    await context.userEvent.click(within(dialog).getByRole('checkbox', { name: 'I have saved these codes' }));
    await context.userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await expectStep(dialog, 'success');
    await expectResult(context, 'Approved with eyJ…totp-token');
  },
};
