/** Routes and headers of the reference server (docs/architecture.md §6), shared by client and server. */

export const ROUTES = {
  methods: '/methods',
  actionsRequired: '/actions/required',
  totpDevices: '/totp/devices',
  totpDevice: (id: string) => `/totp/devices/${encodeURIComponent(id)}`,
  totpDeviceVerify: (id: string) => `/totp/devices/${encodeURIComponent(id)}/verify`,
  totpDeviceDefault: (id: string) => `/totp/devices/${encodeURIComponent(id)}/default`,
  totpVerify: '/totp/verify',
  passkeyRegistrationOptions: '/passkeys/registration/options',
  passkeyRegistrationVerify: '/passkeys/registration/verify',
  passkey: (id: string) => `/passkeys/${encodeURIComponent(id)}`,
  passkeyAuthenticationOptions: '/passkeys/authentication/options',
  passkeyAuthenticationVerify: '/passkeys/authentication/verify',
  recoveryCodes: '/recovery-codes',
  recoveryCodesAcknowledge: '/recovery-codes/acknowledge',
  recoveryCodesVerify: '/recovery-codes/verify',
  events: '/events',
} as const;

/**
 * The server's pattern for a route with an id (`/totp/devices/:id`), made by the same builder
 * the client calls, so the two can never name different paths.
 */
export function routePattern(build: (id: string) => string): string {
  // A marker `encodeURIComponent` leaves alone, swapped for the router's parameter.
  return build('__id__').replace('__id__', ':id');
}

/** Where the `/mfa` routes are mounted by default, relative to the server's origin. */
export const MFA_BASE_PATH = '/mfa';
export const JWKS_PATH = '/.well-known/jwks.json';

export const ELEVATED_ACCESS_TOKEN_HEADER = 'X-Elevated-Access-Token';
export const MFA_TOKEN_HEADER = 'X-Mfa-Token';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** RFC 9470 §3: the error a resource server puts in `WWW-Authenticate` to ask for step-up. */
export const STEP_UP_ERROR = 'insufficient_user_authentication';

/** docs/architecture.md §8: request bodies are at most 16 KB. */
export const MAX_BODY_BYTES = 16 * 1024;
