/**
 * The typed surface of the reference server's `/mfa` routes (docs/architecture.md §6), as the client
 * sees it. `createMfaClient` implements it over fetch; tests and stories stub it at this seam.
 * Every method rejects with an `MfaError` (or a subclass), never a bare Error.
 */
import type {
  ActionBinding,
  CreateTotpDeviceResponse,
  MFAAction,
  MfaMethodsResponse,
  Passkey,
  PasskeyRegistrationVerifyRequest,
  PasskeyRegistrationVerifyResponse,
  PasskeyAuthenticationVerifyRequest,
  RecoveryCodesResponse,
  SecurityEventsResponse,
  VerifyRecoveryCodeRequest,
  VerifyResponse,
  VerifyTotpDeviceRequest,
  VerifyTotpDeviceResponse,
  VerifyTotpRequest,
  WebAuthnJson,
} from '../../protocol/index.js';

/** Per-call options: the elevated or legacy token a guarded route needs, and cancellation. */
export interface MfaCallOptions {
  signal?: AbortSignal;
  elevatedAccessToken?: string;
  mfaToken?: string;
}

export interface MfaApi {
  getMethods(options?: MfaCallOptions): Promise<MfaMethodsResponse>;
  isActionRequired(mfaAction: MFAAction, options?: MfaCallOptions): Promise<boolean>;

  createTotpDevice(options?: MfaCallOptions): Promise<CreateTotpDeviceResponse>;
  verifyTotpDevice(deviceId: string, body: VerifyTotpDeviceRequest, options?: MfaCallOptions): Promise<VerifyTotpDeviceResponse>;
  setDefaultTotpDevice(deviceId: string, options?: MfaCallOptions): Promise<void>;
  deleteTotpDevice(deviceId: string, options?: MfaCallOptions): Promise<void>;
  verifyTotp(body: VerifyTotpRequest, options?: MfaCallOptions): Promise<VerifyResponse>;

  passkeyRegistrationOptions(options?: MfaCallOptions): Promise<WebAuthnJson>;
  verifyPasskeyRegistration(body: PasskeyRegistrationVerifyRequest, options?: MfaCallOptions): Promise<PasskeyRegistrationVerifyResponse>;
  renamePasskey(passkeyId: string, name: string, options?: MfaCallOptions): Promise<Passkey>;
  deletePasskey(passkeyId: string, options?: MfaCallOptions): Promise<void>;
  passkeyAuthenticationOptions(body?: { action?: ActionBinding }, options?: MfaCallOptions): Promise<WebAuthnJson>;
  verifyPasskeyAuthentication(body: PasskeyAuthenticationVerifyRequest, options?: MfaCallOptions): Promise<VerifyResponse>;

  regenerateRecoveryCodes(options?: MfaCallOptions): Promise<RecoveryCodesResponse>;
  acknowledgeRecoveryCodes(options?: MfaCallOptions): Promise<void>;
  verifyRecoveryCode(body: VerifyRecoveryCodeRequest, options?: MfaCallOptions): Promise<VerifyResponse>;

  /** The user's recent security events (factor changes, step-ups, lockouts), newest first. */
  getSecurityEvents(options?: MfaCallOptions): Promise<SecurityEventsResponse>;
}
