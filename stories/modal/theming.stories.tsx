import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { TokenScope } from 'mfa-kit/react';
import { openPrompt } from '../support/play.js';
import { PromptStory, type PromptStoryProps } from '../support/prompt-story.js';
import { createStubApi } from '../support/stub-api.js';

/** The override recipe from Docs/Theming, exactly as written there. */
const OVERRIDE = `
.mfa-content, .mfa-settings { --mfa-accent: #be185d; --mfa-radius: 4px; }
:is(.mfa-content, .mfa-settings)[data-theme='dark'] { --mfa-accent: #f472b6; }
`;

function Themed(props: PromptStoryProps) {
  return (
    <>
      <style>{OVERRIDE}</style>
      <PromptStory {...props} />
    </>
  );
}

const meta = {
  title: 'Theming/Custom accent',
  component: Themed,
  args: {
    api: () => createStubApi('totp'),
    request: { requestedScopes: [TokenScope.Walletexport] },
    label: 'Export private key',
  },
} satisfies Meta<typeof Themed>;
export default meta;
type Story = StoryObj<typeof meta>;

const accentOf = (dialog: HTMLElement) => getComputedStyle(dialog).getPropertyValue('--mfa-accent').trim();

export const Light: Story = {
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await waitFor(() => expect(accentOf(dialog)).toBe('#be185d'));
    await expect(getComputedStyle(dialog).borderTopLeftRadius).toBe('4px');
    await expect(within(dialog).getByRole('button', { name: 'Lost access? Use a recovery code' })).toHaveStyle({
      color: 'rgb(190, 24, 93)',
    });
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    await waitFor(() => expect(accentOf(dialog)).toBe('#f472b6'));
    // Native parts inside (checkboxes, scrollbars) are drawn dark too.
    await expect(getComputedStyle(dialog).colorScheme).toBe('dark');
  },
};

/**
 * The modal renders where the provider is, inside the app's own markup: text styles the app
 * sets there (centred, upper-case, spaced, italic) must not leak into it.
 */
export const InsideAStyledApp: Story = {
  render: (args) => (
    <div style={{ textAlign: 'center', textTransform: 'uppercase', letterSpacing: '0.2em', fontStyle: 'italic', fontWeight: 700 }}>
      <Themed {...args} />
    </div>
  ),
  play: async (context) => {
    const dialog = await openPrompt(context, 'totp');
    const description = within(dialog).getByText('Enter the 6-digit code from your authenticator app.');
    await expect(description).toHaveStyle({ textAlign: 'start', textTransform: 'none', letterSpacing: 'normal', fontStyle: 'normal', fontWeight: '400' });
  },
};
