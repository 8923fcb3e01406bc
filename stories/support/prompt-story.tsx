/**
 * What every modal story renders: the real `MfaProvider` (so the real prompt controller and
 * modal) over a stub `MfaApi`, and a one-button "wallet" that calls `usePromptMfaAuth()`
 * exactly as an app does and prints how the promise settled.
 */
import { useState } from 'react';
import { MfaProvider, isMfaError, usePromptMfaAuth, type MfaApi, type MfaMethod, type PromptMfaAuthParams } from 'mfa-kit/react';
import { useStoryGlobals } from './story-globals.js';

export interface PromptStoryProps {
  /** Makes the stub server; called once per mount so each story starts clean. */
  api: () => MfaApi;
  /** What the wallet action asks `promptMfaAuth` for. */
  request: PromptMfaAuthParams;
  /** The wallet button that starts the prompt. */
  label: string;
  /** The `methods` prop of `MfaProvider`. @default all three */
  methods?: MfaMethod[];
}

export function PromptStory({ api, request, label, methods }: PromptStoryProps) {
  const { theme, strings } = useStoryGlobals();
  const [client] = useState(api);
  return (
    <MfaProvider api={client} theme={theme} strings={strings} {...(methods ? { methods } : {})}>
      <WalletAction label={label} request={request} />
    </MfaProvider>
  );
}

function WalletAction({ label, request }: { label: string; request: PromptMfaAuthParams }) {
  const promptMfaAuth = usePromptMfaAuth();
  const [result, setResult] = useState('');
  const run = () => {
    setResult('');
    promptMfaAuth(request).then(
      (token) => setResult(`Approved with ${token}`),
      (error: unknown) => setResult(isMfaError(error) ? `Rejected: ${error.name} (${error.code})` : `Rejected: ${String(error)}`),
    );
  };
  return (
    <main className="story-wallet">
      <h1>Demo wallet</h1>
      <button type="button" className="story-button" onClick={run}>
        {label}
      </button>
      <output className="story-result" aria-label="Result">
        {result}
      </output>
    </main>
  );
}
