/** `mfa-kit/testing`: helpers for your own tests of an mfa-kit integration. */
export {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
  type SoftwareAuthenticatorOptions,
  type CeremonyOverrides,
} from './software-authenticator.js';
export { totpCode, type TotpCodeOptions } from './totp-code.js';
export { encodeCbor, type CborValue, type CborMap } from './cbor.js';
