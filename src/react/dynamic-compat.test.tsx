/**
 * Code written against the documented API of Dynamic's React SDK runs here with only its
 * import paths changed. Each component below follows one of Dynamic's documented
 * usage examples (usePromptMfaAuth, useIsMfaRequiredForAction, useGetMfaToken,
 * useStepUpAuthentication, useMfa); the imports are the only lines that differ.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
// In a Dynamic app: '@dynamic-labs/sdk-react-core', '@dynamic-labs/sdk-api-core', '@dynamic-labs-sdk/client'.
import {
  MFAAction,
  MfaProvider,
  TokenScope,
  getElevatedAccessToken,
  useGetMfaToken,
  useIsMfaRequiredForAction,
  useMfa,
  usePromptMfaAuth,
  useStepUpAuthentication,
} from './index.js';
import { stubApi } from './test/stub-api.js';
import { FAR_FUTURE } from '../../test/fixtures-shared.js';

function CheckMfaRequired() {
  const isMfaRequiredForAction = useIsMfaRequiredForAction();
  const [answer, setAnswer] = useState('');
  const handleCheckMfaRequiredForAction = async () => {
    const isMfaRequired = await isMfaRequiredForAction({ mfaAction: MFAAction.WalletWaasSign });
    setAnswer(`MFA is required for action: ${isMfaRequired}`);
  };
  return (
    <>
      <button onClick={() => handleCheckMfaRequiredForAction()}>Check if MFA is required for an action</button>
      <output>{answer}</output>
    </>
  );
}

function EnsureTotpStepUp({ code }: { code: string }) {
  const { verifyTotpMfa, state } = useStepUpAuthentication();
  const isMfaRequiredForAction = useIsMfaRequiredForAction();
  const [token, setToken] = useState<string | undefined>();
  const ensureElevatedToken = async () => {
    const required = await isMfaRequiredForAction({ mfaAction: MFAAction.WalletWaasExport });
    if (required) await verifyTotpMfa({ code, requestedScopes: [TokenScope.Walletexport] });
    setToken(getElevatedAccessToken({ scope: TokenScope.Walletexport }));
  };
  return (
    <>
      <button onClick={ensureElevatedToken} disabled={state.isLoading}>
        Export
      </button>
      <output>{token ? `elevated ${token}` : ''}</output>
    </>
  );
}

function LegacyPrompt() {
  const promptMfaAuth = usePromptMfaAuth();
  const getMfaToken = useGetMfaToken();
  const [seen, setSeen] = useState('');
  return (
    <>
      <button
        onClick={async () => {
          await promptMfaAuth({ createMfaToken: true });
          setSeen(`mfa token ${await getMfaToken()}`);
        }}
      >
        Prompt MFA
      </button>
      <output>{seen}</output>
    </>
  );
}

function AddTotpDevice() {
  const { addDevice, authenticateDevice, getUserDevices } = useMfa();
  const [status, setStatus] = useState('');
  return (
    <>
      <button
        onClick={async () => {
          const { uri, id } = await addDevice();
          await authenticateDevice({ code: '123456', deviceId: id });
          const devices = await getUserDevices();
          setStatus(`${uri.startsWith('otpauth://') ? 'scanned' : 'no uri'}, ${devices.length} device`);
        }}
      >
        Add device
      </button>
      <output>{status}</output>
    </>
  );
}

function CheckThenPromptStepUp() {
  const { checkStepUpAuth, promptStepUpAuth } = useStepUpAuthentication();
  const [seen, setSeen] = useState('');
  const exportPrivateKey = async () => {
    const { isRequired, credentials, defaultCredentialId } = await checkStepUpAuth({ scope: TokenScope.Walletexport });
    if (isRequired) await promptStepUpAuth({ requestedScopes: [TokenScope.Walletexport] });
    const after = await checkStepUpAuth({ scope: TokenScope.Walletexport });
    setSeen(`required ${isRequired}, ${credentials.map((c) => c.format).join('+')}, default ${defaultCredentialId}; then ${after.isRequired}`);
  };
  return (
    <>
      <button onClick={exportPrivateKey}>Export private key</button>
      <output>{seen}</output>
    </>
  );
}

const device = { id: 'dev-1', createdAt: '2026-11-01T10:00:00.000Z', isDefault: true };
const methods = { totpDevices: [device], passkeys: [], recoveryCodes: { remaining: 10, acknowledged: true }, userHasVerifiedMfaMethods: true };

describe("given code written against Dynamic's documented React SDK API", () => {
  it('should check whether an action needs MFA', async () => {
    const isActionRequired = vi.fn(async (_mfaAction: string) => true);
    render(
      <MfaProvider api={stubApi({ isActionRequired })}>
        <CheckMfaRequired />
      </MfaProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check if MFA is required for an action' }));
    expect(await screen.findByText('MFA is required for action: true')).toBeInTheDocument();
    expect(isActionRequired.mock.calls[0]?.[0]).toBe('wallet.waas.sign');
  });

  it('should step up headlessly with verifyTotpMfa and read the token with getElevatedAccessToken', async () => {
    const verifyTotp = vi.fn(async (_body: object) => ({
      method: 'totp' as const,
      elevatedAccessToken: { token: 'jwt-export', scopes: [TokenScope.Walletexport], expiresAt: FAR_FUTURE, singleUse: true },
    }));
    render(
      <MfaProvider api={stubApi({ isActionRequired: async () => true, verifyTotp })}>
        <EnsureTotpStepUp code="123456" />
      </MfaProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('elevated jwt-export')).toBeInTheDocument();
    expect(verifyTotp.mock.calls[0]?.[0]).toMatchObject({ code: '123456', requestedScopes: ['wallet:export'] });
  });

  it('should run the deprecated createMfaToken prompt, warning once, and hand the token to getMfaToken', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const verifyTotp = vi.fn(async (_body: object) => ({ method: 'totp' as const, mfaToken: { token: 'legacy-1', expiresAt: FAR_FUTURE, singleUse: true } }));
    render(
      <MfaProvider api={stubApi({ getMethods: async () => methods, verifyTotp })} successDelayMs={0}>
        <LegacyPrompt />
      </MfaProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Prompt MFA' }));
    const input = await screen.findByLabelText('Authentication code');
    await waitFor(() => expect(input).toHaveFocus());
    await userEvent.keyboard('123456');
    expect(await screen.findByText('mfa token legacy-1')).toBeInTheDocument();
    expect(verifyTotp.mock.calls[0]?.[0]).toHaveProperty('createMfaToken');
    expect(warn.mock.calls.filter(([message]) => String(message).includes('deprecated'))).toHaveLength(1);
    warn.mockRestore();
  });

  it('should check with checkStepUpAuth, prompt with promptStepUpAuth, then find the scope covered without asking the server', async () => {
    const isActionRequired = vi.fn(async () => true);
    const passkey = { id: 'pk-1', name: 'Laptop', createdAt: '2026-11-20T10:00:00.000Z', lastUsedAt: null };
    const verifyTotp = vi.fn(async (_body: object) => ({
      method: 'totp' as const,
      elevatedAccessToken: { token: 'jwt-export', scopes: [TokenScope.Walletexport], expiresAt: FAR_FUTURE, singleUse: true },
    }));
    const api = stubApi({ isActionRequired, verifyTotp, getMethods: async () => ({ ...methods, passkeys: [passkey] }) });
    render(
      <MfaProvider api={api} successDelayMs={0}>
        <CheckThenPromptStepUp />
      </MfaProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export private key' }));
    const input = await screen.findByLabelText('Authentication code');
    await waitFor(() => expect(input).toHaveFocus());
    await userEvent.keyboard('123456');
    expect(await screen.findByText('required true, totp+passkey, default dev-1; then false')).toBeInTheDocument();
    expect(isActionRequired).toHaveBeenCalledTimes(1);
    expect(isActionRequired).toHaveBeenCalledWith('wallet.waas.export');
  });

  it('checkStepUpAuth fails closed: a server that cannot answer means step-up is required', async () => {
    function Check() {
      const { checkStepUpAuth } = useStepUpAuthentication();
      const [seen, setSeen] = useState('');
      return (
        <>
          <button onClick={async () => setSeen(JSON.stringify(await checkStepUpAuth({ scope: TokenScope.Walletsign })))}>Check</button>
          <output>{seen}</output>
        </>
      );
    }
    render(
      <MfaProvider api={stubApi({ isActionRequired: async () => Promise.reject(new Error('offline')), getMethods: async () => methods })}>
        <Check />
      </MfaProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('{"isRequired":true,"credentials":[]}')).toBeInTheDocument();
  });

  it('should add and verify a TOTP device with useMfa', async () => {
    const api = stubApi({
      createTotpDevice: async () => ({ id: 'dev-2', secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/mfa-kit:alice?secret=JBSWY3DPEHPK3PXP&issuer=mfa-kit' }),
      verifyTotpDevice: async () => ({ method: 'totp', device: { ...device, id: 'dev-2' } }),
      getMethods: async () => ({ ...methods, totpDevices: [{ ...device, id: 'dev-2' }] }),
    });
    render(
      <MfaProvider api={api}>
        <AddTotpDevice />
      </MfaProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add device' }));
    expect(await screen.findByText('scanned, 1 device')).toBeInTheDocument();
  });
});
