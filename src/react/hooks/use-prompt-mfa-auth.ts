'use client';
import { useCallback } from 'react';
import type { PromptMfaAuthParams } from '../../core/prompt/normalize-prompt-request.js';
import { useMfaKit } from '../mfa-kit-context.js';

/**
 * `const promptMfaAuth = usePromptMfaAuth()`: opens the modal and resolves with the elevated
 * token (or, with the deprecated `createMfaToken`, the legacy MFA token). Resolves at once
 * when a stored token already covers every requested scope. Rejects with `MfaCancelledError`
 * when the user closes the modal.
 */
export function usePromptMfaAuth(): (params?: PromptMfaAuthParams) => Promise<string> {
  const { controller } = useMfaKit('usePromptMfaAuth');
  return useCallback((params?: PromptMfaAuthParams) => controller.prompt(params), [controller]);
}
