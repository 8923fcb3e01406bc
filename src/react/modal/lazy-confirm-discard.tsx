'use client';
/**
 * The question before Esc or × throws away what enrollment showed once, kept out of the first
 * bundle with its words: only enrollment asks it. The enrollment step fetches it when it shows,
 * so it has arrived before an Esc can ask for it.
 */
import { lazy, type ComponentProps } from 'react';
import { loadOnce } from '../../core/load-once.js';

type ConfirmDiscardModule = typeof import('./confirm-discard.js');

const confirmDiscard = loadOnce<ConfirmDiscardModule>(() => import('./confirm-discard.js'));

/** Starts fetching the question; a failed fetch is tried again by the next call. */
export const preloadConfirmDiscard = confirmDiscard.load;

const MfaSuspendingConfirmDiscard = lazy(() => preloadConfirmDiscard().then((module) => ({ default: module.MfaConfirmDiscard })));

/** `MfaConfirmDiscard`, rendered at once when it has arrived, else suspending until it does. */
export function MfaLazyConfirmDiscard(props: ComponentProps<ConfirmDiscardModule['MfaConfirmDiscard']>) {
  const ConfirmDiscard = confirmDiscard.current()?.MfaConfirmDiscard ?? MfaSuspendingConfirmDiscard;
  return <ConfirmDiscard {...props} />;
}
