/**
 * A wallet's life outside signing: pregenerated for a user before their first sign-in and
 * claimed by them (a refresh, `wallet:refresh`), and reshared at the sign-in after
 * delegated access was approved or revoked (`wallet:reshare`).
 */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { MFAAction, MfaHttpError, idempotent, readJsonBody, requireElevatedAccess, type MfaEnv } from 'mfa-kit/server';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import type { DemoPregenerateResponse, WalletClaimResponse, WalletReshareResponse } from '../../shared/wallet-wire.js';
import type { DemoStore } from '../demo-store.js';
import { readEmpty, validInput, walletOf } from './wallet-account.js';

const MAX_NAME_LENGTH = 64;

export function registerLifecycleRoutes(app: Hono<MfaEnv>, store: DemoStore): void {
  app.post('/wallet/claim', validInput(readEmpty), idempotent(), requireElevatedAccess(MFAAction.WalletWaasRefresh), async (c) => {
    const { account, userId } = await walletOf(c, store, { allowUnclaimed: true });
    if (!(await store.claimWallet(userId))) throw new MfaHttpError('conflict', 'There is no pregenerated wallet to claim.');
    const body: WalletClaimResponse = { address: account.address, claimed: true };
    return c.json(body);
  });

  app.post('/wallet/reshare', validInput(readEmpty), idempotent(), requireElevatedAccess(MFAAction.WalletWaasReshare), async (c) => {
    const { privateKey, userId } = await walletOf(c, store);
    // The demo keeps one sealed key, not MPC shares: sealing it afresh stands in for the new
    // shares a reshare hands out, and the conditional update makes it happen once.
    if (!(await store.completeReshare(userId, c.var.mfa.secrets.seal(privateKey)))) {
      throw new MfaHttpError('conflict', 'No reshare is due for this wallet.');
    }
    const body: WalletReshareResponse = { reshareRequired: false };
    return c.json(body);
  });
}

/**
 * `POST /demo/pregenerate { name }`: what an app's backend does to give someone a wallet
 * before they ever sign in (for example, to receive funds). No session: like
 * `/demo/session`, it exists to try the kit, never to protect anything.
 */
export function registerPregenerateRoute(app: Hono<MfaEnv>, store: DemoStore): void {
  app.post('/demo/pregenerate', async (c) => {
    const raw = (await readJsonBody(c)).name;
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!name || name.length > MAX_NAME_LENGTH) throw new MfaHttpError('invalid_request', '`name` must be a non-empty string.');
    const privateKey = generatePrivateKey();
    const userId = randomUUID();
    if (!(await store.insertPregeneratedUser(name, userId, c.var.mfa.secrets.seal(privateKey)))) {
      throw new MfaHttpError('conflict', 'A user with this name already exists.');
    }
    const body: DemoPregenerateResponse = { userId, address: privateKeyToAccount(privateKey).address };
    return c.json(body, 201);
  });
}
