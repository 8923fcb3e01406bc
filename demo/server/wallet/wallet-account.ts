import type { Context } from 'hono';
import { MfaHttpError, getPrincipal, readJsonBody, type MfaEnv } from 'mfa-kit/server';
import { privateKeyToAccount } from 'viem/accounts';
import type { DemoStore } from '../demo-store.js';
import { InputProblem } from './wallet-input.js';

/**
 * The signed-in user's wallet with its key opened. A pregenerated wallet signs nothing until
 * its user claims it (`allowUnclaimed` is for the claim route itself).
 */
export async function walletOf(c: Context<MfaEnv>, store: DemoStore, { allowUnclaimed = false } = {}) {
  const wallet = await walletRecordOf(c, store, { allowUnclaimed });
  const privateKey = c.var.mfa.secrets.open(wallet.walletKeySealed) as `0x${string}`;
  return { ...wallet, account: privateKeyToAccount(privateKey), privateKey };
}

/**
 * The same checks as `walletOf` without opening the key: deriving the account from it is a
 * secp256k1 multiplication in JavaScript (about a millisecond), wasted on a route that only
 * changes the wallet's flags.
 */
export async function walletRecordOf(c: Context<MfaEnv>, store: DemoStore, { allowUnclaimed = false } = {}) {
  const { userId } = await getPrincipal(c);
  const wallet = await store.getWallet(userId);
  if (!wallet) throw new MfaHttpError('not_found', 'This user has no demo wallet.');
  if (!wallet.claimed && !allowUnclaimed) throw new MfaHttpError('conflict', 'This wallet was pregenerated: claim it first.');
  return { ...wallet, userId };
}

/**
 * Checks a route's input before anything else, so a malformed request never spends a token;
 * the parsed value is kept for the handler, which then signs exactly what was checked.
 */
export function validInput<T>(read: (body: Record<string, unknown>) => T) {
  return async (c: Context<MfaEnv>, next: () => Promise<void>) => {
    try {
      (c.set as (key: string, value: unknown) => void)('walletInput', read(await readJsonBody(c)));
    } catch (error) {
      if (error instanceof InputProblem) throw new MfaHttpError('invalid_request', error.message);
      throw error;
    }
    await next();
  };
}

export function inputOf<T>(c: Context<MfaEnv>): T {
  return (c.get as (key: string) => unknown)('walletInput') as T;
}

/** `{}` and nothing else: the claim and reshare routes take no parameters. */
export function readEmpty(body: Record<string, unknown>): Record<string, never> {
  if (Object.keys(body).length > 0) throw new InputProblem('This route takes an empty JSON object.');
  return {};
}
