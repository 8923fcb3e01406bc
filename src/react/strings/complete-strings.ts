/**
 * A prompt's strings made whole for a part loaded on demand (the method choice, the passkey
 * and recovery-code steps, enrollment, the recovery codes, the discard question, the action
 * summaries): the app's words where it gave some, else the
 * English that ships with those parts. Imported only by them, so the first bundle keeps
 * `en-prompt.ts` alone.
 */
import { enOnDemand } from './en-on-demand.js';
import type { MfaPromptStrings, MfaStrings } from './types.js';

// One result per strings object: the provider keeps its merged strings until they change.
const completed = new WeakMap<MfaPromptStrings, MfaStrings>();

export function completeStrings(strings: MfaPromptStrings): MfaStrings {
  let whole = completed.get(strings);
  if (!whole) {
    whole = {
      ...strings,
      approving: strings.approving ?? enOnDemand.approving,
      chooseMethod: { ...enOnDemand.chooseMethod, ...strings.chooseMethod },
      passkey: { ...enOnDemand.passkey, ...strings.passkey },
      recovery: { ...enOnDemand.recovery, ...strings.recovery },
      summary: { ...enOnDemand.summary, ...strings.summary },
      discard: { ...enOnDemand.discard, ...strings.discard },
      enroll: { ...enOnDemand.enroll, ...strings.enroll },
      recoveryCodes: { ...enOnDemand.recoveryCodes, ...strings.recoveryCodes },
    };
    completed.set(strings, whole);
  }
  return whole;
}
