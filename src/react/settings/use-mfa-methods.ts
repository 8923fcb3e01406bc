'use client';
import { useCallback, useEffect, useState } from 'react';
import type { MfaMethodsResponse } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';

/** The user's factors from `GET /mfa/methods`, with `reload()` after each change. */
export function useMfaMethods() {
  const { controller } = useMfaKit('useMfaMethods');
  const [methods, setMethods] = useState<MfaMethodsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setMethods(await controller.api.getMethods());
      setError(null);
    } catch (cause) {
      setError(cause);
    }
  }, [controller]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { methods, error, reload };
}
