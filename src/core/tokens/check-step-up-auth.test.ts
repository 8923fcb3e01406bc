import { describe, expect, it, vi } from 'vitest';
import { checkStepUpAuth } from './check-step-up-auth.js';
import { createTokenStore } from './token-store.js';
import { FAR_FUTURE } from '../../../test/fixtures-shared.js';

const methods = (over = {}) => ({
  totpDevices: [{ id: 'old-totp', createdAt: '2026-01-01T00:00:00.000Z', isDefault: false }],
  passkeys: [{ id: 'new-pk', name: 'Phone', createdAt: '2026-06-01T00:00:00.000Z', lastUsedAt: null }],
  recoveryCodes: { remaining: 10, acknowledged: true },
  userHasVerifiedMfaMethods: true,
  ...over,
});

describe('checkStepUpAuth', () => {
  it('suggests the most recently added credential when no TOTP device is the default', async () => {
    const api = { getMethods: async () => methods(), isActionRequired: async () => true };
    const result = await checkStepUpAuth({ api, tokens: createTokenStore() }, { scope: 'wallet:sign' as never });
    expect(result).toEqual({
      isRequired: true,
      credentials: [
        { id: 'old-totp', format: 'totp', type: 'totp' },
        { id: 'new-pk', format: 'passkey', type: 'passkey', alias: 'Phone' },
      ],
      defaultCredentialId: 'new-pk',
    });
  });

  it('a token bound to one request does not cover the scope (the server would refuse it)', async () => {
    const tokens = createTokenStore();
    tokens.saveElevatedToken(
      { token: 'bound', scopes: ['wallet:sign'], expiresAt: FAR_FUTURE, singleUse: true },
      { action: { mfaAction: 'wallet.waas.sign' as never, payloadDigest: 'x'.repeat(43) } },
    );
    const isActionRequired = vi.fn(async () => true);
    expect(
      (await checkStepUpAuth({ api: { getMethods: async () => methods(), isActionRequired }, tokens }, { scope: 'wallet:sign' as never })).isRequired,
    ).toBe(true);
    tokens.saveElevatedToken({ token: 'plain', scopes: ['wallet:sign'], expiresAt: FAR_FUTURE, singleUse: true });
    const getMethods = vi.fn(async () => methods());
    expect(await checkStepUpAuth({ api: { getMethods, isActionRequired }, tokens }, { scope: 'wallet:sign' as never })).toEqual({
      isRequired: false,
      credentials: [],
    });
    expect(getMethods).not.toHaveBeenCalled();
  });

  it('a scope no action maps to follows whether the user has a verified factor', async () => {
    const isActionRequired = vi.fn(async () => true);
    const none = await checkStepUpAuth(
      {
        api: { getMethods: async () => methods({ totpDevices: [], passkeys: [], userHasVerifiedMfaMethods: false }), isActionRequired },
        tokens: createTokenStore(),
      },
      { scope: 'credential:link' as never },
    );
    expect(none.isRequired).toBe(false);
    expect(isActionRequired).not.toHaveBeenCalled();
  });

  it('an unknown scope fails closed', async () => {
    const api = { getMethods: async () => methods(), isActionRequired: async () => false };
    expect((await checkStepUpAuth({ api, tokens: createTokenStore() }, { scope: 'wallet:everything' as never })).isRequired).toBe(true);
  });
});
