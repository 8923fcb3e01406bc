/**
 * The four guarded wallet actions. Each one steps up (when the server says it must) and
 * then calls its guarded route; a cancelled prompt means the route is never called.
 */
import { MFAAction, TokenScope } from 'mfa-kit';
import { useIsMfaRequiredForAction, usePromptMfaAuth, useStepUpFetch } from 'mfa-kit/react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { recoverMessageAddress } from 'viem';
import { createWallet } from './create-wallet';
import type { Session } from './sign-in';
import { StructuredSigning } from './structured-signing';
import { ConfirmSendDialog } from './confirm-send-dialog';
import { describeFailure, useGuardedAction } from './use-guarded-action';
import { createWalletApi } from './wallet-api';
import { WalletLifecycle } from './wallet-lifecycle';

/** A challenged signature is approved for its own request body, so the modal shows what is signed. */
const bindSignature = ({ url, body }: { url: string; body: unknown }) => {
  if (!/\/wallet\/sign-[a-z-]+$/.test(url)) return undefined;
  const message = url.endsWith('/wallet/sign-message') ? (body as { message: string }).message : undefined;
  return { mfaAction: MFAAction.WalletWaasSign, payload: body, ...(message !== undefined ? { summary: `Sign the message “${message}”` } : {}) };
};

type Outcome = { kind: 'busy' } | { kind: 'ok'; title: string; body: ReactNode } | { kind: 'error'; message: string };
type ActionName = 'export' | 'sign' | 'delegation';

export function Wallet({ session }: { session: Session }) {
  const guardedAction = useGuardedAction();
  const stepUpFetch = useStepUpFetch({ action: bindSignature });
  const walletApi = useMemo(() => createWalletApi(stepUpFetch, session.sessionToken), [stepUpFetch, session.sessionToken]);
  const isMfaRequiredForAction = useIsMfaRequiredForAction();
  const promptMfaAuth = usePromptMfaAuth();
  // The README's pattern as one object: each method prompts when needed and the kit's fetch
  // helper attaches the token. The checkboxes below switch to the hand-written variants.
  const wallet = useMemo(
    () => createWallet({ session: session.sessionToken, isMfaRequiredForAction, promptMfaAuth, fetch: stepUpFetch }),
    [session.sessionToken, isMfaRequiredForAction, promptMfaAuth, stepUpFetch],
  );
  const [address, setAddress] = useState<string | null>(null);
  const [message, setMessage] = useState('hello');
  const [legacy, setLegacy] = useState(false);
  const [letServerAsk, setLetServerAsk] = useState(false);
  const [delegated, setDelegated] = useState(false);
  const plain = !legacy && !letServerAsk;
  // One outcome per action: actions run side by side, and their prompts share one modal.
  const [outcomes, setOutcomes] = useState<Partial<Record<ActionName, Outcome>>>({});
  const setOutcome = (name: ActionName, outcome: Outcome) => setOutcomes((all) => ({ ...all, [name]: outcome }));

  useEffect(() => {
    walletApi.getWallet().then(
      (wallet) => setAddress(wallet.address),
      (error: unknown) => setOutcome('export', { kind: 'error', message: describeFailure(error) }),
    );
  }, [walletApi]);

  async function run(name: ActionName, action: () => Promise<Outcome>) {
    if (outcomes[name]?.kind === 'busy') return;
    setOutcome(name, { kind: 'busy' });
    try {
      setOutcome(name, await action());
    } catch (error) {
      setOutcome(name, { kind: 'error', message: describeFailure(error) });
    }
  }
  // Busy buttons are aria-disabled, not disabled: the modal returns focus to the button that
  // opened it, and a disabled button cannot take focus.
  const busy = (name: ActionName) => outcomes[name]?.kind === 'busy';

  const exportKey = () =>
    run('export', async () => {
      const { privateKey } = plain
        ? await wallet.exportPrivateKey()
        : await walletApi.exportKey(await guardedAction({ mfaAction: MFAAction.WalletWaasExport, scope: TokenScope.Walletexport, legacy, letServerAsk }));
      return { kind: 'ok', title: 'Private key exported', body: <code data-testid="private-key">{privateKey}</code> };
    });

  const signMessage = () =>
    run('sign', async () => {
      const { signature } = plain
        ? await wallet.signMessage(message)
        : await walletApi.signMessage(
            message,
            await guardedAction({
              mfaAction: MFAAction.WalletWaasSign,
              scope: TokenScope.Walletsign,
              legacy,
              letServerAsk,
              approval: { payload: { message }, summary: `Sign the message “${message}”` },
            }),
          );
      const recovered = await recoverMessageAddress({ message, signature: signature as `0x${string}` });
      const matches = recovered.toLowerCase() === address?.toLowerCase();
      return {
        kind: 'ok',
        title: `Signed “${message}”`,
        body: (
          <>
            <code data-testid="signature">{signature}</code>
            <p data-testid="recovered">
              {matches ? `✓ The signature recovers to your address ${recovered}.` : `✗ The signature recovers to ${recovered}, not your address.`}
            </p>
          </>
        ),
      };
    });

  const setDelegation = (enabled: boolean) =>
    run('delegation', async () => {
      const proof = enabled
        ? await guardedAction({ mfaAction: MFAAction.WalletWaasRefresh, scope: TokenScope.Walletrefresh, legacy, letServerAsk })
        : await guardedAction({ mfaAction: MFAAction.WalletWaasReshare, scope: TokenScope.Walletreshare, legacy, letServerAsk });
      const result = await walletApi.setDelegation(enabled, proof);
      setDelegated(result.delegated);
      return { kind: 'ok', title: result.delegated ? 'Access delegated' : 'Delegated access revoked', body: null };
    });

  return (
    <section className="card" aria-labelledby="wallet-title">
      <h2 id="wallet-title">Your wallet</h2>
      <p>
        Address: <code data-testid="address">{address ?? 'loading…'}</code>
      </p>
      <WalletLifecycle wallet={wallet} />
      <label className="row">
        <input type="checkbox" checked={legacy} onChange={(e) => setLegacy(e.target.checked)} />
        <span>
          Use the deprecated single-use MFA token (<code>createMfaToken</code>)
        </span>
      </label>

      <label className="row">
        <input type="checkbox" checked={letServerAsk} onChange={(e) => setLetServerAsk(e.target.checked)} />
        <span>Don’t ask first: call the route and let the server ask for step-up</span>
      </label>

      <WalletAction name="export" outcome={outcomes.export}>
        <button type="button" onClick={exportKey} aria-disabled={busy('export')}>
          Export private key
        </button>
      </WalletAction>

      <WalletAction name="sign" outcome={outcomes.sign}>
        <div className="row">
          <label htmlFor="message" className="visually-hidden">
            Message to sign
          </label>
          <input id="message" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} />
          <button type="button" onClick={signMessage} aria-disabled={busy('sign')} disabled={message === ''}>
            Sign message
          </button>
        </div>
      </WalletAction>

      <StructuredSigning wallet={wallet} address={address} />

      <div className="action">
        <ConfirmSendDialog />
      </div>

      <WalletAction name="delegation" outcome={outcomes.delegation}>
        <div className="row">
          <button type="button" onClick={() => setDelegation(true)} aria-disabled={busy('delegation')} disabled={delegated}>
            Delegate access
          </button>
          <button type="button" onClick={() => setDelegation(false)} aria-disabled={busy('delegation')} disabled={!delegated}>
            Revoke delegated access
          </button>
        </div>
      </WalletAction>
    </section>
  );
}

function WalletAction({ name, outcome, children }: { name: ActionName; outcome: Outcome | undefined; children: ReactNode }) {
  return (
    <div className="action">
      {children}
      <div role="status" aria-live="polite" className="outcome" data-testid={`outcome-${name}`} data-outcome={outcome?.kind ?? 'none'}>
        {outcome?.kind === 'busy' && <p className="muted">Working on it…</p>}
        {outcome?.kind === 'ok' && (
          <>
            <h3>{outcome.title}</h3>
            {outcome.body}
          </>
        )}
        {outcome?.kind === 'error' && <p className="error">{outcome.message}</p>}
      </div>
    </div>
  );
}
