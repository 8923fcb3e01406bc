/**
 * The wallet events around signing: a pregenerated wallet is claimed by its user (a refresh),
 * and, at the first sign-in after delegated access was approved or revoked, the key is
 * reshared (the modal says why). Read once per sign-in, when the wallet mounts.
 */
import { useEffect, useRef, useState } from 'react';
import type { Wallet } from './create-wallet';
import { describeFailure } from './use-guarded-action';

type Status =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'unclaimed' }
  | { kind: 'resharing' }
  | { kind: 'reshared' }
  | { kind: 'claimed' }
  | { kind: 'error'; message: string; retry: 'claim' | 'reshare' | null };

export function WalletLifecycle({ wallet }: { wallet: Wallet }) {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  // StrictMode runs effects twice in development: one reshare per sign-in, not two.
  const started = useRef(false);

  async function reshare() {
    setStatus({ kind: 'resharing' });
    try {
      await wallet.reshare();
      setStatus({ kind: 'reshared' });
    } catch (error) {
      setStatus({ kind: 'error', message: describeFailure(error), retry: 'reshare' });
    }
  }

  async function claim() {
    try {
      await wallet.claim();
      setStatus({ kind: 'claimed' });
    } catch (error) {
      setStatus({ kind: 'error', message: describeFailure(error), retry: 'claim' });
    }
  }

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    wallet.getWallet().then(
      (state) => {
        if (!state.claimed) setStatus({ kind: 'unclaimed' });
        else if (state.reshareRequired) void reshare();
        else setStatus({ kind: 'ready' });
      },
      (error: unknown) => setStatus({ kind: 'error', message: describeFailure(error), retry: null }),
    );
    // Once per mounted wallet (= per sign-in).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (status.kind === 'loading' || status.kind === 'ready') return null;
  return (
    <div role="status" className="notice" data-testid="wallet-lifecycle" data-state={status.kind}>
      {status.kind === 'unclaimed' && (
        <>
          <p>A wallet was created for you before you first signed in. Claim it to use it.</p>
          <button type="button" onClick={claim}>
            Claim your wallet
          </button>
        </>
      )}
      {status.kind === 'claimed' && <p>Wallet claimed: it is yours now.</p>}
      {status.kind === 'resharing' && <p>Your wallet’s access changed: updating its key shares…</p>}
      {status.kind === 'reshared' && <p>Key shares updated.</p>}
      {status.kind === 'error' && (
        <>
          <p className="error">{status.message}</p>
          {status.retry && (
            <button type="button" onClick={status.retry === 'claim' ? claim : reshare}>
              {status.retry === 'claim' ? 'Claim your wallet' : 'Update key shares'}
            </button>
          )}
        </>
      )}
    </div>
  );
}
