/**
 * The controller's only door to the browser's WebAuthn API. It defaults to
 * @simplewebauthn/browser 14; tests and stories pass a stub with the same shape.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { loadOnce } from '../load-once.js';

// Loaded on demand, not with the prompt: most step-ups are a TOTP code. The options request
// that comes before every ceremony gives it time to arrive, and it is fetched only once.
const simpleWebAuthn = loadOnce(() => import('./simplewebauthn-ceremonies.js'));

/** SimpleWebAuthn's `browserSupportsWebAuthn`, without loading it: WebAuthn Level 3 §5.1, PublicKeyCredential. */
function browserSupportsWebAuthn(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

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

/** Starts loading SimpleWebAuthn (the provider calls it once the user's methods show a passkey), so a ceremony never waits for it. */
export function preloadWebAuthn(): void {
  if (browserSupportsWebAuthn()) void simpleWebAuthn.load().catch(() => undefined);
}

export const simpleWebAuthnSeam: WebAuthnSeam = {
  startAuthentication: async (options) => (await simpleWebAuthn.load()).startAuthentication(options),
  startRegistration: async (options) => (await simpleWebAuthn.load()).startRegistration(options),
  isSupported: () => browserSupportsWebAuthn(),
  // SimpleWebAuthn gives every ceremony a signal from this singleton; cancelling it makes
  // navigator.credentials.get/create reject with an AbortError. Not loaded yet: no ceremony to cancel.
  cancelCeremony: () => simpleWebAuthn.current()?.WebAuthnAbortService.cancelCeremony(),
};
