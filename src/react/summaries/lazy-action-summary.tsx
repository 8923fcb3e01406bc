'use client';
/**
 * The action summary, kept out of the prompt's first bundle: only signatures and other bound
 * actions show one, and its renderers (Keccak-256 for checksums, the chain table, typed data)
 * are the largest part of the modal. The provider fetches it when it mounts, so a summary is
 * normally ready before any prompt; until it is, the modal shows its loading state in place of
 * both the summary and the step, because nothing may be approved before it is shown.
 */
import { lazy, type ComponentProps } from 'react';
import { loadOnce } from '../../core/load-once.js';

type SummaryModule = typeof import('./action-summary.js');

const summaries = loadOnce<SummaryModule>(() => import('./action-summary.js'));

/** Starts fetching the summary renderers; a failed fetch is tried again by the next call. */
export const preloadActionSummary = summaries.load;

const MfaSuspendingSummary = lazy(() => preloadActionSummary().then((module) => ({ default: module.MfaActionSummary })));

/** `MfaActionSummary`, rendered at once when it has arrived, else suspending until it does. */
export function MfaLazyActionSummary(props: ComponentProps<SummaryModule['MfaActionSummary']>) {
  const Summary = summaries.current()?.MfaActionSummary ?? MfaSuspendingSummary;
  return <Summary {...props} />;
}
