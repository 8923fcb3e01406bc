import type { MfaSettingsStrings } from '../strings/types.js';

/** English for `MfaSettings`, kept apart from the prompt's strings so the prompt doesn't carry it. */
export const enSettings: MfaSettingsStrings = {
  title: 'Two-step verification',
  totpDevices: 'Authenticator apps',
  passkeys: 'Passkeys',
  none: 'None yet.',
  authenticatorApp: 'Authenticator app',
  added: 'Added {date}',
  lastUsed: 'last used {date}',
  neverUsed: 'never used',
  isDefault: 'Default',
  setDefault: 'Make default',
  rename: 'Rename',
  renameLabel: 'Passkey name',
  save: 'Save',
  cancel: 'Cancel',
  remove: 'Remove',
  removeLabel: 'Remove {name}',
  confirmRemoveTitle: 'Remove this method?',
  confirmRemove: 'You won’t be able to use it to confirm actions any more.',
  confirmRemoveLast:
    'This is your only second step. Without it, your wallet’s sensitive actions are protected by your password alone, and your recovery codes stop working.',
  lastFactorNote: 'This is your only method, so it can’t be removed: add another one first, then remove this one.',
  addTotp: 'Add an authenticator app',
  addPasskey: 'Add a passkey',
  recoveryCodes: 'Recovery codes',
  recoveryCodesLeft: { one: '1 code left', other: '{count} codes left' },
  regenerate: 'Make new codes',
  loadError: 'We couldn’t load your sign-in methods.',
  actionError: 'That didn’t work. Please try again.',
};
