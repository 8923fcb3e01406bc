'use client';
import { useCallback } from 'react';
import { isMfaRequiredForAction } from '../../core/tokens/is-mfa-required.js';
import type { MFAAction } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';

/**
 * `const isMfaRequiredForAction = useIsMfaRequiredForAction()`: asks the server, through the
 * core's `isMfaRequiredForAction`, which fails closed (no answer means MFA is required).
 */
export function useIsMfaRequiredForAction(): (params: { mfaAction: MFAAction }) => Promise<boolean> {
  const { controller } = useMfaKit('useIsMfaRequiredForAction');
  return useCallback((params: { mfaAction: MFAAction }) => isMfaRequiredForAction(controller.api, params), [controller]);
}
