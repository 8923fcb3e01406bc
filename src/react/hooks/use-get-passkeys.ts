'use client';
import { useCallback } from 'react';
import type { Passkey } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';

/** `const getPasskeys = useGetPasskeys()`: the user's passkeys, with added/last-used dates. */
export function useGetPasskeys(): () => Promise<Passkey[]> {
  const { controller } = useMfaKit('useGetPasskeys');
  return useCallback(async () => (await controller.api.getMethods()).passkeys, [controller]);
}
