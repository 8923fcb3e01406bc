/**
 * Where elevated access tokens and the legacy MFA token live on the client (docs/architecture.md §4).
 *
 * In memory only, never localStorage or sessionStorage: any script that runs in the page (an
 * XSS, a compromised dependency) can read web storage, and a token at rest there would outlive
 * the tab and the session. Memory dies with the page, and a lost token costs one more prompt.
 */
import type { ActionBinding, ElevatedAccessTokenGrant, MFAAction, MfaTokenGrant, TokenScope } from '../../protocol/index.js';
import { ACTION_SCOPE } from '../../protocol/index.js';

export interface StoredElevatedToken {
  token: string;
  scopes: readonly string[];
  expiresAtMs: number;
  singleUse: boolean;
  /** docs/architecture.md §10: the token only authorises the request with this digest. */
  action?: ActionBinding;
  /** A single-use token already handed to a `promptMfaAuth` caller is not handed to another. */
  claimed: boolean;
}

export interface SaveElevatedTokenOptions {
  action?: ActionBinding;
  /** true when the token is being handed to a prompt's caller right now. @default false */
  claimed?: boolean;
}

export interface FindCoveringOptions {
  /** The action binding the caller wants: only a token bound to exactly it covers the prompt. */
  action?: ActionBinding;
}

export interface TokenStore {
  saveElevatedToken(grant: ElevatedAccessTokenGrant, options?: SaveElevatedTokenOptions): void;
  saveMfaToken(grant: MfaTokenGrant): void;
  /**
   * A token carrying `scope`, or undefined. Drops expired tokens; a single-use token is
   * removed once read unless `consume: false`.
   */
  getElevatedAccessToken(params: { scope: TokenScope | string; consume?: boolean }): string | undefined;
  /**
   * A stored unexpired token that carries every one of `scopes`, for a prompt that can then
   * resolve with no UI. A single-use token is claimed: no other prompt gets it (it stays
   * readable once by `getElevatedAccessToken`, which is how the caller's request uses it).
   */
  findCovering(scopes: readonly (TokenScope | string)[], options?: FindCoveringOptions): string | undefined;
  /** Whether an unexpired token carries `scope` (nothing is consumed). */
  hasElevatedAccess(scope: TokenScope | string): boolean;
  /**
   * true when a stored unexpired token would pass a guard that checks `scope` alone: one not
   * bound to an action (a scope-only check refuses a bound token). A single-use token already
   * handed to a prompt's caller counts: the caller's request is about to carry it.
   */
  coversScope(scope: TokenScope | string): boolean;
  /** Forget a single-use token that was just spent outside the store (e.g. by `withStepUp`). */
  markUsed(token: string): void;
  /**
   * The legacy MFA token, consumed when single-use. Undefined when there is none, or when
   * `mfaAction` is given and an elevated token already covers that action.
   */
  getMfaToken(params?: { mfaAction?: MFAAction }): string | undefined;
  /** Sign-out: forget every token. */
  clear(): void;
}

export interface CreateTokenStoreOptions {
  /**
   * The clock, in epoch milliseconds (tests inject a fake one).
   * @default Date.now
   */
  now?: () => number;
}

interface StoredMfaToken {
  token: string;
  expiresAtMs: number;
  singleUse: boolean;
}

export function createTokenStore(options: CreateTokenStoreOptions = {}): TokenStore {
  const now = options.now ?? Date.now;
  let elevated: StoredElevatedToken[] = [];
  let legacy: StoredMfaToken | undefined;

  function live(): StoredElevatedToken[] {
    const at = now();
    elevated = elevated.filter((entry) => entry.expiresAtMs > at);
    return elevated;
  }

  function hasElevatedAccess(scope: string): boolean {
    return live().some((entry) => entry.scopes.includes(scope));
  }

  function remove(entry: StoredElevatedToken): void {
    elevated = elevated.filter((other) => other !== entry);
  }

  return {
    saveElevatedToken(grant, save = {}) {
      const expiresAtMs = Date.parse(grant.expiresAt);
      if (Number.isNaN(expiresAtMs)) return;
      elevated = elevated.filter((entry) => entry.token !== grant.token);
      elevated.push({
        token: grant.token,
        scopes: [...grant.scopes],
        expiresAtMs,
        singleUse: grant.singleUse,
        ...(save.action ? { action: save.action } : {}),
        claimed: save.claimed ?? false,
      });
    },

    saveMfaToken(grant) {
      const expiresAtMs = Date.parse(grant.expiresAt);
      if (Number.isNaN(expiresAtMs)) return;
      legacy = { token: grant.token, expiresAtMs, singleUse: grant.singleUse };
    },

    getElevatedAccessToken({ scope, consume = true }) {
      // Prefer a multi-use token: reading it spends nothing.
      const candidates = live().filter((entry) => entry.scopes.includes(scope));
      const entry = candidates.find((candidate) => !candidate.singleUse) ?? candidates[0];
      if (!entry) return undefined;
      if (entry.singleUse && consume) remove(entry);
      return entry.token;
    },

    findCovering(scopes, find = {}) {
      const entry = live().find(
        (candidate) =>
          !(candidate.singleUse && candidate.claimed) &&
          scopes.every((scope) => candidate.scopes.includes(scope)) &&
          // An action-bound prompt wants the user to see what they approve: only a token bound
          // to that same request covers it, and a bound token covers nothing else.
          (candidate.action === undefined ? find.action === undefined : sameBinding(candidate.action, find.action)),
      );
      if (!entry) return undefined;
      // Two prompts racing for one single-use token: only the first gets it (docs/architecture.md §7).
      if (entry.singleUse) entry.claimed = true;
      return entry.token;
    },

    hasElevatedAccess,

    coversScope(scope) {
      return live().some((entry) => entry.scopes.includes(scope) && entry.action === undefined);
    },

    markUsed(token) {
      elevated = elevated.filter((entry) => !(entry.token === token && entry.singleUse));
    },

    getMfaToken(params = {}) {
      if (params.mfaAction && hasElevatedAccess(ACTION_SCOPE[params.mfaAction])) return undefined;
      if (!legacy) return undefined;
      if (legacy.expiresAtMs <= now()) {
        legacy = undefined;
        return undefined;
      }
      const { token } = legacy;
      if (legacy.singleUse) legacy = undefined;
      return token;
    },

    clear() {
      elevated = [];
      legacy = undefined;
    },
  };
}

function sameBinding(a: ActionBinding, b: ActionBinding | undefined): boolean {
  return b !== undefined && a.mfaAction === b.mfaAction && a.payloadDigest === b.payloadDigest;
}
