/**
 * The demo's `wallet`: each method asks the server whether its action needs MFA, prompts
 * when it does — bound to the exact request body for a signature, so the modal shows what is
 * signed — and sends the request through the kit's `fetchWithElevatedAccess`, which attaches
 * the stored elevated token. The app never handles the token itself.
 */
import { ACTION_SCOPE, MFAAction, fetchWithElevatedAccess, type PromptMfaAuthParams } from 'mfa-kit';
import type {
  WalletAuthorization,
  WalletClaimResponse,
  WalletExportResponse,
  WalletReshareResponse,
  WalletSignAuthorizationResponse,
  WalletSignMessageResponse,
  WalletSignTransactionResponse,
  WalletSignTypedDataResponse,
  WalletStatusResponse,
  WalletTransaction,
  WalletTypedData,
} from '../shared/wallet-wire.js';
import { WalletApiError } from './wallet-api';

export interface WalletDeps {
  session: string;
  isMfaRequiredForAction: (params: { mfaAction: MFAAction }) => Promise<boolean>;
  promptMfaAuth: (params: PromptMfaAuthParams) => Promise<string>;
  /** @default fetch; the demo passes `useStepUpFetch()`'s, which also answers a late 401. */
  fetch?: typeof fetch;
}

export type Wallet = ReturnType<typeof createWallet>;

export function createWallet({ session, isMfaRequiredForAction, promptMfaAuth, fetch: fetchFn = fetch }: WalletDeps) {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${session}` };

  async function read<T>(response: Response): Promise<T> {
    const json = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    if (!response.ok) throw new WalletApiError(json?.error?.code ?? 'unknown', json?.error?.message ?? `The server answered ${response.status}.`);
    return json as T;
  }

  /** Step up for `mfaAction` when the server says so, bound to `body` when `bind`, then call `path`. */
  async function guarded<T>(path: string, mfaAction: MFAAction, body: object, { bind }: { bind: boolean }): Promise<T> {
    const scope = ACTION_SCOPE[mfaAction];
    if (await isMfaRequiredForAction({ mfaAction })) {
      await promptMfaAuth(bind ? { action: { mfaAction, payload: body } } : { requestedScopes: [scope] });
    }
    const response = await fetchWithElevatedAccess(path, { method: 'POST', scope, headers, body: JSON.stringify(body) }, { fetch: fetchFn });
    return read<T>(response);
  }

  return {
    getWallet: async () => read<WalletStatusResponse>(await fetchFn('/wallet', { headers })),
    exportPrivateKey: () => guarded<WalletExportResponse>('/wallet/export', MFAAction.WalletWaasExport, {}, { bind: false }),
    signMessage: (message: string) => guarded<WalletSignMessageResponse>('/wallet/sign-message', MFAAction.WalletWaasSign, { message }, { bind: true }),
    signTransaction: (transaction: WalletTransaction) =>
      guarded<WalletSignTransactionResponse>('/wallet/sign-transaction', MFAAction.WalletWaasSign, { transaction }, { bind: true }),
    signTypedData: (typedData: WalletTypedData) =>
      guarded<WalletSignTypedDataResponse>('/wallet/sign-typed-data', MFAAction.WalletWaasSign, { typedData }, { bind: true }),
    signAuthorization: (authorization: WalletAuthorization) =>
      guarded<WalletSignAuthorizationResponse>('/wallet/sign-authorization', MFAAction.WalletWaasSign, { authorization }, { bind: true }),
    /** A pregenerated wallet becomes the user's: a refresh (the modal says what is claimed). */
    claim: () => guarded<WalletClaimResponse>('/wallet/claim', MFAAction.WalletWaasRefresh, {}, { bind: true }),
    /** At sign-in, after delegated access changed: the modal says why. */
    reshare: () => guarded<WalletReshareResponse>('/wallet/reshare', MFAAction.WalletWaasReshare, {}, { bind: true }),
  };
}
