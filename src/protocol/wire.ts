/**
 * The JSON bodies of every route of the reference server (docs/architecture.md §6). Both the server
 * (which validates and answers them) and the client core (which sends and reads them) use
 * these types, so a change here is a protocol change.
 */
import type { MFAAction, MfaMethod, TokenScope } from './enums.js';

/** ISO 8601 date-time, e.g. `2026-11-27T18:00:00.000Z`. */
export type IsoDateTime = string;

/**
 * WebAuthn options and responses travel as the JSON forms of the WebAuthn Level 3 spec
 * (`PublicKeyCredentialCreationOptionsJSON`, `RegistrationResponseJSON`, ...). They are kept
 * opaque here so the protocol has no dependencies; core and server narrow them to the
 * SimpleWebAuthn types.
 */
export type WebAuthnJson = object;

/** docs/architecture.md §10: binds a verification to one concrete request. */
export interface ActionBinding {
  mfaAction: MFAAction;
  /** base64url SHA-256 of the RFC 8785 canonical JSON of the guarded request's body. */
  payloadDigest: string;
}

export interface TotpDevice {
  id: string;
  createdAt: IsoDateTime;
  isDefault: boolean;
  lastUsedAt?: IsoDateTime | null;
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: IsoDateTime;
  lastUsedAt: IsoDateTime | null;
}

export interface MfaMethodsResponse {
  totpDevices: TotpDevice[];
  passkeys: Passkey[];
  recoveryCodes: { remaining: number; acknowledged: boolean };
  userHasVerifiedMfaMethods: boolean;
}

export interface ActionRequiredRequest {
  mfaAction: MFAAction;
}
export interface ActionRequiredResponse {
  required: boolean;
}

export interface ElevatedAccessTokenGrant {
  token: string;
  scopes: TokenScope[];
  expiresAt: IsoDateTime;
  singleUse: boolean;
}

export interface MfaTokenGrant {
  token: string;
  expiresAt: IsoDateTime;
  singleUse: boolean;
}

/** What every successful verification answers. */
export interface VerifyResponse {
  method: MfaMethod;
  elevatedAccessToken?: ElevatedAccessTokenGrant;
  mfaToken?: MfaTokenGrant;
}

/** The token-related fields every verify route accepts. */
export interface TokenRequest {
  requestedScopes?: TokenScope[];
  /** Deprecated: ask for a legacy single-use MFA token instead of (or beside) scopes. */
  createMfaToken?: boolean | { singleUse: boolean };
  action?: ActionBinding;
  /**
   * With `requestedScopes: ['credential:unlink']`: the id of the one TOTP device or passkey the
   * approval removes. An unlink approval is bound to it and single-use.
   */
  credentialId?: string;
}

export type CreateTotpDeviceRequest = Record<string, never>;
export interface CreateTotpDeviceResponse {
  id: string;
  /** base32 secret, for users who cannot scan the QR code. */
  secret: string;
  /** `otpauth://totp/Issuer:account?secret=...&issuer=...` */
  uri: string;
}

export interface VerifyTotpDeviceRequest extends TokenRequest {
  code: string;
}
export interface VerifyTotpDeviceResponse extends VerifyResponse {
  device: TotpDevice;
  /** Present only when this was the user's first verified method: shown once. */
  recoveryCodes?: string[];
}

export interface VerifyTotpRequest extends TokenRequest {
  code: string;
  deviceId?: string;
}

export type PasskeyRegistrationOptionsRequest = Record<string, never>;
export interface PasskeyRegistrationVerifyRequest extends TokenRequest {
  response: WebAuthnJson;
  name?: string;
}
export interface PasskeyRegistrationVerifyResponse extends VerifyResponse {
  passkey: Passkey;
  recoveryCodes?: string[];
}

export interface PasskeyAuthenticationOptionsRequest {
  action?: ActionBinding;
}
export interface PasskeyAuthenticationVerifyRequest extends TokenRequest {
  response: WebAuthnJson;
}

export interface RecoveryCodesResponse {
  codes: string[];
}
export interface VerifyRecoveryCodeRequest extends TokenRequest {
  code: string;
}

export interface RenamePasskeyRequest {
  name: string;
}

/** What a security event records: a change to the user's factors, codes or lock, or a step-up. */
export type SecurityEventType =
  | 'factor_added'
  | 'factor_renamed'
  | 'factor_removed'
  | 'default_factor_changed'
  | 'recovery_codes_issued'
  | 'recovery_codes_regenerated'
  | 'recovery_code_used'
  | 'lockout'
  | 'step_up_granted'
  | 'bound_token_refused';

/** Facts about an event beyond its type, each present only when it applies. */
export interface SecurityEventDetails {
  /** The factor concerned: its kind and id (and a passkey's name). */
  factor?: { kind: 'totp' | 'passkey'; id: string; name?: string };
  /** How the user proved themselves (a step-up, a lockout's codes). */
  method?: string;
  scopes?: string[];
  action?: string;
  /** A lockout: until when (ISO time), or absent when it holds until a reset. */
  lockedUntil?: IsoDateTime;
  /** A refusal: the check that failed. */
  reason?: string;
}

export interface SecurityEvent {
  id: string;
  type: SecurityEventType;
  at: IsoDateTime;
  sessionId: string;
  /** The client's address and user agent, as the server saw them (absent when it was not told). */
  ipAddress: string | null;
  userAgent: string | null;
  details: SecurityEventDetails;
}

export interface SecurityEventsResponse {
  /** Newest first, at most 50. */
  events: SecurityEvent[];
}
