/**
 * The pattern the README teaches, exactly as an app developer writes it: ask the server
 * whether the action needs MFA, prompt when it does, then call the guarded route with the
 * token the prompt resolved with.
 */
import { MfaCancelledError, type MFAAction, type TokenScope } from 'mfa-kit';
import { useIsMfaRequiredForAction, usePromptMfaAuth } from 'mfa-kit/react';
import { useCallback } from 'react';
import type { StepUpProof } from './wallet-api';

export interface GuardedActionOptions {
  mfaAction: MFAAction;
  scope: TokenScope;
  /** Use the deprecated single-use MFA token instead of a scoped elevated token. */
  legacy: boolean;
  /** Skip the up-front check and prompt: call the route and let the server ask (withStepUp). */
  letServerAsk?: boolean;
  /** What is being approved, shown in the modal (docs/architecture.md §10). */
  approval?: { payload: unknown; summary: string };
}

export function useGuardedAction() {
  const isMfaRequiredForAction = useIsMfaRequiredForAction();
  const promptMfaAuth = usePromptMfaAuth();

  return useCallback(
    async ({ mfaAction, scope, legacy, letServerAsk, approval }: GuardedActionOptions): Promise<StepUpProof> => {
      if (letServerAsk) return {};
      if (!(await isMfaRequiredForAction({ mfaAction }))) return {};
      if (legacy) return { mfaToken: await promptMfaAuth({ createMfaToken: true }) };
      const elevatedAccessToken = await promptMfaAuth({
        requestedScopes: [scope],
        ...(approval ? { action: { mfaAction, payload: approval.payload, summary: approval.summary } } : {}),
      });
      return { elevatedAccessToken };
    },
    [isMfaRequiredForAction, promptMfaAuth],
  );
}

export function describeFailure(error: unknown): string {
  if (error instanceof MfaCancelledError) return 'Cancelled: nothing was done.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}
