import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MfaApi } from '../../core/http/mfa-api.js';
import type { MfaMethodsResponse } from '../../protocol/index.js';
import { MfaProvider } from '../mfa-provider.js';
import { axeViolations } from '../test/axe.js';
import { stubApi } from '../test/stub-api.js';
import { MfaSettings } from './mfa-settings.js';
import { FAR_FUTURE } from '../../../test/fixtures-shared.js';

const onlyTotp: MfaMethodsResponse = {
  totpDevices: [{ id: 'dev-1', createdAt: '2026-11-01T10:00:00.000Z', isDefault: true, lastUsedAt: '2026-11-20T10:00:00.000Z' }],
  passkeys: [],
  recoveryCodes: { remaining: 3, acknowledged: true },
  userHasVerifiedMfaMethods: true,
};
const updateGrant = {
  method: 'totp' as const,
  elevatedAccessToken: { token: 'update-1', scopes: ['credential:update' as const], expiresAt: FAR_FUTURE, singleUse: false },
};
const unlinkGrant = {
  method: 'totp' as const,
  elevatedAccessToken: { token: 'unlink-1', scopes: ['credential:unlink' as const], expiresAt: FAR_FUTURE, singleUse: true },
};

function renderSettings(api: MfaApi) {
  return render(
    <MfaProvider api={api} theme="light">
      <MfaSettings />
    </MfaProvider>,
  );
}

describe('MfaSettings', () => {
  describe('given a user with one authenticator app', () => {
    it('should list it with when it was added and last used, and the codes left', async () => {
      renderSettings(stubApi({ getMethods: async () => onlyTotp }));
      const list = await screen.findByRole('list', { name: 'Authenticator apps' });
      const item = await within(list).findByRole('listitem');
      expect(item).toHaveTextContent('Authenticator app');
      expect(item).toHaveTextContent('Added Nov 1, 2026 · last used Nov 20, 2026');
      expect(item).toHaveTextContent('Default');
      expect(screen.getByText('3 codes left')).toBeInTheDocument();
      expect(await axeViolations()).toEqual([]);
    });

    describe('when they try to remove it', () => {
      it('should say why Remove is unavailable on the only method', async () => {
        const deleteTotpDevice = vi.fn<MfaApi['deleteTotpDevice']>(async () => undefined);
        renderSettings(stubApi({ getMethods: async () => onlyTotp, deleteTotpDevice }));
        const remove = await screen.findByRole('button', { name: 'Remove Authenticator app' });
        expect(remove).toBeDisabled();
        expect(remove).toHaveAccessibleDescription(/only method, so it can’t be removed: add another one first/);
        expect(await axeViolations()).toEqual([]);
      });
    });
  });

  describe('given a user with an authenticator app and a passkey', () => {
    const twoFactors = { ...onlyTotp, passkeys: [{ id: 'pk-1', name: 'MacBook', createdAt: '2026-11-02T10:00:00.000Z', lastUsedAt: null }] };
    describe('when they remove the app', () => {
      it('should step up with credential:unlink bound to that device, then delete with that token', async () => {
        const user = userEvent.setup();
        const deleteTotpDevice = vi.fn<MfaApi['deleteTotpDevice']>(async () => undefined);
        const verifyTotp = vi.fn<MfaApi['verifyTotp']>(async () => unlinkGrant);
        renderSettings(stubApi({ getMethods: async () => twoFactors, verifyTotp, deleteTotpDevice }));

        await user.click(await screen.findByRole('button', { name: 'Remove Authenticator app' }));
        const confirm = screen.getByRole('alertdialog', { name: 'Remove this method?' });
        expect(deleteTotpDevice).not.toHaveBeenCalled();

        await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
        expect(await screen.findByRole('dialog', { name: /To remove a sign-in method/ })).toBeInTheDocument();
        await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
        expect(verifyTotp).toHaveBeenCalledWith(expect.objectContaining({ requestedScopes: ['credential:unlink'], credentialId: 'dev-1' }), expect.anything());
        await waitFor(() => expect(deleteTotpDevice).toHaveBeenCalledWith('dev-1', { elevatedAccessToken: 'unlink-1' }), { timeout: 3000 });
      });

      it('should delete nothing when the step-up is cancelled', async () => {
        const user = userEvent.setup();
        const deleteTotpDevice = vi.fn<MfaApi['deleteTotpDevice']>(async () => undefined);
        renderSettings(stubApi({ getMethods: async () => twoFactors, deleteTotpDevice }));
        await user.click(await screen.findByRole('button', { name: 'Remove Authenticator app' }));
        await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
        await screen.findByRole('textbox', { name: 'Authentication code' });
        await user.keyboard('{Escape}');
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        expect(deleteTotpDevice).not.toHaveBeenCalled();
        // Cancelling is the user's choice: no error is reported for it.
        expect(screen.queryByText('That didn’t work. Please try again.')).not.toBeInTheDocument();
      });
    });

    describe('when they add an authenticator app', () => {
      it('should step up with credential:link first, since they already have a factor', async () => {
        const user = userEvent.setup();
        const verifyTotp = vi.fn<MfaApi['verifyTotp']>(async () => ({
          method: 'totp',
          elevatedAccessToken: { token: 'link-1', scopes: ['credential:link'], expiresAt: FAR_FUTURE, singleUse: true },
        }));
        const createTotpDevice = vi.fn<MfaApi['createTotpDevice']>(async () => ({
          id: 'dev-2',
          secret: 'JBSWY3DPEHPK3PXP',
          uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
        }));
        renderSettings(stubApi({ getMethods: async () => onlyTotp, verifyTotp, createTotpDevice }));
        await user.click(await screen.findByRole('button', { name: 'Add an authenticator app' }));
        expect(await screen.findByRole('dialog', { name: /To add a sign-in method/ })).toBeInTheDocument();
        await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
        await waitFor(() => expect(createTotpDevice).toHaveBeenCalledWith({ elevatedAccessToken: 'link-1' }), { timeout: 3000 });
        expect(await screen.findByLabelText('Setup key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');
      });
    });
  });

  describe('given a user with a passkey and an app', () => {
    it('should step up with credential:update, then rename the passkey with that token', async () => {
      const user = userEvent.setup();
      const renamePasskey = vi.fn<MfaApi['renamePasskey']>(async (id, name) => ({ id, name, createdAt: FAR_FUTURE, lastUsedAt: null }));
      const verifyTotp = vi.fn<MfaApi['verifyTotp']>(async () => updateGrant);
      const methods = { ...onlyTotp, passkeys: [{ id: 'pk-1', name: 'MacBook', createdAt: '2026-11-02T10:00:00.000Z', lastUsedAt: null }] };
      renderSettings(stubApi({ getMethods: async () => methods, renamePasskey, verifyTotp }));
      const list = await screen.findByRole('list', { name: 'Passkeys' });
      expect(await within(list).findByText(/never used/)).toBeInTheDocument();
      await user.click(within(list).getByRole('button', { name: 'Rename MacBook' }));
      const field = within(list).getByRole('textbox', { name: 'Passkey name' });
      await user.clear(field);
      await user.type(field, 'Work laptop{Enter}');
      expect(await screen.findByRole('dialog', { name: /To change your sign-in methods/ })).toBeInTheDocument();
      expect(renamePasskey).not.toHaveBeenCalled();
      await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
      expect(verifyTotp).toHaveBeenCalledWith(expect.objectContaining({ requestedScopes: ['credential:update'] }), expect.anything());
      await waitFor(() => expect(renamePasskey).toHaveBeenCalledWith('pk-1', 'Work laptop', { elevatedAccessToken: 'update-1' }), { timeout: 3000 });
    });

    it('should rename nothing when the step-up is cancelled', async () => {
      const user = userEvent.setup();
      const renamePasskey = vi.fn<MfaApi['renamePasskey']>(async (id, name) => ({ id, name, createdAt: FAR_FUTURE, lastUsedAt: null }));
      const methods = { ...onlyTotp, passkeys: [{ id: 'pk-1', name: 'MacBook', createdAt: '2026-11-02T10:00:00.000Z', lastUsedAt: null }] };
      renderSettings(stubApi({ getMethods: async () => methods, renamePasskey }));
      const list = await screen.findByRole('list', { name: 'Passkeys' });
      await user.click(await within(list).findByRole('button', { name: 'Rename MacBook' }));
      await user.type(within(list).getByRole('textbox', { name: 'Passkey name' }), 'x{Enter}');
      await screen.findByRole('textbox', { name: 'Authentication code' });
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(renamePasskey).not.toHaveBeenCalled();
    });

    it('should step up with credential:update, then make another app the default with that token', async () => {
      const user = userEvent.setup();
      const setDefaultTotpDevice = vi.fn<MfaApi['setDefaultTotpDevice']>(async () => undefined);
      const verifyTotp = vi.fn<MfaApi['verifyTotp']>(async () => updateGrant);
      const methods = {
        ...onlyTotp,
        totpDevices: [...onlyTotp.totpDevices, { id: 'dev-2', createdAt: '2026-11-03T10:00:00.000Z', isDefault: false, lastUsedAt: null }],
      };
      renderSettings(stubApi({ getMethods: async () => methods, setDefaultTotpDevice, verifyTotp }));
      await user.click(await screen.findByRole('button', { name: 'Make default' }));
      expect(await screen.findByRole('dialog', { name: /To change your sign-in methods/ })).toBeInTheDocument();
      expect(setDefaultTotpDevice).not.toHaveBeenCalled();
      await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
      await waitFor(() => expect(setDefaultTotpDevice).toHaveBeenCalledWith('dev-2', { elevatedAccessToken: 'update-1' }), { timeout: 3000 });
    });

    it('should not call removing one of two factors the loss of everything', async () => {
      const user = userEvent.setup();
      const methods = { ...onlyTotp, passkeys: [{ id: 'pk-1', name: 'MacBook', createdAt: '2026-11-02T10:00:00.000Z', lastUsedAt: null }] };
      renderSettings(stubApi({ getMethods: async () => methods }));
      await user.click(await screen.findByRole('button', { name: 'Remove MacBook' }));
      expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription('You won’t be able to use it to confirm actions any more.');
    });
  });
});
