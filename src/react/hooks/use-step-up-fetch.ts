'use client';
import { useMemo } from 'react';
import { withStepUp, type WithStepUpOptions } from '../../core/http/step-up-fetch.js';
import { useMfaKit } from '../mfa-kit-context.js';

/**
 * `const stepUpFetch = useStepUpFetch()`: `fetch` that answers a server's step-up challenge
 * (RFC 9470 `insufficient_user_authentication`, or our `elevated_access_required`) by opening
 * this provider's modal for exactly the scopes asked, then retrying once with the token. An
 * app that never calls `isMfaRequiredForAction` still gets the prompt when the server wants one.
 */
export function useStepUpFetch(options: Pick<WithStepUpOptions, 'action'> & { fetch?: typeof fetch } = {}): typeof fetch {
  const { controller } = useMfaKit('useStepUpFetch');
  const { fetch: fetchFn, action } = options;
  return useMemo(
    () =>
      withStepUp(fetchFn ?? ((input, init) => globalThis.fetch(input, init)), {
        prompt: (params) => controller.prompt(params),
        tokens: controller.tokens,
        ...(action ? { action } : {}),
      }),
    [controller, fetchFn, action],
  );
}
