'use client';
import { useCallback } from 'react';
import { useMfaKit } from '../mfa-kit-context.js';
import { headlessCallsOf } from '../../core/prompt/headless-calls.js';

/**
 * `const deletePasskey = useDeletePasskey()`: needs `credential:unlink` — call
 * `promptMfaAuth({ requestedScopes: [TokenScope.Credentialunlink] })` first; the stored token
 * (or the legacy MFA token, as in Dynamic's example) is sent along.
 */
export function useDeletePasskey(): (passkeyId: string) => Promise<void> {
  const { controller } = useMfaKit('useDeletePasskey');
  return useCallback(
    (passkeyId: string) => controller.api.deletePasskey(passkeyId, headlessCallsOf(controller).credentialsFor('credential:unlink')),
    [controller],
  );
}
