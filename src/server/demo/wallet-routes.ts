import { Hono, type Context } from 'hono';
import { privateKeyToAccount } from 'viem/accounts';
import {
  MFAAction,
  TokenScope,
  type WalletDelegationResponse,
  type WalletExportResponse,
  type WalletResponse,
  type WalletSignMessageResponse,
} from '../../protocol/index.js';
import type { MfaEnv } from '../context.js';
import { assertElevatedAccess } from '../guards/require-elevated-access.js';
import { invalidRequest, notFound } from '../http/mfa-http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { getPrincipal, requireSession } from '../http/require-session.js';
import type { DemoStore } from '../store/mfa-store.js';
import { idempotent } from './idempotency.js';

/** EIP-191 messages are free text; this bound keeps a signing request well under the body limit. */
const MAX_MESSAGE_LENGTH = 4096;

async function walletOf(c: Context<MfaEnv>, store: DemoStore) {
  const { userId } = await getPrincipal(c);
  const wallet = store.getDemoWallet(userId);
  if (!wallet) throw notFound('This user has no demo wallet.');
  const privateKey = c.var.mfa.secrets.open(wallet.walletKeySealed) as `0x${string}`;
  return { account: privateKeyToAccount(privateKey), privateKey, delegated: wallet.delegated };
}

/**
 * The guarded demo wallet (DESIGN.md §6): a real secp256k1 key per user. Each route checks
 * its input first (so a malformed request never spends a token), then `Idempotency-Key`, then
 * elevated access, then acts.
 */
export function walletRoutes(store: DemoStore): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();
  app.use('/wallet', requireSession);
  app.use('/wallet/*', requireSession);

  app.get('/wallet', async (c) => {
    const { account } = await walletOf(c, store);
    const body: WalletResponse = { address: account.address };
    return c.json(body);
  });

  app.post('/wallet/export', idempotent(), async (c) => {
    await assertElevatedAccess(c, c.var.mfa, c.var.mfaPrincipal, { scope: TokenScope.Walletexport, action: MFAAction.WalletWaasExport });
    const { account, privateKey } = await walletOf(c, store);
    const body: WalletExportResponse = { address: account.address, privateKey };
    return c.json(body);
  });

  app.post(
    '/wallet/sign-message',
    async (c, next) => {
      const { message } = await readJsonBody(c);
      if (typeof message !== 'string' || message.length > MAX_MESSAGE_LENGTH) throw invalidRequest('`message` must be a string.');
      await next();
    },
    idempotent(),
    async (c) => {
      await assertElevatedAccess(c, c.var.mfa, c.var.mfaPrincipal, { scope: TokenScope.Walletsign, action: MFAAction.WalletWaasSign });
      const message = (await readJsonBody(c)).message as string;
      const { account } = await walletOf(c, store);
      const body: WalletSignMessageResponse = { address: account.address, signature: await account.signMessage({ message }) };
      return c.json(body);
    },
  );

  app.post(
    '/wallet/delegation',
    async (c, next) => {
      if (typeof (await readJsonBody(c)).enabled !== 'boolean') throw invalidRequest('`enabled` must be a boolean.');
      await next();
    },
    idempotent(),
    async (c) => {
      const enabled = (await readJsonBody(c)).enabled as boolean;
      // Delegating is a refresh; revoking delegated access is a reshare (DESIGN.md §3).
      const check = enabled
        ? { scope: TokenScope.Walletrefresh, action: MFAAction.WalletWaasRefresh }
        : { scope: TokenScope.Walletreshare, action: MFAAction.WalletWaasReshare };
      await assertElevatedAccess(c, c.var.mfa, c.var.mfaPrincipal, check);
      store.setDemoDelegation(c.var.mfaPrincipal.userId, enabled);
      const body: WalletDelegationResponse = { delegated: enabled };
      return c.json(body);
    },
  );

  return app;
}
