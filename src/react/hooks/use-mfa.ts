'use client';
import { useMemo } from 'react';
import type { CreateTotpDeviceResponse, TokenScope, TotpDevice, VerifyRecoveryCodeRequest } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { headlessCallsOf } from '../../core/prompt/headless-calls.js';

export interface AuthenticateDeviceParams {
  code: string;
  deviceId?: string;
  /** Accepted for Dynamic compatibility: TOTP is the only device type. */
  type?: string;
  /** @deprecated Ask for `requestedScopes`. */
  createMfaToken?: boolean | { singleUse: boolean };
  requestedScopes?: TokenScope[];
}

/**
 * TOTP devices and recovery codes, headless (docs/architecture.md §4, Dynamic's `useMfa` names).
 * Guarded calls send the stored elevated token for their scope (`credential:unlink`,
 * `credential:update`), so prompt for it first. The device `addDevice` made and the recovery
 * codes shown once live in the provider's controller, so any component can finish the enrollment.
 */
export function useMfa() {
  const { controller } = useMfaKit('useMfa');

  return useMemo(() => {
    const { api } = controller;
    const getNewRecoveryCodes = async () => (await api.regenerateRecoveryCodes(headlessCallsOf(controller).credentialsFor('credential:update'))).codes;
    return {
      /** A new, unverified TOTP device: `{ id, secret, uri }`. Needs `credential:link` when the user has a factor. */
      addDevice: (_type?: string): Promise<CreateTotpDeviceResponse> => headlessCallsOf(controller).addTotpDevice(),
      /** Verifies a code (confirming a new device first); resolves with the token it earned. */
      authenticateDevice: async ({ code, deviceId, createMfaToken, requestedScopes }: AuthenticateDeviceParams) =>
        (
          await headlessCallsOf(controller).verify({
            method: 'totp',
            code,
            ...(deviceId ? { deviceId } : {}),
            ...(requestedScopes ? { requestedScopes } : {}),
            ...(createMfaToken ? { createMfaToken } : {}),
          })
        ).token,
      getUserDevices: async (): Promise<TotpDevice[]> => (await api.getMethods()).totpDevices,
      deleteUserDevice: (deviceId: string, mfaToken?: string) =>
        api.deleteTotpDevice(deviceId, headlessCallsOf(controller).credentialsFor('credential:unlink', mfaToken ? { mfaToken } : {})),
      /** Makes the device the default one. Needs `credential:update`: prompt for it first. */
      updateUserDevice: (deviceId: string) => api.setDefaultTotpDevice(deviceId, headlessCallsOf(controller).credentialsFor('credential:update')),
      /** The codes shown with the first method (the server never returns them again), or new ones. */
      getRecoveryCodes: async (generateNewCodes = false) => (generateNewCodes ? getNewRecoveryCodes() : [...headlessCallsOf(controller).shownRecoveryCodes()]),
      getNewRecoveryCodes,
      completeAcknowledgement: () => headlessCallsOf(controller).acknowledgeShownRecoveryCodes(),
      isPendingRecoveryCodesAcknowledgment: async () => !(await api.getMethods()).recoveryCodes.acknowledged,
      authenticateRecoveryCode: async ({ code, ...request }: VerifyRecoveryCodeRequest) =>
        (await headlessCallsOf(controller).verify({ method: 'recovery_code', code, ...request })).token,
    };
  }, [controller]);
}
