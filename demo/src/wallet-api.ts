/**
 * The demo wallet's calls to the reference server's `/demo` and `/wallet` routes. The
 * elevated token travels in `X-Elevated-Access-Token`, the deprecated legacy token in
 * `X-Mfa-Token` (docs/architecture.md §6).
 */
import { ELEVATED_ACCESS_TOKEN_HEADER, MFA_TOKEN_HEADER } from 'mfa-kit';
import type { DemoSessionResponse, WalletDelegationResponse, WalletExportResponse, WalletResponse, WalletSignMessageResponse } from '../shared/wallet-wire.js';

export interface StepUpProof {
  elevatedAccessToken?: string;
  mfaToken?: string;
}

export class WalletApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type CallInit = { method?: string; session?: string; body?: unknown; proof?: StepUpProof };

async function call<T>(fetchFn: typeof fetch, path: string, init: CallInit): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.session) headers.Authorization = `Bearer ${init.session}`;
  if (init.proof?.elevatedAccessToken) headers[ELEVATED_ACCESS_TOKEN_HEADER] = init.proof.elevatedAccessToken;
  if (init.proof?.mfaToken) headers[MFA_TOKEN_HEADER] = init.proof.mfaToken;
  const response = await fetchFn(path, {
    method: init.method ?? 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    throw new WalletApiError(json?.error?.code ?? 'unknown', json?.error?.message ?? `The server answered ${response.status}.`);
  }
  return json as T;
}

export const signIn = (name: string) => call<DemoSessionResponse>(fetch, '/demo/session', { body: { name } });

/**
 * The guarded wallet routes over `fetchFn`. The demo passes `useStepUpFetch()`'s fetch, so
 * should the server still ask for step-up (a token spent or expired meanwhile), the modal
 * opens for exactly what it asks and the request is retried once, with an Idempotency-Key.
 */
export function createWalletApi(fetchFn: typeof fetch, session: string) {
  return {
    getWallet: () => call<WalletResponse>(fetchFn, '/wallet', { method: 'GET', session }),
    exportKey: (proof: StepUpProof) => call<WalletExportResponse>(fetchFn, '/wallet/export', { session, proof, body: {} }),
    signMessage: (message: string, proof: StepUpProof) =>
      call<WalletSignMessageResponse>(fetchFn, '/wallet/sign-message', { session, proof, body: { message } }),
    setDelegation: (enabled: boolean, proof: StepUpProof) =>
      call<WalletDelegationResponse>(fetchFn, '/wallet/delegation', { session, proof, body: { enabled } }),
  };
}
