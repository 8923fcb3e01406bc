/**
 * The four guarded wallet actions. Each one steps up (when the server says it must) and
 * then calls its guarded route; a cancelled prompt means the route is never called.
 */
import { MFAAction, TokenScope } from 'mfa-kit';
import { useEffect, useState, type ReactNode } from 'react';
import { recoverMessageAddress } from 'viem';
import type { Session } from './sign-in';
import { describeFailure, useGuardedAction } from './use-guarded-action';
import { walletApi } from './wallet-api';

type Outcome = { kind: 'ok'; title: string; body: ReactNode } | { kind: 'error'; message: string };

export function Wallet({ session }: { session: Session }) {
  const guardedAction = useGuardedAction();
  const [address, setAddress] = useState<string | null>(null);
  const [message, setMessage] = useState('hello');
  const [legacy, setLegacy] = useState(false);
  const [delegated, setDelegated] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    walletApi.getWallet(session.sessionToken).then(
      (wallet) => setAddress(wallet.address),
      (error: unknown) => setOutcome({ kind: 'error', message: describeFailure(error) }),
    );
  }, [session.sessionToken]);

  async function run(name: string, action: () => Promise<Outcome>) {
    setBusy(name);
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome({ kind: 'error', message: describeFailure(error) });
    } finally {
      setBusy(null);
    }
  }

  const exportKey = () =>
    run('export', async () => {
      const proof = await guardedAction({ mfaAction: MFAAction.WalletWaasExport, scope: TokenScope.Walletexport, legacy });
      const { privateKey } = await walletApi.exportKey(session.sessionToken, proof);
      return { kind: 'ok', title: 'Private key exported', body: <code data-testid="private-key">{privateKey}</code> };
    });

  const signMessage = () =>
    run('sign', async () => {
      const proof = await guardedAction({
        mfaAction: MFAAction.WalletWaasSign,
        scope: TokenScope.Walletsign,
        legacy,
        approval: { payload: { message }, summary: `Sign the message “${message}”` },
      });
      const { signature } = await walletApi.signMessage(session.sessionToken, message, proof);
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
    run(enabled ? 'delegate' : 'revoke', async () => {
      const proof = enabled
        ? await guardedAction({ mfaAction: MFAAction.WalletWaasRefresh, scope: TokenScope.Walletrefresh, legacy })
        : await guardedAction({ mfaAction: MFAAction.WalletWaasReshare, scope: TokenScope.Walletreshare, legacy });
      const result = await walletApi.setDelegation(session.sessionToken, enabled, proof);
      setDelegated(result.delegated);
      return { kind: 'ok', title: result.delegated ? 'Access delegated' : 'Delegated access revoked', body: null };
    });

  return (
    <section className="card" aria-labelledby="wallet-title">
      <h2 id="wallet-title">Your wallet</h2>
      <p>
        Address: <code data-testid="address">{address ?? 'loading…'}</code>
      </p>
      <div className="actions">
        <button type="button" onClick={exportKey} disabled={busy !== null}>
          Export private key
        </button>
        <div className="row">
          <label htmlFor="message" className="visually-hidden">
            Message to sign
          </label>
          <input id="message" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} />
          <button type="button" onClick={signMessage} disabled={busy !== null || message === ''}>
            Sign message
          </button>
        </div>
        <button type="button" onClick={() => setDelegation(true)} disabled={busy !== null || delegated}>
          Delegate access
        </button>
        <button type="button" onClick={() => setDelegation(false)} disabled={busy !== null || !delegated}>
          Revoke delegated access
        </button>
      </div>
      <label className="row">
        <input type="checkbox" checked={legacy} onChange={(e) => setLegacy(e.target.checked)} />
        Use the deprecated single-use MFA token (<code>createMfaToken</code>)
      </label>
      <div role="status" aria-live="polite" className="outcome" data-outcome={outcome?.kind ?? 'none'}>
        {busy && <p>Working on it…</p>}
        {outcome?.kind === 'ok' && (
          <>
            <h3>{outcome.title}</h3>
            {outcome.body}
          </>
        )}
        {outcome?.kind === 'error' && <p className="error">{outcome.message}</p>}
      </div>
    </section>
  );
}
