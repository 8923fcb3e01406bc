import * as Dialog from '@radix-ui/react-dialog';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, screen, waitFor, within } from 'storybook/test';
import { MfaProvider, TokenScope, isMfaError, usePromptMfaAuth, type MfaApi } from 'mfa-kit/react';
import { expectStep } from '../support/play.js';
import { useStoryGlobals } from '../support/story-globals.js';
import { createStubApi } from '../support/stub-api.js';

/**
 * The step-up asked from inside the app's own modal, a Radix (shadcn) "Confirm send" dialog:
 * the most common place for it in a wallet. Radix listens on `document` to close on a press
 * outside itself, to take focus back and to close on Esc; none of that may touch the prompt,
 * and closing the prompt must leave the app's dialog as it was.
 */
function ConfirmSendDialog({ api }: { api: () => MfaApi }) {
  const { theme, strings } = useStoryGlobals();
  const [client] = useState(api);
  return (
    <MfaProvider api={client} theme={theme} strings={strings}>
      <Dialog.Root defaultOpen>
        <Dialog.Portal>
          <Dialog.Overlay style={{ position: 'fixed', inset: 0, background: 'rgb(0 0 0 / 0.3)' }} />
          <Dialog.Content aria-describedby={undefined} style={{ position: 'fixed', top: 40, left: 40, padding: 24, background: 'white' }}>
            <Dialog.Title>Send 1 ETH</Dialog.Title>
            <ConfirmButton />
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </MfaProvider>
  );
}

function ConfirmButton() {
  const promptMfaAuth = usePromptMfaAuth();
  const [result, setResult] = useState('');
  const confirm = () =>
    promptMfaAuth({ requestedScopes: [TokenScope.Walletsign] }).then(
      () => setResult('Sent'),
      (error: unknown) => setResult(isMfaError(error) ? `Rejected: ${error.code}` : String(error)),
    );
  return (
    <>
      <button type="button" onClick={confirm}>
        Confirm
      </button>
      <output aria-label="Result">{result}</output>
    </>
  );
}

const meta = {
  title: 'Modal/Inside an app dialog',
  component: ConfirmSendDialog,
  args: { api: () => createStubApi('totp') },
} satisfies Meta<typeof ConfirmSendDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

// While the prompt is open, Radix hides the app's dialog from assistive technology (aria-hidden),
// which leaves it without a computed name: found by its title's text instead.
const appDialog = () => {
  const dialog = screen.getAllByRole('dialog', { hidden: true }).find((element) => element.textContent?.includes('Send 1 ETH'));
  if (!dialog) throw new Error('The app’s “Send 1 ETH” dialog is gone.');
  return dialog;
};

export const FromARadixDialog: Story = {
  play: async ({ userEvent }) => {
    const confirm = within(appDialog()).getByRole('button', { name: 'Confirm' });
    await userEvent.click(confirm);
    const prompt = await screen.findByRole('dialog', { name: /To sign with your wallet/ });
    await expectStep(prompt, 'totp');
    // Focus stays in the prompt: Radix's focus trap does not pull it back.
    await waitFor(() => expect(within(prompt).getByRole('textbox', { name: 'Authentication code' })).toHaveFocus());

    // Clicks work in the prompt (Radix made <body> ignore the pointer) and don't close the app's dialog.
    await userEvent.click(within(prompt).getByRole('button', { name: 'Lost access? Use a recovery code' }));
    await expectStep(prompt, 'recovery');
    await expect(appDialog()).toBeInTheDocument();

    // Esc closes the prompt only; the app's dialog stays, with focus back on its button.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /To sign with your wallet/ })).toBeNull());
    await expect(within(appDialog()).getByRole('status', { name: 'Result' })).toHaveTextContent('Rejected: mfa_cancelled');
    await expect(confirm).toHaveFocus();
  },
};
