import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MfaCancelledError, MfaInvalidCodeError } from '../core/errors.js';
import type { MfaApi } from '../core/http/mfa-api.js';
import type { MfaMethodsResponse, VerifyResponse } from '../protocol/index.js';
import { usePromptMfaAuth } from './hooks/use-prompt-mfa-auth.js';
import { useIsMfaRequiredForAction } from './hooks/use-is-mfa-required-for-action.js';
import { useGetMfaToken } from './hooks/use-get-mfa-token.js';
import { MfaProvider } from './mfa-provider.js';
import { de } from './strings/de.js';
import { mergeStrings } from './strings/format.js';
import { getElevatedAccessToken, getMountedController, promptMfaAuth } from '../core/prompt/mounted-provider.js';
import { axeViolations } from './test/axe.js';
import { stubApi } from './test/stub-api.js';
import { useMfaPromptState } from './use-mfa-prompt-state.js';
import { FAR_FUTURE } from '../../test/fixtures-shared.js';

const granted = (token: string): VerifyResponse => ({
  method: 'totp',
  elevatedAccessToken: { token, scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse: true },
});
const withTotp: MfaMethodsResponse = {
  totpDevices: [{ id: 'dev-1', createdAt: '2026-11-01T10:00:00.000Z', isDefault: true }],
  passkeys: [],
  recoveryCodes: { remaining: 10, acknowledged: true },
  userHasVerifiedMfaMethods: true,
};

/** The documented pattern: a button whose handler prompts and shows what came back. */
function ExportButton() {
  const promptMfaAuth = usePromptMfaAuth();
  const [result, setResult] = useState('');
  return (
    <>
      <button
        type="button"
        onClick={() =>
          promptMfaAuth({ requestedScopes: ['wallet:export'] }).then(
            (token) => setResult(`token ${token}`),
            (error: unknown) => setResult(error instanceof MfaCancelledError ? 'cancelled' : `failed ${String(error)}`),
          )
        }
      >
        Export private key
      </button>
      <output>{result}</output>
    </>
  );
}

function renderApp(api: MfaApi) {
  return render(
    <MfaProvider api={api} theme="light">
      <main>
        <ExportButton />
      </main>
    </MfaProvider>,
  );
}

describe('MfaProvider with the real prompt controller', () => {
  describe('given a user with an authenticator app', () => {
    describe('when they enter a wrong code, then the right one', () => {
      it('should keep the modal open with the error, then resolve with the elevated token', async () => {
        const user = userEvent.setup();
        const verifyTotp = vi
          .fn<MfaApi['verifyTotp']>()
          .mockRejectedValueOnce(new MfaInvalidCodeError('Invalid code', 4))
          .mockResolvedValueOnce(granted('elevated-1'));
        renderApp(stubApi({ getMethods: async () => withTotp, verifyTotp }));

        await user.click(screen.getByRole('button', { name: 'Export private key' }));
        const field = await screen.findByRole('textbox', { name: 'Authentication code' });
        expect(screen.getByRole('dialog', { name: /To export your private key/ })).toBeInTheDocument();
        await user.type(field, '000000');
        expect(await screen.findByRole('alert')).toHaveTextContent('That code didn’t work. 4 attempts left.');
        expect(screen.getByRole('dialog')).toBeInTheDocument();

        await user.keyboard('123456');
        expect(verifyTotp).toHaveBeenLastCalledWith(
          expect.objectContaining({ code: '123456', deviceId: 'dev-1', requestedScopes: ['wallet:export'] }),
          expect.anything(),
        );
        expect(await screen.findByText('token elevated-1', {}, { timeout: 3000 })).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        expect(screen.getByRole('button', { name: 'Export private key' })).toHaveFocus();
      });
    });

    describe('when they press Esc', () => {
      it('should reject the prompt with MfaCancelledError', async () => {
        const user = userEvent.setup();
        renderApp(stubApi({ getMethods: async () => withTotp }));
        await user.click(screen.getByRole('button', { name: 'Export private key' }));
        await screen.findByRole('textbox', { name: 'Authentication code' });
        await user.keyboard('{Escape}');
        expect(await screen.findByText('cancelled')).toBeInTheDocument();
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      });
    });
  });

  describe('given promptMfaAuth is called outside React', () => {
    it('should reject with mfa_provider_not_mounted when no provider is mounted', async () => {
      await expect(promptMfaAuth({ requestedScopes: ['wallet:export'] })).rejects.toMatchObject({ code: 'mfa_provider_not_mounted' });
    });

    it('should open the mounted provider’s modal, and the token should be readable once', async () => {
      const user = userEvent.setup();
      renderApp(stubApi({ getMethods: async () => withTotp, verifyTotp: async () => granted('elevated-2') }));
      let result!: Promise<string>;
      act(() => {
        result = promptMfaAuth({ requestedScopes: ['wallet:export'] });
      });
      await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
      await expect(result).resolves.toBe('elevated-2');
      expect(getElevatedAccessToken({ scope: 'wallet:export', consume: false })).toBe('elevated-2');
      expect(getElevatedAccessToken({ scope: 'wallet:export' })).toBe('elevated-2');
      expect(getElevatedAccessToken({ scope: 'wallet:export' })).toBeUndefined();
    });

    it('should reject a prompt left open when the provider unmounts', async () => {
      const { unmount } = renderApp(stubApi({ getMethods: async () => withTotp }));
      let result!: Promise<string>;
      act(() => {
        result = promptMfaAuth({ requestedScopes: ['wallet:export'] });
      });
      result.catch(() => undefined);
      await screen.findByRole('dialog');
      unmount();
      await expect(result).rejects.toMatchObject({ code: 'mfa_provider_not_mounted' });
    });
  });

  describe('given sessionKey changes (sign-out, or another user signs in)', () => {
    it('should forget the stored tokens and reject the open prompt with MfaCancelledError', async () => {
      const api = stubApi({ getMethods: async () => withTotp });
      const app = (sessionKey: string | null) => (
        <MfaProvider api={api} theme="light" sessionKey={sessionKey}>
          <main />
        </MfaProvider>
      );
      const { rerender } = render(app('alice'));
      getMountedController()!.tokens.saveElevatedToken({ token: 'alice-token', scopes: ['wallet:sign'], expiresAt: FAR_FUTURE, singleUse: false });
      let pending!: Promise<string>;
      act(() => {
        pending = promptMfaAuth({ requestedScopes: ['wallet:export'] });
      });
      pending.catch(() => undefined);
      await screen.findByRole('dialog');

      rerender(app(null));

      await expect(pending).rejects.toBeInstanceOf(MfaCancelledError);
      expect(getElevatedAccessToken({ scope: 'wallet:sign', consume: false })).toBeUndefined();
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    });

    it('should not let a prompt made as the next session renders resolve from the previous one’s token', async () => {
      const api = stubApi({ getMethods: async () => withTotp });
      let prompted: Promise<string> | undefined;
      function PromptOnMount() {
        useEffect(() => {
          prompted = promptMfaAuth({ requestedScopes: ['wallet:sign'] });
          prompted.catch(() => undefined);
        }, []);
        return null;
      }
      const app = (sessionKey: string, child: boolean) => (
        <MfaProvider api={api} theme="light" sessionKey={sessionKey}>
          {child ? <PromptOnMount /> : null}
        </MfaProvider>
      );
      const { rerender } = render(app('alice', false));
      getMountedController()!.tokens.saveElevatedToken({ token: 'alice-token', scopes: ['wallet:sign'], expiresAt: FAR_FUTURE, singleUse: false });
      rerender(app('bob', true));
      const settled = await Promise.race([prompted!, new Promise((resolve) => setTimeout(() => resolve('still open'), 50))]).catch((error: unknown) => error);
      expect(settled).not.toBe('alice-token');
    });
  });

  describe('given modal={false}', () => {
    it('should render no modal, while useMfaPromptState reports the step for a custom UI', async () => {
      function Headless() {
        const state = useMfaPromptState();
        return <p>step: {state.step}</p>;
      }
      const user = userEvent.setup();
      render(
        <MfaProvider api={stubApi({ getMethods: async () => withTotp })} modal={false}>
          <ExportButton />
          <Headless />
        </MfaProvider>,
      );
      await user.click(screen.getByRole('button', { name: 'Export private key' }));
      expect(await screen.findByText('step: totp')).toBeInTheDocument();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  describe('given server-side rendering', () => {
    it('should render the app and nothing of the modal, without crashing', () => {
      const html = renderToString(
        <MfaProvider apiBaseUrl="/mfa">
          <ExportButton />
        </MfaProvider>,
      );
      expect(html).toContain('Export private key');
      expect(html).not.toContain('dialog');
      expect(html).not.toContain('mfa-');
    });
  });

  describe('given German', () => {
    it('should speak German when given the German strings', async () => {
      const user = userEvent.setup();
      render(
        <MfaProvider api={stubApi({ getMethods: async () => withTotp })} strings={de}>
          <ExportButton />
        </MfaProvider>,
      );
      await user.click(screen.getByRole('button', { name: 'Export private key' }));
      expect(await screen.findByRole('dialog', { name: /Um Ihren privaten Schlüssel zu exportieren/ })).toBeInTheDocument();
      expect(await screen.findByRole('textbox', { name: 'Bestätigungscode' })).toBeInTheDocument();
      expect(await axeViolations()).toEqual([]);
    });
  });

  describe('given string overrides', () => {
    it('should use them over the locale’s', async () => {
      const user = userEvent.setup();
      render(
        <MfaProvider api={stubApi({ getMethods: async () => withTotp })} strings={{ title: { scope: { 'wallet:export': 'Export your key?' } } }}>
          <ExportButton />
        </MfaProvider>,
      );
      await user.click(screen.getByRole('button', { name: 'Export private key' }));
      expect(await screen.findByRole('dialog', { name: /^Export your key\? / })).toBeInTheDocument();
    });

    it('should keep the rest of German when a few German words are replaced with mergeStrings', async () => {
      const user = userEvent.setup();
      render(
        <MfaProvider
          api={stubApi({ getMethods: async () => withTotp })}
          strings={mergeStrings(de, { title: { scope: { 'wallet:export': 'Schlüssel exportieren?' } } })}
        >
          <ExportButton />
        </MfaProvider>,
      );
      await user.click(screen.getByRole('button', { name: 'Export private key' }));
      const dialog = await screen.findByRole('dialog', { name: 'Schlüssel exportieren? Code Ihrer Authenticator-App eingeben' });
      expect(dialog).toHaveAttribute('lang', 'de');
      expect(await screen.findByRole('textbox', { name: 'Bestätigungscode' })).toBeInTheDocument();
    });
  });
});

describe('hooks', () => {
  const wrapper = (api: MfaApi) =>
    function Wrapper({ children }: { children: React.ReactNode }) {
      return <MfaProvider api={api}>{children}</MfaProvider>;
    };

  describe('given a hook used outside MfaProvider', () => {
    it('should throw a sentence that says to wrap the app in <MfaProvider>', () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(() => renderHook(() => usePromptMfaAuth())).toThrow('`usePromptMfaAuth` must be used inside <MfaProvider>. Wrap your app in <MfaProvider>.');
    });
  });

  describe('useIsMfaRequiredForAction', () => {
    it('should ask the server', async () => {
      const { result } = renderHook(() => useIsMfaRequiredForAction(), { wrapper: wrapper(stubApi({ isActionRequired: async () => false })) });
      await expect(result.current({ mfaAction: 'wallet.waas.export' })).resolves.toBe(false);
    });

    it('should fail closed when the server can’t answer', async () => {
      const { result } = renderHook(() => useIsMfaRequiredForAction(), { wrapper: wrapper(stubApi()) });
      await expect(result.current({ mfaAction: 'wallet.waas.export' })).resolves.toBe(true);
    });
  });

  describe('useGetMfaToken', () => {
    it('should work destructured and called directly, as both Dynamic docs show', async () => {
      const { result } = renderHook(() => useGetMfaToken(), { wrapper: wrapper(stubApi()) });
      const { getMfaToken } = result.current;
      await expect(getMfaToken()).resolves.toBeUndefined();
      await expect(result.current()).resolves.toBeUndefined();
    });
  });
});
