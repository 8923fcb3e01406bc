'use client';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { passkeyNameFor } from '../../core/passkey/passkey-name.js';
import { useCallback } from 'react';
import { simpleWebAuthnSeam } from '../../core/passkey/webauthn-seam.js';
import type { PasskeyRegistrationVerifyResponse, TokenScope, WebAuthnJson } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { saveVerifyResult } from './save-verify-result.js';

/**
 * `const registerPasskey = useRegisterPasskey()`: creates a passkey as a second factor. When the
 * user already has a factor, the server wants `credential:link` first: prompt for it (the
 * settings component does), and the stored token is sent along.
 */
export function useRegisterPasskey(): (params?: { name?: string; requestedScopes?: TokenScope[] }) => Promise<PasskeyRegistrationVerifyResponse> {
  const { controller } = useMfaKit('useRegisterPasskey');
  return useCallback(
    async (params: { name?: string; requestedScopes?: TokenScope[] } = {}) => {
      const { api, tokens } = controller;
      const link = tokens.getElevatedAccessToken({ scope: 'credential:link' });
      const optionsJSON = await api.passkeyRegistrationOptions(link ? { elevatedAccessToken: link } : {});
      const response = await simpleWebAuthnSeam.startRegistration({
        optionsJSON: optionsJSON as unknown as PublicKeyCredentialCreationOptionsJSON,
      });
      const result = await api.verifyPasskeyRegistration({
        response: response as unknown as WebAuthnJson,
        // Named by the caller, or else by the authenticator's AAGUID where it is a known provider.
        name: params.name ?? passkeyNameFor(response) ?? 'Passkey',
        ...(params.requestedScopes ? { requestedScopes: params.requestedScopes } : {}),
      });
      saveVerifyResult(tokens, result);
      return result;
    },
    [controller],
  );
}
