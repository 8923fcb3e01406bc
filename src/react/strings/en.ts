import { enOnDemand } from './en-on-demand.js';
import { enPrompt } from './en-prompt.js';
import type { MfaStrings } from './types.js';

/**
 * English, the default. Every visible string and accessible name of the kit, in two files: what
 * every prompt may show (`en-prompt.ts`) and what only the parts loaded on demand show
 * (`en-on-demand.ts`). The provider starts from the first alone.
 */
export const en: MfaStrings = {
  ...enPrompt,
  ...enOnDemand,
  passkey: { ...enPrompt.passkey, ...enOnDemand.passkey },
  recovery: { ...enPrompt.recovery, ...enOnDemand.recovery },
  enroll: { ...enPrompt.enroll, ...enOnDemand.enroll },
  recoveryCodes: { ...enPrompt.recoveryCodes, ...enOnDemand.recoveryCodes },
};
