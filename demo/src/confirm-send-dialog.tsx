/**
 * The app's own modal, as a shadcn/Radix app has one: a "Confirm send" dialog whose button
 * asks for a step-up. The prompt opens above it and closing the prompt leaves it open.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { isMfaError, TokenScope } from 'mfa-kit';
import { usePromptMfaAuth } from 'mfa-kit/react';
import { useState } from 'react';

export function ConfirmSendDialog() {
  const promptMfaAuth = usePromptMfaAuth();
  const [result, setResult] = useState('');
  const confirm = () =>
    promptMfaAuth({ requestedScopes: [TokenScope.Walletsign] }).then(
      () => setResult('Approved: ready to send.'),
      (error: unknown) => setResult(isMfaError(error) ? `Not approved (${error.code}).` : 'Not approved.'),
    );
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <button type="button">Send 0.1 ETH…</button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="app-overlay" />
        <Dialog.Content className="app-dialog" aria-describedby={undefined}>
          <Dialog.Title>Confirm send</Dialog.Title>
          <p>0.1 ETH to 0x000…dEaD</p>
          <button type="button" onClick={confirm}>
            Confirm
          </button>
          <p role="status" data-testid="outcome-send">
            {result}
          </p>
          <Dialog.Close asChild>
            <button type="button">Close</button>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
