// "Add a passkey" in the settings runs its ceremony on the provider's WebAuthn seam (a test
// seam, or an app's own wrapper), never on a second, hard-wired WebAuthn client.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MfaApi } from '../../core/http/mfa-api.js';
import { stubWebAuthn } from '../../core/test-support/stub-api.js';
import { MfaProvider } from '../mfa-provider.js';
import { stubApi } from '../test/stub-api.js';
import { MfaSettings } from './mfa-settings.js';

const PASSKEY = { id: 'pk-1', name: 'Laptop', createdAt: '2026-11-02T10:00:00.000Z', lastUsedAt: null };

describe('MfaSettings with <MfaProvider webauthn>', () => {
  it('should register the new passkey through the provider’s seam', async () => {
    const webauthn = stubWebAuthn();
    const verifyPasskeyRegistration = vi.fn<MfaApi['verifyPasskeyRegistration']>(async () => ({ method: 'passkey', passkey: PASSKEY }));
    const api = stubApi({
      getMethods: async () => ({ totpDevices: [], passkeys: [], recoveryCodes: { remaining: 0, acknowledged: true }, userHasVerifiedMfaMethods: false }),
      getSecurityEvents: async () => ({ events: [] }),
      passkeyRegistrationOptions: async () => ({ challenge: 'reg-challenge' }),
      verifyPasskeyRegistration,
    });
    render(
      <MfaProvider api={api} webauthn={webauthn.seam} theme="light">
        <MfaSettings />
      </MfaProvider>,
    );

    await userEvent.click(await screen.findByRole('button', { name: 'Add a passkey' }));
    await waitFor(() => expect(webauthn.seam.startRegistration).toHaveBeenCalledWith({ optionsJSON: { challenge: 'reg-challenge' } }));
    webauthn.succeed({ id: 'cred-1', response: {} });

    await waitFor(() => expect(verifyPasskeyRegistration).toHaveBeenCalledTimes(1));
    expect(verifyPasskeyRegistration.mock.calls[0]?.[0]).toMatchObject({ response: { id: 'cred-1' }, name: 'Passkey' });
  });
});
