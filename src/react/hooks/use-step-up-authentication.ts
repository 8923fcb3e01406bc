'use client';
import { useCallback, useMemo, useState } from 'react';
import { checkStepUpAuth } from '../../core/tokens/check-step-up-auth.js';
import type { PromptMfaAuthParams } from '../../core/prompt/normalize-prompt-request.js';
import { isMfaError, MfaError } from '../../core/errors.js';
import type { HeadlessVerifyRequest } from '../../core/prompt/headless-calls.js';
import type { TokenScope, VerifyResponse } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { headlessCallsOf } from '../../core/prompt/headless-calls.js';

export interface StepUpState {
  isLoading: boolean;
  error: MfaError | null;
}

/**
 * Headless step-up (docs/architecture.md §4): the modal's flows without the modal, for a custom UI.
 * Each verify stores the elevated token it earned and resolves with the server's answer.
 */
export function useStepUpAuthentication() {
  const { controller } = useMfaKit('useStepUpAuthentication');
  const [state, setState] = useState<StepUpState>({ isLoading: false, error: null });

  const track = useCallback(async <T>(run: () => Promise<T>): Promise<T> => {
    setState({ isLoading: true, error: null });
    try {
      const result = await run();
      setState({ isLoading: false, error: null });
      return result;
    } catch (error) {
      setState({ isLoading: false, error: isMfaError(error) ? error : new MfaError('internal_error', String(error), { cause: error }) });
      throw error;
    }
  }, []);

  return useMemo(() => {
    // The controller stores what each verify earned, as the modal's flows do.
    const verify = (request: HeadlessVerifyRequest): Promise<VerifyResponse> => track(async () => (await headlessCallsOf(controller).verify(request)).result);
    return {
      verifyTotpMfa: ({ code, deviceId, requestedScopes }: { code: string; deviceId?: string; requestedScopes: TokenScope[] }) =>
        verify({ method: 'totp', code, requestedScopes, ...(deviceId ? { deviceId } : {}) }),
      verifyPasskeyMfa: ({ requestedScopes, signal }: { requestedScopes: TokenScope[]; signal?: AbortSignal }) =>
        verify({ method: 'passkey', requestedScopes, ...(signal ? { signal } : {}) }),
      verifyRecoveryCode: ({ code, requestedScopes }: { code: string; requestedScopes: TokenScope[] }) =>
        verify({ method: 'recovery_code', code, requestedScopes }),
      /** The modal, as `promptMfaAuth`. */
      promptMfa: (params?: PromptMfaAuthParams) => controller.prompt(params),
      /** Dynamic's recommended name for the prompt: the modal, as `promptMfaAuth`. */
      promptStepUpAuth: (params?: PromptMfaAuthParams) => controller.prompt(params),
      /** Dynamic's recommended check: no request when a stored token covers `scope`; fails closed. */
      checkStepUpAuth: ({ scope }: { scope: TokenScope }) => checkStepUpAuth(controller, { scope }),
      /** true unless a stored, unexpired elevated token already carries `scope`. */
      isStepUpRequired: async ({ scope }: { scope: TokenScope }) => !controller.tokens.hasElevatedAccess(scope),
      resetState: () => setState({ isLoading: false, error: null }),
      state,
    };
  }, [controller, state, track]);
}
