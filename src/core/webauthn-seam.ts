/**
 * The controller's only door to the browser's WebAuthn API. It defaults to
 * @simplewebauthn/browser 14; tests and stories pass a stub with the same shape.
 */
import {
  WebAuthnAbortService,
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';

export interface WebAuthnSeam {
  /** As SimpleWebAuthn's `startAuthentication({ optionsJSON })`: resolves the JSON assertion. */
  startAuthentication(options: { optionsJSON: PublicKeyCredentialRequestOptionsJSON }): Promise<AuthenticationResponseJSON>;
  /** As SimpleWebAuthn's `startRegistration({ optionsJSON })`: resolves the JSON attestation. */
  startRegistration(options: { optionsJSON: PublicKeyCredentialCreationOptionsJSON }): Promise<RegistrationResponseJSON>;
  /** false hides every passkey option. */
  isSupported(): boolean;
  /**
   * Aborts the ceremony in progress (Esc, close, method switch).
   * @default WebAuthnAbortService.cancelCeremony
   */
  cancelCeremony?(): void;
}

export const simpleWebAuthnSeam: WebAuthnSeam = {
  startAuthentication: (options) => startAuthentication(options),
  startRegistration: (options) => startRegistration(options),
  isSupported: () => browserSupportsWebAuthn(),
  // SimpleWebAuthn gives every ceremony a signal from this singleton; cancelling it makes
  // navigator.credentials.get/create reject with an AbortError.
  cancelCeremony: () => WebAuthnAbortService.cancelCeremony(),
};
