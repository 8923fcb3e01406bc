import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, screen, waitFor, within } from 'storybook/test';
import { MfaProvider, MfaSettings, type MfaApi } from 'mfa-kit/react';
import { installFakeWebAuthn } from './support/fake-webauthn.js';
import { expectStep } from './support/play.js';
import { useStoryGlobals } from './support/story-globals.js';
import { createStubApi } from './support/stub-api.js';

/** `MfaSettings` under the real provider: the factors page of the demo wallet. */
function SettingsStory({ api }: { api: () => MfaApi }) {
  const { theme, strings } = useStoryGlobals();
  const [client] = useState(api);
  return (
    <MfaProvider api={client} theme={theme} strings={strings}>
      <main>
        <MfaSettings />
      </main>
    </MfaProvider>
  );
}

const meta = {
  title: 'Settings/MfaSettings',
  component: SettingsStory,
  args: { api: () => createStubApi('totp+passkey') },
  beforeEach: () => installFakeWebAuthn('waiting'),
} satisfies Meta<typeof SettingsStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithFactors: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('MacBook Touch ID');
    await expect(canvas.getByRole('button', { name: 'Add a passkey' })).toBeVisible();
  },
};

export const WithFactorsDarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  play: async ({ canvas }) => {
    await canvas.findByText('MacBook Touch ID');
    await canvas.findByRole('button', { name: 'Passkey hinzufügen' });
  },
};

/** Removing a factor steps up with `credential:unlink` first, in the same modal. */
export const RemoveStepsUp: Story = {
  play: async ({ canvas, userEvent }) => {
    await canvas.findByText('MacBook Touch ID');
    await userEvent.click(canvas.getByRole('button', { name: 'Remove MacBook Touch ID' }));
    const confirm = canvas.getAllByRole('button', { name: /^Remove/ }).at(-1);
    if (confirm) await userEvent.click(confirm);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toBeVisible());
    await expectStep(dialog, 'choosing');
    await expect(dialog).toHaveAccessibleName(/To remove a sign-in method/);
    await expect(within(dialog).getByRole('list')).toBeVisible();
  },
};
