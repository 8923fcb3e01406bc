'use client';
import { useCallback } from 'react';
import { useMfaKit } from '../mfa-kit-context.js';

/**
 * `const deletePasskey = useDeletePasskey()`: needs `credential:unlink` — call
 * `promptMfaAuth({ requestedScopes: [TokenScope.Credentialunlink] })` first; the stored token
 * (or the legacy MFA token, as in Dynamic's example) is sent along.
 */
export function useDeletePasskey(): (passkeyId: string) => Promise<void> {
  const { controller } = useMfaKit('useDeletePasskey');
  return useCallback((passkeyId: string) => controller.api.deletePasskey(passkeyId, controller.credentialsFor('credential:unlink')), [controller]);
}
