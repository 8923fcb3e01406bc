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
  return useCallback(
    (passkeyId: string) => {
      const { api, tokens } = controller;
      const elevatedAccessToken = tokens.getElevatedAccessToken({ scope: 'credential:unlink' });
      const mfaToken = elevatedAccessToken ? undefined : tokens.getMfaToken();
      return api.deletePasskey(passkeyId, { ...(elevatedAccessToken ? { elevatedAccessToken } : {}), ...(mfaToken ? { mfaToken } : {}) });
    },
    [controller],
  );
}
