'use client';
import { useCallback } from 'react';
import type { RegisterPasskeyParams } from '../../core/prompt/headless-calls.js';
import type { PasskeyRegistrationVerifyResponse } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { headlessCallsOf } from '../../core/prompt/headless-calls.js';

/**
 * `const registerPasskey = useRegisterPasskey()`: creates a passkey as a second factor, with
 * the provider's WebAuthn seam (`<MfaProvider webauthn>`). When the user already has a factor,
 * the server wants `credential:link` first: prompt for it (the settings component does), and
 * the stored token is sent along. `signal` aborts the ceremony.
 */
export function useRegisterPasskey(): (params?: RegisterPasskeyParams) => Promise<PasskeyRegistrationVerifyResponse> {
  const { controller } = useMfaKit('useRegisterPasskey');
  return useCallback((params?: RegisterPasskeyParams) => headlessCallsOf(controller).registerPasskey(params), [controller]);
}
