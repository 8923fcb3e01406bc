'use client';
import { useMemo, useRef } from 'react';
import type { MfaCallOptions } from '../../core/http/mfa-api.js';
import type { CreateTotpDeviceResponse, TokenScope, TotpDevice, VerifyRecoveryCodeRequest } from '../../protocol/index.js';
import { useMfaKit } from '../mfa-kit-context.js';
import { saveVerifyResult } from './save-verify-result.js';

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
 * `credential:update`), so prompt for it first.
 */
export function useMfa() {
  const { controller } = useMfaKit('useMfa');
  // The device made by `addDevice` is verified through its own route until its first code.
  const pendingDeviceId = useRef<string | undefined>(undefined);
  // Recovery codes come back once, with the first verified method; kept for getRecoveryCodes().
  const shownCodes = useRef<string[]>([]);

  return useMemo(() => {
    const { api, tokens } = controller;
    const guarded = (scope: TokenScope, mfaToken?: string): MfaCallOptions => {
      const elevatedAccessToken = tokens.getElevatedAccessToken({ scope });
      const legacy = mfaToken ?? (elevatedAccessToken ? undefined : tokens.getMfaToken());
      return { ...(elevatedAccessToken ? { elevatedAccessToken } : {}), ...(legacy ? { mfaToken: legacy } : {}) };
    };
    const getNewRecoveryCodes = async () => (await api.regenerateRecoveryCodes(guarded('credential:update'))).codes;
    return {
      /** A new, unverified TOTP device: `{ id, secret, uri }`. Needs `credential:link` when the user has a factor. */
      addDevice: async (_type?: string): Promise<CreateTotpDeviceResponse> => {
        const link = tokens.getElevatedAccessToken({ scope: 'credential:link' });
        const device = await api.createTotpDevice(link ? { elevatedAccessToken: link } : {});
        pendingDeviceId.current = device.id;
        return device;
      },
      /** Verifies a code (confirming a new device first); resolves with the token it earned. */
      authenticateDevice: async ({ code, deviceId, createMfaToken, requestedScopes }: AuthenticateDeviceParams) => {
        const tokenRequest = { ...(requestedScopes ? { requestedScopes } : {}), ...(createMfaToken ? { createMfaToken } : {}) };
        const pending = pendingDeviceId.current;
        if (pending && (deviceId === undefined || deviceId === pending)) {
          const result = await api.verifyTotpDevice(pending, { code, ...tokenRequest });
          pendingDeviceId.current = undefined;
          if (result.recoveryCodes) shownCodes.current = result.recoveryCodes;
          return saveVerifyResult(tokens, result);
        }
        return saveVerifyResult(tokens, await api.verifyTotp({ code, ...(deviceId ? { deviceId } : {}), ...tokenRequest }));
      },
      getUserDevices: async (): Promise<TotpDevice[]> => (await api.getMethods()).totpDevices,
      deleteUserDevice: (deviceId: string, mfaToken?: string) => api.deleteTotpDevice(deviceId, guarded('credential:unlink', mfaToken)),
      /** Makes the device the default one. Needs `credential:update`: prompt for it first. */
      updateUserDevice: (deviceId: string) => api.setDefaultTotpDevice(deviceId, guarded('credential:update')),
      /** The codes shown with the first method (the server never returns them again), or new ones. */
      getRecoveryCodes: async (generateNewCodes = false) => (generateNewCodes ? getNewRecoveryCodes() : shownCodes.current),
      getNewRecoveryCodes,
      completeAcknowledgement: async () => {
        await api.acknowledgeRecoveryCodes();
        shownCodes.current = [];
      },
      isPendingRecoveryCodesAcknowledgment: async () => !(await api.getMethods()).recoveryCodes.acknowledged,
      authenticateRecoveryCode: async (params: VerifyRecoveryCodeRequest) => saveVerifyResult(tokens, await api.verifyRecoveryCode(params)),
    };
  }, [controller]);
}
