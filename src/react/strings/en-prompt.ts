import type { MfaPromptStrings } from './types.js';

/**
 * English for what every prompt may show: the authenticator-code step, and the headings and
 * descriptions of the others. The rest (the method choice, the passkey and recovery-code
 * steps, enrollment's screens, the recovery-code sheet, the discard question, the action
 * summaries) is in `en-on-demand.ts`, which loads with those parts.
 */
export const enPrompt: MfaPromptStrings = {
  locale: 'en',
  title: {
    default: 'Confirm it’s you',
    scope: {
      'wallet:export': 'To export your private key',
      'wallet:sign': 'To sign with your wallet',
      'wallet:refresh': 'To delegate your wallet',
      'wallet:reshare': 'To change delegated access',
      'wallet:delegate': 'To delegate your wallet',
      'credential:link': 'To add a sign-in method',
      'credential:unlink': 'To remove a sign-in method',
      'credential:update': 'To change your sign-in methods',
      'user:update': 'To update your account',
    },
    claim: 'To claim your wallet',
  },
  heading: {
    choosing: 'Choose how to confirm',
    totp: 'Enter your authenticator code',
    passkey: 'Use your passkey',
    recovery: 'Enter a recovery code',
    error: 'Something went wrong',
  },
  close: 'Close',
  loading: 'Loading…',
  useAnotherMethod: 'Use another method',
  lostAccess: 'Lost access? Use a recovery code',
  tryAgain: 'Try again',
  totp: {
    description: 'Enter the 6-digit code from your authenticator app.',
    inputLabel: 'Authentication code',
    verifying: 'Checking the code…',
    invalid: 'That code didn’t work.',
    attemptsLeft: { one: '1 attempt left.', other: '{count} attempts left.' },
    locked: 'Too many attempts. Try again in {time}.',
    lockedUntilReset: 'Too many wrong codes: codes no longer work on this account. Confirm with a passkey instead, or contact support to unlock it.',
    unlocked: 'You can try again now.',
    networkError: 'We couldn’t reach the server. Check your connection.',
    needAllDigits: 'Enter all 6 digits of the code.',
  },
  // The rest of these two groups comes with their steps (en-on-demand.ts).
  passkey: { description: 'Confirm with the passkey saved on this device or your security key.' },
  recovery: { description: 'Enter one of the recovery codes you saved. Each code works once.' },
  success: 'Confirmed',
  successDetail: 'You’re all set.',
  loadError: 'We couldn’t load your sign-in methods.',
  noUsableMethod: 'This browser can’t use passkeys, and no other way to confirm is available. Open this page in another browser or on another device.',
  enroll: {
    title: 'Protect your account',
    description: 'Add a second step to confirm sensitive actions.',
  },
  recoveryCodes: {
    title: 'Save your recovery codes',
  },
};
