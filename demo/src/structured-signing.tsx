/**
 * Signing a transaction, typed data and an EIP-7702 authorization through the demo `wallet`.
 * Each prompt is bound to its request, so the modal shows the summary of exactly what is
 * signed; each result is checked here with viem against the wallet's address.
 */
import { useState, type ReactNode } from 'react';
import { parseTransaction, recoverTransactionAddress, verifyTypedData, formatEther } from 'viem';
import { recoverAuthorizationAddress } from 'viem/utils';
import type { Wallet } from './create-wallet';
import { SAMPLE_TRANSACTION, SAMPLE_TYPED_DATA, sampleAuthorization } from './signing-samples';
import { describeFailure } from './use-guarded-action';

type Kind = 'transaction' | 'typed-data' | 'authorization';
type Outcome = { kind: 'busy' } | { kind: 'ok'; body: ReactNode } | { kind: 'error'; message: string };

const verdict = (ok: boolean, what: string) => (ok ? `✓ ${what} recovers to your address.` : `✗ ${what} does not recover to your address.`);

export function StructuredSigning({ wallet, address }: { wallet: Wallet; address: string | null }) {
  const [outcomes, setOutcomes] = useState<Partial<Record<Kind, Outcome>>>({});
  const [allChains, setAllChains] = useState(false);
  const same = (other: string) => other.toLowerCase() === address?.toLowerCase();

  async function run(kind: Kind, sign: () => Promise<ReactNode>) {
    if (outcomes[kind]?.kind === 'busy') return;
    setOutcomes((all) => ({ ...all, [kind]: { kind: 'busy' } }));
    try {
      const body = await sign();
      setOutcomes((all) => ({ ...all, [kind]: { kind: 'ok', body } }));
    } catch (error) {
      setOutcomes((all) => ({ ...all, [kind]: { kind: 'error', message: describeFailure(error) } }));
    }
  }

  const signTransaction = () =>
    run('transaction', async () => {
      const { signedTransaction } = await wallet.signTransaction(SAMPLE_TRANSACTION);
      const parsed = parseTransaction(signedTransaction);
      const signer = await recoverTransactionAddress({ serializedTransaction: signedTransaction as never });
      return `${verdict(same(signer), 'The transaction')} It pays ${formatEther(parsed.value ?? 0n)} ETH to ${parsed.to} on chain ${parsed.chainId}.`;
    });
  const signTypedData = () =>
    run('typed-data', async () => {
      const { signature } = await wallet.signTypedData(SAMPLE_TYPED_DATA);
      const valid = await verifyTypedData({ ...SAMPLE_TYPED_DATA, address: address as `0x${string}`, signature } as Parameters<typeof verifyTypedData>[0]);
      return verdict(valid, 'The typed-data signature');
    });
  const signAuthorization = () =>
    run('authorization', async () => {
      const { signedAuthorization } = await wallet.signAuthorization(sampleAuthorization(allChains));
      const signer = await recoverAuthorizationAddress({ authorization: signedAuthorization });
      return `${verdict(same(signer), 'The authorization')} It delegates to ${signedAuthorization.address} on chain ${signedAuthorization.chainId}.`;
    });

  return (
    <section aria-labelledby="structured-title">
      <h3 id="structured-title">More signatures</h3>
      <SigningAction kind="transaction" outcome={outcomes.transaction}>
        <button type="button" onClick={signTransaction} aria-disabled={outcomes.transaction?.kind === 'busy'}>
          Sign a transaction (0.01 ETH on Base)
        </button>
      </SigningAction>
      <SigningAction kind="typed-data" outcome={outcomes['typed-data']}>
        <button type="button" onClick={signTypedData} aria-disabled={outcomes['typed-data']?.kind === 'busy'}>
          Sign typed data (EIP-712 mail)
        </button>
      </SigningAction>
      <SigningAction kind="authorization" outcome={outcomes.authorization}>
        <div className="row">
          <button type="button" onClick={signAuthorization} aria-disabled={outcomes.authorization?.kind === 'busy'}>
            Sign an EIP-7702 authorization
          </button>
          <label className="row">
            <input type="checkbox" checked={allChains} onChange={(e) => setAllChains(e.target.checked)} />
            <span>on every chain (chain id 0)</span>
          </label>
        </div>
      </SigningAction>
    </section>
  );
}

function SigningAction({ kind, outcome, children }: { kind: Kind; outcome: Outcome | undefined; children: ReactNode }) {
  return (
    <div className="action">
      {children}
      <div role="status" aria-live="polite" className="outcome" data-testid={`outcome-${kind}`} data-outcome={outcome?.kind ?? 'none'}>
        {outcome?.kind === 'busy' && <p className="muted">Working on it…</p>}
        {outcome?.kind === 'ok' && <p>{outcome.body}</p>}
        {outcome?.kind === 'error' && <p className="error">{outcome.message}</p>}
      </div>
    </div>
  );
}
