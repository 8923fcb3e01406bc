/**
 * The demo wallet's calls to the reference server's `/demo` and `/wallet` routes. The
 * elevated token travels in `X-Elevated-Access-Token`, the deprecated legacy token in
 * `X-Mfa-Token` (DESIGN.md §6).
 */
import {
  ELEVATED_ACCESS_TOKEN_HEADER,
  MFA_TOKEN_HEADER,
  type DemoSessionResponse,
  type WalletDelegationResponse,
  type WalletExportResponse,
  type WalletResponse,
  type WalletSignMessageResponse,
} from 'mfa-kit';

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

async function call<T>(path: string, init: { method?: string; session?: string; body?: unknown; proof?: StepUpProof }): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.session) headers.Authorization = `Bearer ${init.session}`;
  if (init.proof?.elevatedAccessToken) headers[ELEVATED_ACCESS_TOKEN_HEADER] = init.proof.elevatedAccessToken;
  if (init.proof?.mfaToken) headers[MFA_TOKEN_HEADER] = init.proof.mfaToken;
  const response = await fetch(path, {
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

export const walletApi = {
  signIn: (name: string) => call<DemoSessionResponse>('/demo/session', { body: { name } }),
  getWallet: (session: string) => call<WalletResponse>('/wallet', { method: 'GET', session }),
  exportKey: (session: string, proof: StepUpProof) => call<WalletExportResponse>('/wallet/export', { session, proof, body: {} }),
  signMessage: (session: string, message: string, proof: StepUpProof) =>
    call<WalletSignMessageResponse>('/wallet/sign-message', { session, proof, body: { message } }),
  setDelegation: (session: string, enabled: boolean, proof: StepUpProof) =>
    call<WalletDelegationResponse>('/wallet/delegation', { session, proof, body: { enabled } }),
};
