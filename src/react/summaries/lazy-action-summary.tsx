'use client';
/**
 * The action summary, kept out of the prompt's first bundle: only signatures and other bound
 * actions show one, and its renderers (Keccak-256 for checksums, the chain table, typed data)
 * are the largest part of the modal. The provider fetches it when it mounts, so a summary is
 * normally ready before any prompt; until it is, the modal shows its loading state in place of
 * both the summary and the step, because nothing may be approved before it is shown.
 */
import { lazyPart } from '../lazy-part.js';

const summary = lazyPart(() => import('./action-summary.js').then((module) => module.MfaActionSummary));

/** Starts fetching the summary renderers; a failed fetch is tried again by the next call. */
export const preloadActionSummary = summary.preload;

/** `MfaActionSummary`, rendered at once when it has arrived, else suspending until it does. */
export const MfaLazyActionSummary = summary.Part;
