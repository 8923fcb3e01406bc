'use client';
/**
 * The passkey step and the method choice, kept out of the first bundle: a user whose methods
 * show no passkey opens straight on the code input (or the recovery code). The provider fetches
 * them when the user's methods show a passkey, normally at mount, so a passkey user has them
 * before they prompt; a user who reaches the choice from the recovery step fetches them then,
 * and the step shows the loading spinner until they have arrived.
 */
import { lazyPart } from '../lazy-part.js';

const loadSteps = () => import('./passkey-user-steps.js');
const passkeyStep = lazyPart(() => loadSteps().then((module) => module.MfaPasskeyStep));
const chooseMethodStep = lazyPart(() => loadSteps().then((module) => module.MfaChooseMethodStep));

/** Starts fetching both steps; a failed fetch is tried again by the next call. */
export function preloadPasskeySteps(): Promise<void> {
  return Promise.all([passkeyStep.preload(), chooseMethodStep.preload()]).then(() => undefined);
}

/** `MfaPasskeyStep`, rendered at once when it has arrived, else suspending until it does. */
export const MfaLazyPasskeyStep = passkeyStep.Part;

/** `MfaChooseMethodStep`, likewise. */
export const MfaLazyChooseMethodStep = chooseMethodStep.Part;
