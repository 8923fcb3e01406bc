'use client';
/**
 * The question before Esc or × throws away what enrollment showed once, kept out of the first
 * bundle with its words: only enrollment asks it. The enrollment step fetches it when it shows,
 * so it has arrived before an Esc can ask for it.
 */
import { lazyPart } from '../lazy-part.js';

const confirmDiscard = lazyPart(() => import('./confirm-discard.js').then((module) => module.MfaConfirmDiscard));

/** Starts fetching the question; a failed fetch is tried again by the next call. */
export const preloadConfirmDiscard = confirmDiscard.preload;

/** `MfaConfirmDiscard`, rendered at once when it has arrived, else suspending until it does. */
export const MfaLazyConfirmDiscard = confirmDiscard.Part;
