import { describe, expect, it, vi } from 'vitest';
import { MFAAction } from '../../protocol/index.js';
import { MfaError } from '../errors.js';
import { isMfaRequiredForAction } from './is-mfa-required.js';

describe('isMfaRequiredForAction', () => {
  it.each([true, false])('when the server answers required=%s, should say so', async (required) => {
    const api = { isActionRequired: vi.fn(async () => required) };
    await expect(isMfaRequiredForAction(api, { mfaAction: MFAAction.WalletWaasExport })).resolves.toBe(required);
    expect(api.isActionRequired).toHaveBeenCalledWith('wallet.waas.export', undefined);
  });

  it.each(['network_error', 'timeout', 'internal_error', 'invalid_response'] as const)(
    'when the answer cannot be had (%s), should fail closed with true',
    async (code) => {
      const api = { isActionRequired: vi.fn(async () => Promise.reject(new MfaError(code, 'no answer'))) };
      await expect(isMfaRequiredForAction(api, { mfaAction: MFAAction.WalletWaasSign })).resolves.toBe(true);
    },
  );
});
