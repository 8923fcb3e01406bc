'use client';
import { useCallback } from 'react';
import type { MFAAction } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';

/**
 * `const isMfaRequiredForAction = useIsMfaRequiredForAction()`: asks the server. Fails
 * closed: when the answer can't be had (offline, 500), it says MFA is required.
 */
export function useIsMfaRequiredForAction(): (params: { mfaAction: MFAAction }) => Promise<boolean> {
  const { controller } = useMfaKit('useIsMfaRequiredForAction');
  return useCallback(
    ({ mfaAction }: { mfaAction: MFAAction }) => controller.api.isActionRequired(mfaAction).catch(() => true),
    [controller],
  );
}
