/**
 * The controller of the mounted `<MfaProvider>`, for `promptMfaAuth()` and
 * `getElevatedAccessToken()` called outside React (sonner's `toast()` pattern).
 *
 * A stand-in until the core ships its own binding: it has the same contract (DESIGN.md §4),
 * and the provider only calls `bindMountedController`, so swapping it is one import.
 */
import { MfaError } from '../core/errors.js';
import type { PromptMfaAuthParams } from '../core/normalize-prompt-request.js';
import type { PromptController } from '../core/prompt-controller.js';
import type { TokenScope } from '../protocol/index.js';

let mounted: PromptController | undefined;

/** Returns the unbind function (the provider's effect cleanup). */
export function bindMountedController(controller: PromptController): () => void {
  mounted = controller;
  return () => {
    if (mounted !== controller) return;
    mounted = undefined;
    // A prompt left open would never settle: reject it with `mfa_provider_not_mounted`.
    controller.closeAll();
  };
}

/** Opens the mounted provider's modal; rejects with `mfa_provider_not_mounted` without one. */
export function promptMfaAuth(params?: PromptMfaAuthParams): Promise<string> {
  if (!mounted) {
    return Promise.reject(
      new MfaError('mfa_provider_not_mounted', 'promptMfaAuth needs a mounted <MfaProvider>. Wrap your app in <MfaProvider>.'),
    );
  }
  return mounted.prompt(params);
}

/** A stored elevated token for `scope`; a single-use one is consumed unless `consume: false`. */
export function getElevatedAccessToken({ scope, consume = true }: { scope: TokenScope | string; consume?: boolean }): string | undefined {
  return mounted?.tokens.getElevatedAccessToken({ scope, consume });
}
