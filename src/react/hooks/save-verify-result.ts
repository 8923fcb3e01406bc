import type { TokenStore } from '../../core/tokens/token-store.js';
import type { VerifyResponse } from '../../protocol/index.js';

/**
 * Stores what a headless verification earned, as the modal's flows do, and returns the token
 * the caller asked for: the legacy MFA token if one was made, else the elevated token.
 */
export function saveVerifyResult(tokens: TokenStore, result: VerifyResponse): string | undefined {
  if (result.elevatedAccessToken) tokens.saveElevatedToken(result.elevatedAccessToken);
  if (result.mfaToken) tokens.saveMfaToken(result.mfaToken);
  return result.mfaToken?.token ?? result.elevatedAccessToken?.token;
}
