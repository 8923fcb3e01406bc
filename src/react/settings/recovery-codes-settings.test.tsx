import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MfaApi } from '../../core/http/mfa-api.js';
import type { MfaMethodsResponse } from '../../protocol/index.js';
import { MfaProvider } from '../mfa-provider.js';
import { stubApi } from '../test/stub-api.js';
import { MfaSettings } from './mfa-settings.js';

const methods = (acknowledged: boolean): MfaMethodsResponse => ({
  totpDevices: [{ id: 'dev-1', createdAt: '2026-11-01T10:00:00.000Z', isDefault: true }],
  passkeys: [],
  recoveryCodes: { remaining: 10, acknowledged },
  userHasVerifiedMfaMethods: true,
});

const renderSettings = (api: MfaApi) =>
  render(
    <MfaProvider api={api} theme="light">
      <MfaSettings />
    </MfaProvider>,
  );

describe('recovery codes in MfaSettings', () => {
  describe('given codes the user left without saving', () => {
    it('should say new codes are needed', async () => {
      renderSettings(stubApi({ getMethods: async () => methods(false) }));
      expect(await screen.findByText('Your last recovery codes were never saved. Make new ones.')).toBeInTheDocument();
    });
  });

  describe('when the user asks for new codes', () => {
    it('should warn that the old ones stop working, and make none when cancelled', async () => {
      const user = userEvent.setup();
      const regenerateRecoveryCodes = vi.fn(async () => ({ codes: ['x'] }));
      renderSettings(stubApi({ getMethods: async () => methods(true), regenerateRecoveryCodes }));
      expect(screen.queryByText('Your last recovery codes were never saved. Make new ones.')).toBeNull();
      await user.click(await screen.findByRole('button', { name: 'Make new codes' }));
      expect(screen.getByRole('alertdialog', { name: 'Make new codes' })).toHaveTextContent('Your old codes will stop working.');
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(regenerateRecoveryCodes).not.toHaveBeenCalled();
    });
  });

  it('should show Remove in red (the destructive variant)', async () => {
    renderSettings(stubApi({ getMethods: async () => methods(true) }));
    expect(await screen.findByRole('button', { name: 'Remove Authenticator app' })).toHaveAttribute('data-variant', 'danger');
  });
});
