/**
 * The stories' answers on the shared stub `MfaApi` (test/fixtures-shared.ts): the real prompt
 * controller (inside the real `MfaProvider`) calls it exactly as it would call
 * `createMfaClient()`. Every method is a `fn()` spy (shown in the Actions panel) with a happy
 * default; a story overrides the one route whose answer puts the modal in the state it shows.
 * What is set here is what a story shows: device and passkey names, a real-looking secret,
 * recovery codes with the first method, WebAuthn options a browser accepts.
 */
import { fn } from 'storybook/test';
import {
  MfaError,
  MfaInvalidCodeError,
  MfaRateLimitedError,
  type MfaApi,
  type MfaMethodsResponse,
  type Passkey,
  type TotpDevice,
  type VerifyResponse,
} from 'mfa-kit/react';
import { createStubApi as createSharedStubApi, FAR_FUTURE, type Spy } from '../../test/fixtures-shared.js';

export const TOTP_DEVICE: TotpDevice = { id: 'dev-1', createdAt: '2026-11-01T10:00:00.000Z', isDefault: true };
export const PASSKEY: Passkey = { id: 'pk-1', name: 'MacBook Touch ID', createdAt: '2026-11-02T10:00:00.000Z', lastUsedAt: null };
/** What an enrollment shows: a base32 secret and its otpauth:// URI (RFC 6238 / Key Uri Format). */
export const NEW_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DP';
export const NEW_URI = `otpauth://totp/mfa-kit:alice?secret=${NEW_SECRET}&issuer=mfa-kit`;
export const RECOVERY_CODES = [
  'k7qm-4xr2-hp9d',
  'w3tn-8bvc-2zfe',
  'r6ja-5ug7-qs4k',
  'c9yd-3ml8-tx2w',
  'f4ph-7ne6-vb5r',
  'z2kw-9sq3-dg8m',
  'h8tc-2fy4-ja6n',
  'm5xv-6rb9-pe3u',
  'b7gd-4wk2-yc9q',
  'e3nr-8hz5-lt7f',
];

export type Methods = 'totp' | 'passkey' | 'totp+passkey' | 'none';

/** GET /mfa/methods for a user who has set up `methods`. */
export function methodsResponse(methods: Methods, recoveryCodesRemaining = 10): MfaMethodsResponse {
  return {
    totpDevices: methods === 'totp' || methods === 'totp+passkey' ? [TOTP_DEVICE] : [],
    passkeys: methods === 'passkey' || methods === 'totp+passkey' ? [PASSKEY] : [],
    recoveryCodes: { remaining: methods === 'none' ? 0 : recoveryCodesRemaining, acknowledged: methods !== 'none' },
    userHasVerifiedMfaMethods: methods !== 'none',
  };
}

export function granted(method: VerifyResponse['method'], token = `eyJ…${method}-token`): VerifyResponse {
  return { method, elevatedAccessToken: { token, scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse: true } };
}

/** A request still in flight: the "verifying" states. Never settles. */
export const pending = <T>(): Promise<T> => new Promise<T>(() => undefined);
/** 401 mfa_invalid_code, as the HTTP client turns it into an error. */
export const wrongCode = (attemptsRemaining: number) => Promise.reject(new MfaInvalidCodeError({ message: 'Invalid code.', attemptsRemaining }));
/** 429 mfa_rate_limited with Retry-After. */
export const lockedOut = (retryAfterSeconds: number) => Promise.reject(new MfaRateLimitedError({ message: 'Too many attempts.', retryAfterSeconds }));
/** fetch() itself failed (offline, DNS, CORS): what createMfaClient throws. */
export const offline = () => Promise.reject(new MfaError('network_error', 'Could not reach the MFA server.'));

// WebAuthn options JSON as the server sends them (base64url challenge and user id).
const CHALLENGE = 'dGhpcy1pcy1hLXN0b3J5LWNoYWxsZW5nZQ';
const AUTHENTICATION_OPTIONS = { challenge: CHALLENGE, rpId: 'localhost', userVerification: 'required', timeout: 60_000 };
const REGISTRATION_OPTIONS = {
  challenge: CHALLENGE,
  rp: { id: 'localhost', name: 'mfa-kit' },
  user: { id: 'dXNlci1hbGljZQ', name: 'alice', displayName: 'alice' },
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
  timeout: 60_000,
};

const spy: Spy = (route, name) => fn(route).mockName(`api.${name}`) as unknown as typeof route;

/** A user who has set up `methods`; every route answers like a healthy server unless overridden. */
export function createStubApi(methods: Methods = 'totp', overrides: Partial<MfaApi> = {}): MfaApi {
  const storyAnswers: Partial<MfaApi> = {
    createTotpDevice: async () => ({ id: 'new-dev', secret: NEW_SECRET, uri: NEW_URI }),
    verifyTotpDevice: async () => ({ ...granted('totp'), device: { ...TOTP_DEVICE, id: 'new-dev' }, recoveryCodes: RECOVERY_CODES }),
    verifyTotp: async () => granted('totp'),
    passkeyRegistrationOptions: async () => REGISTRATION_OPTIONS,
    verifyPasskeyRegistration: async () => ({ ...granted('passkey'), passkey: PASSKEY, recoveryCodes: RECOVERY_CODES }),
    renamePasskey: async (_id, name) => ({ ...PASSKEY, name }),
    passkeyAuthenticationOptions: async () => AUTHENTICATION_OPTIONS,
    verifyPasskeyAuthentication: async () => granted('passkey'),
    regenerateRecoveryCodes: async () => ({ codes: RECOVERY_CODES }),
    verifyRecoveryCode: async () => granted('recovery_code'),
  };
  // Each route is a spy, so the Actions panel lists the calls the modal caused.
  return createSharedStubApi(methodsResponse(methods), { ...storyAnswers, ...overrides }, { spy });
}
