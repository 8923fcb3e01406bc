'use client';
import { useSyncExternalStore } from 'react';

/** A coarse pointer (a finger) as the main input: the authenticator app is likely on this very device. */
const TOUCH_QUERY = '(pointer: coarse)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia?.(TOUCH_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
};

export function useIsTouchDevice(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(TOUCH_QUERY).matches ?? false,
    () => false,
  );
}
