/**
 * Maps what a WebAuthn ceremony throws to what the passkey step shows. Browsers reject with a
 * DOMException whose `name` is the spec's error; SimpleWebAuthn wraps some in a WebAuthnError
 * but keeps that `name`, so we branch on `name` only.
 */
import { MfaCancelledError, MfaError, NoWebAuthnSupportError } from '../errors.js';

export type PasskeyErrorKind = 'cancelled' | 'aborted' | 'failed';

export function classifyPasskeyError(error: unknown): { kind: PasskeyErrorKind; error: MfaError } {
  if (error instanceof MfaError) return { kind: 'failed', error };
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    // https://www.w3.org/TR/webauthn-2/#sctn-op-get-assertion (Step 7) and #sctn-op-make-cred
    // (Step 6): the user did not consent; and in #sctn-discover-from-external-source /
    // #sctn-createCredential the "lifetimeTimer expires" and "user cancels the dialog" branches
    // throw NotAllowedError too. So it means cancelled or timed out: offer "try again".
    case 'NotAllowedError':
      return {
        kind: 'cancelled',
        error: new MfaCancelledError({ message: 'The passkey request was cancelled or timed out.', cause: error }),
      };
    // #sctn-createCredential (Step 16): the signal was aborted, by our cancelCeremony() or a newer ceremony.
    case 'AbortError':
      return { kind: 'aborted', error: new MfaCancelledError({ message: 'The passkey request was aborted.', cause: error }) };
    // #sctn-createCredential (Step 10): no supported algorithm or authenticator.
    case 'NotSupportedError':
      return { kind: 'failed', error: new NoWebAuthnSupportError({ cause: error }) };
    // #sctn-op-make-cred (Step 3): the authenticator already holds a credential in excludeCredentials.
    case 'InvalidStateError':
      return {
        kind: 'failed',
        error: new MfaError('conflict', 'This passkey is already registered.', { cause: error }),
      };
    default:
      return {
        kind: 'failed',
        error: new MfaError('passkey_verification_failed', error instanceof Error ? error.message : 'The passkey failed.', {
          cause: error,
        }),
      };
  }
}
