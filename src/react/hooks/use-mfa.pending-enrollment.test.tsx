// The device `addDevice` made is confirmed through its own route wherever its first code is
// entered: the pending enrollment lives in the provider's controller, not in one component.
import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MfaApi } from '../../core/http/mfa-api.js';
import { MfaProvider } from '../mfa-provider.js';
import { stubApi } from '../test/stub-api.js';
import { useMfa } from './use-mfa.js';
import { FAR_FUTURE } from '../../../test/fixtures-shared.js';

const grant = {
  method: 'totp' as const,
  elevatedAccessToken: { token: 'enrolled', scopes: ['wallet:export' as const], expiresAt: FAR_FUTURE, singleUse: true },
};

describe('useMfa across components', () => {
  it('should confirm a device added in one component when another submits its first code', async () => {
    const verifyTotpDevice = vi.fn<MfaApi['verifyTotpDevice']>(async () => ({ ...grant, device: { id: 'new-dev', createdAt: 'x', isDefault: true } }));
    const verifyTotp = vi.fn<MfaApi['verifyTotp']>(async () => grant);
    const api = stubApi({
      getMethods: async () => ({ totpDevices: [], passkeys: [], recoveryCodes: { remaining: 0, acknowledged: true }, userHasVerifiedMfaMethods: false }),
      createTotpDevice: async () => ({ id: 'new-dev', secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x' }),
      verifyTotpDevice,
      verifyTotp,
    });
    const hooks: { adder?: ReturnType<typeof useMfa>; verifier?: ReturnType<typeof useMfa> } = {};
    function Adder() {
      hooks.adder = useMfa();
      return null;
    }
    function Verifier() {
      hooks.verifier = useMfa();
      return null;
    }
    render(
      <MfaProvider api={api} modal={false}>
        <Adder />
        <Verifier />
      </MfaProvider>,
    );

    await act(() => hooks.adder!.addDevice());
    const token = await act(() => hooks.verifier!.authenticateDevice({ code: '123456', requestedScopes: ['wallet:export'] }));

    expect(verifyTotpDevice).toHaveBeenCalledWith('new-dev', { code: '123456', requestedScopes: ['wallet:export'] }, {});
    expect(verifyTotp).not.toHaveBeenCalled();
    expect(token).toBe('enrolled');
  });
});
