'use client';
/**
 * The recovery-code step, kept out of the first bundle: a verified user's step-up uses their
 * authenticator or passkey, and a recovery code only when they have lost both. The modal
 * fetches it when it opens, so it has normally arrived before "Use a recovery code" is picked;
 * until it has, the step shows the loading spinner in the body's place.
 */
import { lazyPart } from '../lazy-part.js';

const recoveryStep = lazyPart(() => import('./recovery-step.js').then((module) => module.MfaRecoveryStep));

/** Starts fetching the step; a failed fetch is tried again by the next call. */
export const preloadRecoveryStep = recoveryStep.preload;

/** `MfaRecoveryStep`, rendered at once when it has arrived, else suspending until it does. */
export const MfaLazyRecoveryStep = recoveryStep.Part;
