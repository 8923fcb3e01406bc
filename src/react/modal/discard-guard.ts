/**
 * What a stray Esc or × would throw away. During enrollment the backdrop does nothing, and
 * on the steps that hold something the user can't get back (the QR code just scanned, the
 * recovery codes shown once) Esc and × ask first.
 */
import type { MfaPromptState } from '../../core/prompt/prompt-state.js';

export type DiscardRisk = 'setup' | 'recovery-codes';

/** A press on the overlay is ignored: an enrollment is under way. */
export function isGuarded(state: MfaPromptState): boolean {
  return state.step === 'enrolling' && state.enrollment.stage !== 'choose' && state.enrollment.stage !== 'failed';
}

/** What closing now would lose, if anything worth asking about. */
export function discardRisk(state: MfaPromptState): DiscardRisk | undefined {
  if (state.step !== 'enrolling') return undefined;
  if (state.enrollment.stage === 'recovery-codes') return 'recovery-codes';
  if (state.enrollment.stage === 'totp') return 'setup';
  return undefined;
}
