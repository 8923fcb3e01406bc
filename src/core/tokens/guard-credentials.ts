/**
 * What a guarded call (remove a factor, new recovery codes, link a factor) sends: the stored
 * elevated token for its scope, else the legacy MFA token (docs/architecture.md §4), which
 * older integrations still earn with `createMfaToken`. Every headless path asks here, so the
 * fallback is decided once.
 */
import type { TokenScope } from '../../protocol/index.js';
import type { MfaCallOptions } from '../http/mfa-api.js';
import type { TokenStore } from './token-store.js';

export interface GuardCredentialsOptions {
  /** A legacy token the caller holds already; sent as it is, beside any elevated token. */
  mfaToken?: string;
  /**
   * Send the stored legacy token when no elevated token carries the scope. Off for routes
   * the legacy token never opens (adding a factor needs `credential:link`).
   * @default true
   */
  legacyFallback?: boolean;
}

export function guardCredentials(
  tokens: Pick<TokenStore, 'getElevatedAccessToken' | 'getMfaToken'>,
  scope: TokenScope,
  { mfaToken, legacyFallback = true }: GuardCredentialsOptions = {},
): MfaCallOptions {
  const elevatedAccessToken = tokens.getElevatedAccessToken({ scope });
  // Read the legacy token only when it will be sent: reading consumes a single-use one.
  const legacy = mfaToken ?? (elevatedAccessToken || !legacyFallback ? undefined : tokens.getMfaToken());
  return { ...(elevatedAccessToken ? { elevatedAccessToken } : {}), ...(legacy ? { mfaToken: legacy } : {}) };
}
