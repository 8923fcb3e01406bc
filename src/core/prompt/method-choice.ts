/**
 * Where a prompt decides TOTP, passkey or recovery code. What the user can verify with right
 * now: enrolled on the server, enabled by the app, and (for passkeys) supported by this
 * browser; default first: the method used last, then TOTP. `firstStep` picks the step a prompt
 * opens on; the verification flow only carries it out.
 */
import type { MfaMethod, MfaMethodsResponse } from '../../protocol/index.js';
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
  if (webAuthnSupported && offersPasskey(methods, enabled)) offered.push('passkey');
  const ordered = lastUsed && offered.includes(lastUsed) ? [lastUsed, ...offered.filter((m) => m !== lastUsed)] : offered;
  return {
    totpDevices: methods.totpDevices,
    passkeys: methods.passkeys,
    recoveryCodesRemaining: methods.recoveryCodes.remaining,
    methods: ordered,
    webAuthnSupported,
  };
}

/** Whether a prompt for this user may open the passkey step (or the choice that leads to it). */
export function offersPasskey(methods: MfaMethodsResponse, enabled: readonly MfaMethod[]): boolean {
  return enabled.includes('passkey') && methods.passkeys.length > 0;
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

/** The step a prompt opens on: the choice, one method, or none (the reason is the caller's to say). */
export type FirstStep = { kind: 'choose' } | { kind: 'method'; method: MfaMethod } | { kind: 'none' };

export function firstStep(available: MfaAvailableMethods, enabled: readonly MfaMethod[], lastUsed: VerifyMethod | undefined): FirstStep {
  const [first] = available.methods;
  // Several methods and none used yet: let the user choose. Otherwise open the default.
  if (available.methods.length > 1 && !(lastUsed && available.methods.includes(lastUsed))) return { kind: 'choose' };
  if (first) return { kind: 'method', method: first };
  // Recovery codes are the fallback, never the default while another method is offered.
  if (enabled.includes('recovery_code')) return { kind: 'method', method: 'recovery_code' };
  return { kind: 'none' };
}
