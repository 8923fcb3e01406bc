import type { MfaApi } from '../../core/http/mfa-api.js';

/** Every route rejects unless a test gives it an answer. */
export function stubApi(overrides: Partial<MfaApi> = {}): MfaApi {
  const missing = (name: string) => () => Promise.reject(new Error(`stubApi.${name} was not expected`));
  const names: Array<keyof MfaApi> = [
    'getMethods', 'isActionRequired', 'createTotpDevice', 'verifyTotpDevice', 'setDefaultTotpDevice', 'deleteTotpDevice',
    'verifyTotp', 'passkeyRegistrationOptions', 'verifyPasskeyRegistration', 'renamePasskey', 'deletePasskey',
    'passkeyAuthenticationOptions', 'verifyPasskeyAuthentication', 'regenerateRecoveryCodes', 'acknowledgeRecoveryCodes',
    'verifyRecoveryCode', 'getSecurityEvents',
  ];
  const api = Object.fromEntries(names.map((name) => [name, missing(name)])) as unknown as MfaApi;
  return { ...api, ...overrides };
}

