'use client';
import { useCallback } from 'react';
import type { HeadlessTokenRequest } from '../../core/prompt/headless-calls.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { headlessCallsOf } from '../../core/prompt/headless-calls.js';

export interface AuthenticatePasskeyMfaParams extends HeadlessTokenRequest {
  /** Accepted for Dynamic compatibility; the reference server's RP ID comes from its config. */
  relatedOriginRpId?: string;
}

/**
 * `const authenticatePasskeyMFA = useAuthenticatePasskeyMFA()`: resolves with the token earned.
 * The ceremony runs on the provider's WebAuthn seam; `action` binds the approval to one request
 * body, and `signal` aborts the ceremony.
 */
export function useAuthenticatePasskeyMFA(): (params?: AuthenticatePasskeyMfaParams) => Promise<string | undefined> {
  const { controller } = useMfaKit('useAuthenticatePasskeyMFA');
  return useCallback(
    async ({ relatedOriginRpId: _ignored, ...request }: AuthenticatePasskeyMfaParams = {}) =>
      (await headlessCallsOf(controller).verify({ method: 'passkey', ...request })).token,
    [controller],
  );
}
