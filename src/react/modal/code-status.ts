/** What the status line says for a code-entry step, in the user's words. */
import type { MfaCodeStatus } from '../../core/prompt/prompt-state.js';
import { MfaInvalidCodeError } from '../../core/errors.js';
import { fill, formatCountdown, plural } from '../strings/format.js';
import type { MfaPromptStrings } from '../strings/types.js';

export interface CodeStatusText {
  info?: string;
  error?: string;
  /** Show "Try again" (a network or unexpected failure, not a wrong code). */
  retry: boolean;
  locked: boolean;
}

export function describeCodeStatus(
  status: MfaCodeStatus,
  secondsLocked: number,
  strings: MfaPromptStrings,
  invalidText: string = strings.totp.invalid,
): CodeStatusText {
  switch (status.kind) {
    case 'idle':
      return { retry: false, locked: false };
    case 'verifying':
      return { info: strings.totp.verifying, retry: false, locked: false };
    case 'invalid': {
      const left = status.attemptsRemaining ?? (status.error instanceof MfaInvalidCodeError ? status.error.attemptsRemaining : undefined);
      const error = left === undefined ? invalidText : `${invalidText} ${plural(strings.totp.attemptsLeft, left, strings.locale)}`;
      return { error, retry: false, locked: false };
    }
    case 'locked':
      return secondsLocked > 0
        ? { error: fill(strings.totp.locked, { time: formatCountdown(secondsLocked) }), retry: false, locked: true }
        : { info: strings.totp.unlocked, retry: false, locked: false };
    case 'failed':
      // The permanent lock: no wait fixes it, so say what does (a passkey, or support).
      if (status.error.code === 'mfa_locked') return { error: strings.totp.lockedUntilReset, retry: false, locked: true };
      return { error: strings.totp.networkError, retry: true, locked: false };
  }
}
