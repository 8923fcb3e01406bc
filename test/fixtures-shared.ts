/**
 * The one stub `MfaApi` and the fixture values that core tests, React tests and stories share.
 * It stubs at the seam the prompt controller calls (`MfaApi`), so the real controller and the
 * real provider run on top of it. Framework-free on purpose: core tests wrap each route in
 * `vi.fn`, stories in Storybook's `fn` (the Actions panel), through `spy`.
 */
import type { MfaApi, MfaMethodsResponse, Passkey, TotpDevice, VerifyResponse } from 'mfa-kit';

/** An expiry no test outlives: tokens with it never expire during a run. */
export const FAR_FUTURE = '2999-01-01T00:00:00.000Z';

export const TOTP_DEVICE: TotpDevice = { id: 'dev-1', createdAt: '2026-01-01T00:00:00.000Z', isDefault: true };
export const PASSKEY: Passkey = { id: 'pk-1', name: 'Laptop', createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null };
/** A base32 secret (RFC 4648) as the enrollment route returns it. */
export const NEW_SECRET = 'JBSWY3DPEHPK3PXP';

/** A verify answer that grants `token` (an elevated token for `wallet:export`). */
export function verifyResponse(token: string, method: VerifyResponse['method'] = 'totp', singleUse = true): VerifyResponse {
  return { method, elevatedAccessToken: { token, scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse } };
}

/** GET /mfa/methods for a user with one authenticator app, unless overridden. */
export function methodsResponse(overrides: Partial<MfaMethodsResponse> = {}): MfaMethodsResponse {
  return {
    totpDevices: [TOTP_DEVICE],
    passkeys: [],
    recoveryCodes: { remaining: 10, acknowledged: true },
    userHasVerifiedMfaMethods: true,
    ...overrides,
  };
}

type Route = (...args: never[]) => Promise<unknown>;
export type Spy = <F extends Route>(route: F, name: keyof MfaApi) => F;

export interface StubApiOptions {
  /** Wraps every route (a test's `vi.fn`, a story's `fn`). @default none */
  spy?: Spy;
}

/** A user whose methods are `methods`; every route answers like a healthy server unless overridden. */
export function createStubApi(methods: MfaMethodsResponse = methodsResponse(), overrides: Partial<MfaApi> = {}, options: StubApiOptions = {}): MfaApi {
  const api: MfaApi = {
    getMethods: async () => methods,
    isActionRequired: async () => true,
    createTotpDevice: async () => ({ id: 'new-dev', secret: NEW_SECRET, uri: 'otpauth://totp/x' }),
    verifyTotpDevice: async () => ({ ...verifyResponse('enrolled-token'), device: { id: 'new-dev', createdAt: 'x', isDefault: true } }),
    setDefaultTotpDevice: async () => undefined,
    deleteTotpDevice: async () => undefined,
    verifyTotp: async () => verifyResponse('totp-token'),
    passkeyRegistrationOptions: async () => ({ challenge: 'reg-challenge' }),
    verifyPasskeyRegistration: async () => ({ ...verifyResponse('passkey-enrolled', 'passkey'), passkey: PASSKEY }),
    renamePasskey: async (_id, name) => ({ ...PASSKEY, name }),
    deletePasskey: async () => undefined,
    passkeyAuthenticationOptions: async () => ({ challenge: 'auth-challenge' }),
    verifyPasskeyAuthentication: async () => verifyResponse('passkey-token', 'passkey'),
    regenerateRecoveryCodes: async () => ({ codes: ['a', 'b'] }),
    acknowledgeRecoveryCodes: async () => undefined,
    verifyRecoveryCode: async () => verifyResponse('recovery-token', 'recovery_code'),
    getSecurityEvents: async () => ({ events: [] }),
    ...overrides,
  };
  const { spy } = options;
  if (!spy) return api;
  return Object.fromEntries(Object.entries(api).map(([name, route]) => [name, spy(route as Route, name as keyof MfaApi)])) as unknown as MfaApi;
}

/**
 * The same stub where every route a test did not answer rejects: a component test then proves
 * which requests a user action makes, and a stray one fails loudly.
 */
export function createStrictStubApi(overrides: Partial<MfaApi> = {}): MfaApi {
  const unexpected = Object.fromEntries(
    Object.keys(createStubApi()).map((name) => [name, () => Promise.reject(new Error(`stubApi.${name} was not expected`))]),
  ) as unknown as MfaApi;
  return { ...unexpected, ...overrides };
}
