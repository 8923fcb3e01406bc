'use client';
import { useCallback, useMemo, useState } from 'react';
import { checkStepUpAuth } from '../../core/tokens/check-step-up-auth.js';
import type { PromptMfaAuthParams } from '../../core/prompt/normalize-prompt-request.js';
import { isMfaError, MfaError } from '../../core/errors.js';
import type { TokenScope, VerifyResponse } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { authenticatePasskey } from './use-authenticate-passkey-mfa.js';
import { saveVerifyResult } from './save-verify-result.js';

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

  const track = useCallback(async <T,>(run: () => Promise<T>): Promise<T> => {
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

  const verified = useCallback(
    async (run: () => Promise<VerifyResponse>) => {
      const result = await run();
      saveVerifyResult(controller.tokens, result);
      return result;
    },
    [controller],
  );

  return useMemo(() => {
    const { api } = controller;
    return {
      verifyTotpMfa: ({ code, deviceId, requestedScopes }: { code: string; deviceId?: string; requestedScopes: TokenScope[] }) =>
        track(() => verified(() => api.verifyTotp({ code, requestedScopes, ...(deviceId ? { deviceId } : {}) }))),
      verifyPasskeyMfa: ({ requestedScopes }: { requestedScopes: TokenScope[] }) =>
        track(async () => (await authenticatePasskey(controller, { requestedScopes })).result),
      verifyRecoveryCode: ({ code, requestedScopes }: { code: string; requestedScopes: TokenScope[] }) =>
        track(() => verified(() => api.verifyRecoveryCode({ code, requestedScopes }))),
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
  }, [controller, state, track, verified]);
}
