import { Hono, type Context } from 'hono';
import { MFAAction, MfaHttpError, assertElevatedAccess, idempotent, readJsonBody, requireElevatedAccess, requireSession, type MfaEnv } from 'mfa-kit/server';
import type { WalletDelegationResponse, WalletExportResponse, WalletSignMessageResponse, WalletStatusResponse } from '../shared/wallet-wire.js';
import type { DemoStore } from './demo-store.js';
import { registerLifecycleRoutes, registerPregenerateRoute } from './wallet/lifecycle-routes.js';
import { registerSignRoutes } from './wallet/sign-routes.js';
import { walletOf, walletRecordOf } from './wallet/wallet-account.js';

/** EIP-191 messages are free text; this bound keeps a signing request well under the body limit. */
const MAX_MESSAGE_LENGTH = 4096;

/** Checks a route's input before anything else, so a malformed request never spends a token. */
function validBody(check: (body: Record<string, unknown>) => string | undefined) {
  return async (c: Context<MfaEnv>, next: () => Promise<void>) => {
    const problem = check(await readJsonBody(c));
    if (problem) throw new MfaHttpError('invalid_request', problem);
    await next();
  };
}

/**
 * The guarded demo wallet: a real secp256k1 key per user, built only on the kit's public
 * server API, as an app's own routes would be. Each route checks its input first, then
 * `Idempotency-Key`, then elevated access, then acts.
 */
export function walletRoutes(store: DemoStore): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();
  app.use('/wallet', requireSession);
  app.use('/wallet/*', requireSession);

  app.get('/wallet', async (c) => {
    const { account, delegated, reshareRequired, claimed } = await walletOf(c, store, { allowUnclaimed: true });
    const body: WalletStatusResponse = { address: account.address, delegated, reshareRequired, claimed };
    return c.json(body);
  });

  app.post('/wallet/export', idempotent(), requireElevatedAccess(MFAAction.WalletWaasExport), async (c) => {
    const { account, privateKey } = await walletOf(c, store);
    const body: WalletExportResponse = { address: account.address, privateKey };
    return c.json(body);
  });

  app.post(
    '/wallet/sign-message',
    validBody(({ message }) => (typeof message !== 'string' || message.length > MAX_MESSAGE_LENGTH ? '`message` must be a string.' : undefined)),
    idempotent(),
    requireElevatedAccess(MFAAction.WalletWaasSign),
    async (c) => {
      const message = (await readJsonBody(c)).message as string;
      const { account } = await walletOf(c, store);
      const body: WalletSignMessageResponse = { address: account.address, signature: await account.signMessage({ message }) };
      return c.json(body);
    },
  );

  app.post(
    '/wallet/delegation',
    validBody(({ enabled }) => (typeof enabled !== 'boolean' ? '`enabled` must be a boolean.' : undefined)),
    idempotent(),
    async (c) => {
      const enabled = (await readJsonBody(c)).enabled as boolean;
      // Delegating is a refresh; revoking delegated access is a reshare.
      await assertElevatedAccess(c, enabled ? MFAAction.WalletWaasRefresh : MFAAction.WalletWaasReshare);
      const { userId } = await walletRecordOf(c, store);
      await store.setDelegation(userId, enabled);
      const body: WalletDelegationResponse = { delegated: enabled };
      return c.json(body);
    },
  );

  registerSignRoutes(app, store);
  registerLifecycleRoutes(app, store);
  registerPregenerateRoute(app, store);
  return app;
}
