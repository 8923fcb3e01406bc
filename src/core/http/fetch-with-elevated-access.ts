/**
 * `fetchWithElevatedAccess`: sends a request to a guarded route with the stored elevated token
 * for `scope` in `X-Elevated-Access-Token` (consumed when single-use). Without a stored token
 * the request goes out bare; pass `fetch: withStepUp(fetch)` to prompt when the server asks.
 */
import { ELEVATED_ACCESS_TOKEN_HEADER, type TokenScope } from '../../protocol/index.js';
import { getElevatedAccessToken } from '../prompt/mounted-provider.js';
import type { TokenStore } from '../tokens/token-store.js';

export interface FetchWithElevatedAccessOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default the mounted <MfaProvider>'s token store */
  tokens?: Pick<TokenStore, 'getElevatedAccessToken'>;
}

export async function fetchWithElevatedAccess(
  input: RequestInfo | URL,
  init: RequestInit & { scope: TokenScope | string },
  options: FetchWithElevatedAccessOptions = {},
): Promise<Response> {
  const { scope, ...rest } = init;
  const token = options.tokens ? options.tokens.getElevatedAccessToken({ scope }) : getElevatedAccessToken({ scope });
  const headers = new Headers(rest.headers);
  if (token) headers.set(ELEVATED_ACCESS_TOKEN_HEADER, token);
  return (options.fetch ?? globalThis.fetch)(input, { ...rest, headers });
}
