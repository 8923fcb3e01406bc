/**
 * The three structured signatures: an EIP-1559 transaction, EIP-712 typed data and an
 * EIP-7702 authorization. Each is guarded by `wallet:sign` and bound to its own body
 * (the approval's digest covers exactly the fields checked and signed here).
 */
import type { Hono } from 'hono';
import { MFAAction, idempotent, requireElevatedAccess, type MfaEnv } from 'mfa-kit/server';
import type {
  WalletAuthorization,
  WalletSignAuthorizationResponse,
  WalletSignTransactionResponse,
  WalletSignTypedDataResponse,
  WalletTransaction,
  WalletTypedData,
} from '../../shared/wallet-wire.js';
import type { DemoStore } from '../demo-store.js';
import { inputOf, validInput, walletOf } from './wallet-account.js';
import { readAuthorization, readTransaction, readTypedData } from './wallet-input.js';

export function registerSignRoutes(app: Hono<MfaEnv>, store: DemoStore): void {
  app.post('/wallet/sign-transaction', validInput(readTransaction), idempotent(), requireElevatedAccess(MFAAction.WalletWaasSign), async (c) => {
    const tx = inputOf<WalletTransaction>(c);
    const { account } = await walletOf(c, store);
    const signedTransaction = await account.signTransaction({
      type: 'eip1559',
      chainId: tx.chainId,
      to: tx.to,
      value: BigInt(tx.value),
      nonce: tx.nonce,
      gas: BigInt(tx.gas),
      maxFeePerGas: BigInt(tx.maxFeePerGas),
      maxPriorityFeePerGas: BigInt(tx.maxPriorityFeePerGas),
      ...(tx.data ? { data: tx.data } : {}),
    });
    const body: WalletSignTransactionResponse = { address: account.address, signedTransaction };
    return c.json(body);
  });

  app.post('/wallet/sign-typed-data', validInput(readTypedData), idempotent(), requireElevatedAccess(MFAAction.WalletWaasSign), async (c) => {
    const typedData = inputOf<WalletTypedData>(c);
    const { account } = await walletOf(c, store);
    const signature = await account.signTypedData(typedData as Parameters<typeof account.signTypedData>[0]);
    const body: WalletSignTypedDataResponse = { address: account.address, signature };
    return c.json(body);
  });

  app.post('/wallet/sign-authorization', validInput(readAuthorization), idempotent(), requireElevatedAccess(MFAAction.WalletWaasSign), async (c) => {
    const { chainId, contractAddress, nonce } = inputOf<WalletAuthorization>(c);
    const { account } = await walletOf(c, store);
    const signed = await account.signAuthorization({ chainId, address: contractAddress, nonce });
    const body: WalletSignAuthorizationResponse = {
      address: account.address,
      signedAuthorization: { chainId, address: signed.address, nonce, r: signed.r, s: signed.s, yParity: signed.yParity ?? Number(signed.v! - 27n) },
    };
    return c.json(body);
  });
}
