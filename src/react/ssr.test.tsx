// @vitest-environment node
// Server-side rendering for real: no `document`, no `window`. The provider and every hook
// render the app and nothing of the modal, touch no browser global, and log nothing.
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useGetMfaToken } from './hooks/use-get-mfa-token.js';
import { useIsMfaRequiredForAction } from './hooks/use-is-mfa-required-for-action.js';
import { useMfa } from './hooks/use-mfa.js';
import { usePromptMfaAuth } from './hooks/use-prompt-mfa-auth.js';
import { useStepUpAuthentication } from './hooks/use-step-up-authentication.js';
import { MfaProvider } from './mfa-provider.js';
import { MfaSettings } from './settings/mfa-settings.js';

function Wallet() {
  usePromptMfaAuth();
  useIsMfaRequiredForAction();
  useStepUpAuthentication();
  useMfa();
  useGetMfaToken();
  return <button type="button">Export private key</button>;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('server-side rendering without a DOM', () => {
  it('should render the app, no modal, and log nothing', () => {
    expect(typeof document).toBe('undefined');
    const logged = vi.spyOn(console, 'error');
    const warned = vi.spyOn(console, 'warn');
    const html = renderToString(
      <MfaProvider apiBaseUrl="/mfa">
        <Wallet />
        <MfaSettings />
      </MfaProvider>,
    );
    expect(html).toContain('Export private key');
    expect(html).not.toContain('<dialog');
    expect(logged).not.toHaveBeenCalled();
    expect(warned).not.toHaveBeenCalled();
  });
});
