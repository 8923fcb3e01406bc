'use client';
import { useCallback } from 'react';
import { simpleWebAuthnSeam } from '../../core/passkey/webauthn-seam.js';
import type { TokenScope, WebAuthnJson } from '../../protocol/index.js';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { PromptController } from '../../core/prompt/prompt-controller.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { saveVerifyResult } from './save-verify-result.js';

export interface AuthenticatePasskeyMfaParams {
  requestedScopes?: TokenScope[];
  /** @deprecated Ask for `requestedScopes`. */
  createMfaToken?: boolean | { singleUse: boolean };
  /** Accepted for Dynamic compatibility; the reference server's RP ID comes from its config. */
  relatedOriginRpId?: string;
}

/** Headless passkey step-up, shared by `useAuthenticatePasskeyMFA` and `useStepUpAuthentication`. */
export async function authenticatePasskey(controller: PromptController, params: AuthenticatePasskeyMfaParams = {}) {
  const { api, tokens } = controller;
  const optionsJSON = await api.passkeyAuthenticationOptions({});
  const response = await simpleWebAuthnSeam.startAuthentication({
    optionsJSON: optionsJSON as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  const result = await api.verifyPasskeyAuthentication({
    response: response as unknown as WebAuthnJson,
    ...(params.requestedScopes ? { requestedScopes: params.requestedScopes } : {}),
    ...(params.createMfaToken ? { createMfaToken: params.createMfaToken } : {}),
  });
  return { result, token: saveVerifyResult(tokens, result) };
}

/** `const authenticatePasskeyMFA = useAuthenticatePasskeyMFA()`: resolves with the token earned. */
export function useAuthenticatePasskeyMFA(): (params?: AuthenticatePasskeyMfaParams) => Promise<string | undefined> {
  const { controller } = useMfaKit('useAuthenticatePasskeyMFA');
  return useCallback(async (params?: AuthenticatePasskeyMfaParams) => (await authenticatePasskey(controller, params)).token, [controller]);
}
