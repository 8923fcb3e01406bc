import { ALL_ACTIONS, actionForScope, MFAAction, TokenScope, type TokenScope as TokenScopeValue } from '../protocol/index.js';
import type { MfaServerContext, ResolvedMfaConfig } from './context.js';
import { MfaHttpError } from './http/mfa-http-error.js';
import type { MfaActionPolicy, MfaServerOptions } from './options.js';
import type { MfaStore } from './store/mfa-store.js';

/** docs/architecture.md §7: wallet actions are single-use for 5 minutes; the others multi-use for 10. */
const WALLET_TOKEN_TTL_SECONDS = 5 * 60;
const OTHER_TOKEN_TTL_SECONDS = 10 * 60;

export function isWalletAction(action: MFAAction): boolean {
  return action.startsWith('wallet.');
}

export function resolvePolicy(options: MfaServerOptions): ResolvedMfaConfig['policy'] {
  const entries = ALL_ACTIONS.map((action): [MFAAction, Required<MfaActionPolicy>] => {
    const wallet = isWalletAction(action);
    const given = options.policy?.[action] ?? {};
    return [
      action,
      {
        required: given.required ?? (options.requireEnrollment ? 'always' : 'when-enrolled'),
        singleUse: given.singleUse ?? wallet,
        ttlSeconds: given.ttlSeconds ?? (wallet ? WALLET_TOKEN_TTL_SECONDS : OTHER_TOKEN_TTL_SECONDS),
      },
    ];
  });
  return Object.fromEntries(entries) as ResolvedMfaConfig['policy'];
}

/** When each of the user's methods became one: a TOTP device when verified, a passkey when registered. */
async function verifiedMethodTimes(store: MfaStore, userId: string): Promise<number[]> {
  const [devices, passkeys] = await Promise.all([store.listTotpDevices(userId), store.listPasskeys(userId)]);
  const totp = devices.flatMap((d) => (d.verifiedAt === null ? [] : [d.verifiedAt]));
  return [...totp, ...passkeys.map((p) => p.createdAt)];
}

/** A TOTP device or passkey that has been verified. Recovery codes alone are not a method. */
export async function userHasVerifiedMethods(store: MfaStore, userId: string): Promise<boolean> {
  // One EXISTS query: every guard check asks this, and listing the factors only to count them cost a tenth of it.
  return store.hasAnyFactor(userId);
}

/**
 * docs/architecture.md §6: adding a method once the user has one needs `credential:link`, checked when the
 * enrollment starts (`POST /totp/devices`, `POST /passkeys/registration/options`). An enrollment
 * started while the user had no method was let through unchecked, so it may be completed only
 * while that still holds: once every method the user has became one after `startedAt`, the
 * enrollment is stale and must be refused (409). Otherwise a session could plant a TOTP secret or a
 * registration challenge before the user's first enrollment and finish it afterwards, adding a
 * factor — and minting a token of any scope — with no step-up.
 */
export async function isStaleEnrollment(store: MfaStore, userId: string, startedAt: number): Promise<boolean> {
  const times = await verifiedMethodTimes(store, userId);
  return times.length > 0 && Math.min(...times) > startedAt;
}

export function staleEnrollment(): MfaHttpError {
  return new MfaHttpError('conflict', 'This enrollment was started before the account had a verified MFA method; start it again.');
}

/**
 * Whether this user must step up for an action or scope. Scopes without an action:
 * `credential:*` need MFA exactly when the user has a method (so a first enrollment is always
 * possible, even under `requireEnrollment`); `wallet:delegate` follows the wallet default.
 */
export async function isMfaRequired(ctx: MfaServerContext, userId: string, target: MFAAction | TokenScopeValue): Promise<boolean> {
  const action = (ALL_ACTIONS as readonly string[]).includes(target)
    ? (target as MFAAction)
    : target === TokenScope.Walletdelegate
      ? MFAAction.WalletWaasRefresh
      : actionForScope(target as TokenScopeValue);
  if (!action) return userHasVerifiedMethods(ctx.store, userId);
  const { required } = ctx.config.policy[action];
  if (required === 'never') return false;
  if (required === 'always') return true;
  return userHasVerifiedMethods(ctx.store, userId);
}

/** Token behaviour for a set of scopes: the strictest of their policies. */
export function tokenPolicyForScopes(config: ResolvedMfaConfig, scopes: readonly TokenScopeValue[]): { singleUse: boolean; ttlSeconds: number } {
  let singleUse = false;
  let ttlSeconds = OTHER_TOKEN_TTL_SECONDS;
  let any = false;
  for (const scope of scopes) {
    const action = actionForScope(scope);
    const policy = action
      ? config.policy[action]
      : scope === TokenScope.Walletdelegate
        ? { singleUse: true, ttlSeconds: WALLET_TOKEN_TTL_SECONDS }
        : scope === TokenScope.Credentiallink || scope === TokenScope.Credentialunlink
          ? // One link approval covers one enrollment, one unlink approval one removal.
            { singleUse: true, ttlSeconds: OTHER_TOKEN_TTL_SECONDS }
          : { singleUse: false, ttlSeconds: OTHER_TOKEN_TTL_SECONDS };
    singleUse ||= policy.singleUse;
    ttlSeconds = any ? Math.min(ttlSeconds, policy.ttlSeconds) : policy.ttlSeconds;
    any = true;
  }
  return { singleUse, ttlSeconds };
}
