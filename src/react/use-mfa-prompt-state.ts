'use client';
import { useCallback, useSyncExternalStore } from 'react';
import type { MfaPromptState } from '../core/prompt/prompt-state.js';
import { useMfaKit } from './mfa-kit-context.js';

const CLOSED: MfaPromptState = { step: 'closed' };

/**
 * The prompt controller's snapshot, for a headless UI (`<MfaProvider modal={false}>`).
 * The server snapshot is `closed`: SSR renders no modal.
 */
export function useMfaPromptState(): MfaPromptState {
  const { controller } = useMfaKit('useMfaPromptState');
  // Bound here: the controller's methods may be plain methods that read `this`.
  const subscribe = useCallback((listener: () => void) => controller.subscribe(listener), [controller]);
  const getState = useCallback(() => controller.getState(), [controller]);
  return useSyncExternalStore(subscribe, getState, () => CLOSED);
}
