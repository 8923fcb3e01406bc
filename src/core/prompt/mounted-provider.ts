/**
 * The controller of the mounted `<MfaProvider>`, so that `promptMfaAuth()` and
 * `getElevatedAccessToken()` work outside React (sonner's `toast()` pattern: plain functions
 * bound to one store). Without a mounted provider they fail with `mfa_provider_not_mounted`.
 */
import type { MFAAction, TokenScope } from '../../protocol/index.js';
import { MfaError } from '../errors.js';
import type { PromptMfaAuthParams } from './normalize-prompt-request.js';
import type { PromptController } from './prompt-controller.js';

/** Mounted controllers, newest last: nested or overlapping providers unmount in any order. */
const mounted: Array<{ controller: PromptController }> = [];

function notMounted(what: string): MfaError {
  return new MfaError(
    'mfa_provider_not_mounted',
    `${what} was called but no <MfaProvider> is mounted. Wrap your app in <MfaProvider> (from 'mfa-kit/react') before calling it.`,
  );
}

/** The controller of the most recently mounted provider, if any. */
export function getMountedController(): PromptController | undefined {
  return mounted.at(-1)?.controller;
}

/**
 * Binds `controller` for the module-level functions; returns the unmount function (call it
 * from the effect's cleanup). Prompts still open when a provider is really gone are rejected
 * with `mfa_provider_not_mounted` (nothing would ever settle them), and its tokens are forgotten.
 */
export function mountController(controller: PromptController): () => void {
  // One registration object per mount: StrictMode mounts the same controller twice, and each
  // unmount must remove its own registration only.
  const registration = { controller };
  mounted.push(registration);
  let unmounted = false;
  return () => {
    if (unmounted) return;
    unmounted = true;
    const index = mounted.indexOf(registration);
    if (index !== -1) mounted.splice(index, 1);
    // Race: StrictMode (and Fast Refresh) unmount and re-mount the same controller in one
    // synchronous pass. Decide after that pass whether it is really gone, so a remount does not
    // reject the prompts its own modal is about to show.
    queueMicrotask(() => {
      if (mounted.some((other) => other.controller === controller)) return;
      controller.closeAll();
      // Sign-out often unmounts the provider: its tokens must not outlive it in memory.
      controller.tokens.clear();
    });
  };
}

/** Opens the mounted provider's modal; rejects with `mfa_provider_not_mounted` without one. */
export function promptMfaAuth(params?: PromptMfaAuthParams): Promise<string> {
  const controller = getMountedController();
  return controller ? controller.prompt(params) : Promise.reject(notMounted('promptMfaAuth()'));
}

/**
 * A stored elevated token for `scope` (a `TokenScope` or its string value). Expired tokens are
 * dropped; a single-use token is removed once read unless `consume: false`. Throws
 * `mfa_provider_not_mounted` without a provider, rather than a silent undefined.
 */
export function getElevatedAccessToken(params: { scope: TokenScope | string; consume?: boolean }): string | undefined {
  const controller = getMountedController();
  if (!controller) throw notMounted('getElevatedAccessToken()');
  return controller.tokens.getElevatedAccessToken(params);
}

/** The legacy MFA token (deprecated flow), consumed; undefined when an elevated token covers `mfaAction`. */
export function getMfaToken(params?: { mfaAction?: MFAAction }): string | undefined {
  const controller = getMountedController();
  if (!controller) throw notMounted('getMfaToken()');
  return controller.tokens.getMfaToken(params);
}
