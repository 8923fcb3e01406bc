'use client';
import { useMemo } from 'react';
import type { MFAAction } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';

export type GetMfaToken = (params?: { mfaAction?: MFAAction }) => Promise<string | undefined>;

/**
 * `const { getMfaToken } = useGetMfaToken()` (docs/architecture.md §4). Consumes the stored legacy
 * token; `undefined` when an elevated token covers the action. The result is also callable
 * itself, because Dynamic's docs show both `const getMfaToken = useGetMfaToken()` and the
 * destructured form, and both must keep working after a move.
 */
export function useGetMfaToken(): GetMfaToken & { getMfaToken: GetMfaToken } {
  const { controller } = useMfaKit('useGetMfaToken');
  return useMemo(() => {
    const getMfaToken: GetMfaToken = async (params) => controller.tokens.getMfaToken(params);
    return Object.assign(getMfaToken, { getMfaToken });
  }, [controller]);
}
