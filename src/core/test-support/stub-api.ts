/**
 * Stubs at the controller's two seams (MfaApi and WebAuthn), for core tests only. Each API
 * method is a vi.fn with a sensible default answer; tests override one with mockImplementation.
 */
import { vi, type Mock } from 'vitest';
import type { MfaMethodsResponse, VerifyResponse } from '../../protocol/index.js';
import type { MfaApi } from '../http/mfa-api.js';
import type { WebAuthnSeam } from '../passkey/webauthn-seam.js';

export const FAR_FUTURE = '2999-01-01T00:00:00.000Z';

export function verifyResponse(token: string, method: VerifyResponse['method'] = 'totp', singleUse = true): VerifyResponse {
  return { method, elevatedAccessToken: { token, scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse } };
}

export function methodsResponse(overrides: Partial<MfaMethodsResponse> = {}): MfaMethodsResponse {
  return {
    totpDevices: [{ id: 'dev-1', createdAt: '2026-01-01T00:00:00.000Z', isDefault: true }],
    passkeys: [],
    recoveryCodes: { remaining: 10, acknowledged: true },
    userHasVerifiedMfaMethods: true,
    ...overrides,
  };
}

export const PASSKEY = { id: 'pk-1', name: 'Laptop', createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null };

export type StubApi = { [K in keyof MfaApi]: Mock<MfaApi[K]> };

export function stubApi(methods: MfaMethodsResponse = methodsResponse()): StubApi {
  return {
    getMethods: vi.fn(async () => methods),
    isActionRequired: vi.fn(async () => true),
    createTotpDevice: vi.fn(async () => ({ id: 'new-dev', secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x' })),
    verifyTotpDevice: vi.fn(async () => ({
      ...verifyResponse('enrolled-token'),
      device: { id: 'new-dev', createdAt: 'x', isDefault: true },
    })),
    setDefaultTotpDevice: vi.fn(async () => undefined),
    deleteTotpDevice: vi.fn(async () => undefined),
    verifyTotp: vi.fn(async () => verifyResponse('totp-token')),
    passkeyRegistrationOptions: vi.fn(async () => ({ challenge: 'reg-challenge' })),
    verifyPasskeyRegistration: vi.fn(async () => ({ ...verifyResponse('passkey-enrolled', 'passkey'), passkey: PASSKEY })),
    renamePasskey: vi.fn(async () => PASSKEY),
    deletePasskey: vi.fn(async () => undefined),
    passkeyAuthenticationOptions: vi.fn(async () => ({ challenge: 'auth-challenge' })),
    verifyPasskeyAuthentication: vi.fn(async () => verifyResponse('passkey-token', 'passkey')),
    regenerateRecoveryCodes: vi.fn(async () => ({ codes: ['a', 'b'] })),
    acknowledgeRecoveryCodes: vi.fn(async () => undefined),
    verifyRecoveryCode: vi.fn(async () => verifyResponse('recovery-token', 'recovery_code')),
    getSecurityEvents: vi.fn(async () => ({ events: [] })),
  };
}

/** A WebAuthn seam whose ceremonies wait until the test settles them, like a real dialog. */
export function stubWebAuthn(supported = true) {
  let settle: { resolve: (value: never) => void; reject: (error: Error) => void } | undefined;
  const pending = () =>
    new Promise<never>((resolve, reject) => {
      settle = { resolve, reject };
    });
  const seam = {
    startAuthentication: vi.fn(pending),
    startRegistration: vi.fn(pending),
    isSupported: vi.fn(() => supported),
    // Like WebAuthnAbortService: the pending navigator.credentials call rejects with AbortError.
    cancelCeremony: vi.fn(() => settle?.reject(domError('AbortError'))),
  } satisfies WebAuthnSeam;
  return {
    seam,
    succeed: (response: object = { id: 'cred', response: {} }) => settle?.resolve(response as never),
    failWith: (name: string) => settle?.reject(domError(name)),
  };
}

export function domError(name: string): Error {
  const error = new Error(`${name} from the browser`);
  error.name = name;
  return error;
}

/** Lets pending promise callbacks run (the stubs answer asynchronously). */
export async function flush(times = 10): Promise<void> {
  for (let i = 0; i < times; i += 1) await Promise.resolve();
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
