/**
 * The user's MFA methods, known before a prompt opens: loaded when the provider mounts (or the
 * session changes) and loaded again after anything that changes them, so opening the modal
 * needs no `GET /mfa/methods` round trip and its first step renders in the first commit.
 *
 * It wraps the API client: every call that adds, removes or changes a factor (or uses up a
 * recovery code) drops the cached answer and fetches a fresh one in the background.
 */
import type { MfaMethodsResponse } from '../../protocol/index.js';
import type { MfaApi } from '../http/mfa-api.js';

/** The calls after which the methods a prompt would offer may differ. */
const CHANGES_METHODS = [
  'verifyTotpDevice',
  'setDefaultTotpDevice',
  'deleteTotpDevice',
  'verifyPasskeyRegistration',
  'renamePasskey',
  'deletePasskey',
  'regenerateRecoveryCodes',
  'acknowledgeRecoveryCodes',
  'verifyRecoveryCode',
] as const satisfies readonly (keyof MfaApi)[];

export interface MethodsCache {
  /** The client to use everywhere: reads fill the cache, changes empty and refill it. */
  readonly api: MfaApi;
  /** The last answer of `GET /mfa/methods`, unless something changed since. */
  peek(): MfaMethodsResponse | undefined;
  /** Fetches the methods in the background (errors are ignored: a prompt then asks itself). */
  preload(): void;
  /** Forgets them (the session changed). */
  clear(): void;
}

/** `onLoaded` sees every answer of `GET /mfa/methods` (the controller starts loading enrollment for a user who has no method). */
export function createMethodsCache(inner: MfaApi, onLoaded?: (methods: MfaMethodsResponse) => void): MethodsCache {
  let cached: MfaMethodsResponse | undefined;
  // Bumped on every change, so an answer that was in flight across one is not kept.
  let version = 0;

  async function getMethods(...args: Parameters<MfaApi['getMethods']>) {
    const asked = version;
    const methods = await inner.getMethods(...args);
    if (asked === version) cached = methods;
    onLoaded?.(methods);
    return methods;
  }

  function clear() {
    version += 1;
    cached = undefined;
  }

  const preload = () => void getMethods().catch(() => {});
  const api: MfaApi = { ...inner, getMethods };
  for (const name of CHANGES_METHODS) {
    const call = inner[name] as (...args: unknown[]) => Promise<unknown>;
    (api as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await call.apply(inner, args);
      } finally {
        clear();
        preload();
      }
    };
  }
  return { api, peek: () => cached, preload, clear };
}
