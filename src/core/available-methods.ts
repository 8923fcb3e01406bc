/**
 * What the user can verify with right now: enrolled on the server, enabled by the app, and
 * (for passkeys) supported by this browser. Default first: the method used last, then TOTP.
 */
import type { MfaMethod, MfaMethodsResponse } from '../protocol/index.js';
import type { MfaAvailableMethods } from './prompt-state.js';

export type VerifyMethod = Exclude<MfaMethod, 'recovery_code'>;

export function toAvailableMethods(
  methods: MfaMethodsResponse,
  enabled: readonly MfaMethod[],
  webAuthnSupported: boolean,
  lastUsed: VerifyMethod | undefined,
): MfaAvailableMethods {
  const offered: VerifyMethod[] = [];
  if (enabled.includes('totp') && methods.totpDevices.length > 0) offered.push('totp');
  if (enabled.includes('passkey') && webAuthnSupported && methods.passkeys.length > 0) offered.push('passkey');
  const ordered = lastUsed && offered.includes(lastUsed) ? [lastUsed, ...offered.filter((m) => m !== lastUsed)] : offered;
  return {
    totpDevices: methods.totpDevices,
    passkeys: methods.passkeys,
    recoveryCodesRemaining: methods.recoveryCodes.remaining,
    methods: ordered,
    webAuthnSupported,
  };
}

/** The methods a user with none can enroll in the modal. */
export function enrollmentOptions(enabled: readonly MfaMethod[], webAuthnSupported: boolean): Array<'totp' | 'passkey'> {
  const options: Array<'totp' | 'passkey'> = [];
  if (enabled.includes('totp')) options.push('totp');
  if (enabled.includes('passkey') && webAuthnSupported) options.push('passkey');
  return options;
}

/** The TOTP device to verify against: the default one, else the first. */
export function defaultTotpDeviceId(available: MfaAvailableMethods): string | undefined {
  return (available.totpDevices.find((device) => device.isDefault) ?? available.totpDevices[0])?.id;
}
