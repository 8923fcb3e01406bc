/**
 * The browser side of a passkey, faked one level below the kit: `MfaProvider` takes no
 * WebAuthn seam, so its controller uses the real `simpleWebAuthnSeam` (@simplewebauthn/browser),
 * which calls `navigator.credentials`. Replacing that (and `PublicKeyCredential`, which
 * SimpleWebAuthn's support check reads) makes every passkey state reachable in any browser,
 * with nobody touching a real authenticator. `install` returns the undo, for `beforeEach`.
 */
export type FakeWebAuthn =
  /** The browser's passkey sheet is open and the user hasn't answered. */
  | 'waiting'
  /** The user dismissed the sheet, or it timed out: WebAuthn rejects with NotAllowedError. */
  | 'cancel'
  /** No WebAuthn at all (an old browser, an insecure origin, some in-app webviews). */
  | 'unsupported';

function ceremony(mode: FakeWebAuthn) {
  return (options?: CredentialRequestOptions | CredentialCreationOptions): Promise<Credential | null> =>
    new Promise((_resolve, reject) => {
      if (mode === 'cancel') {
        reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'));
        return;
      }
      // Like the real sheet, a pending ceremony ends when the kit aborts it (Esc, method switch).
      options?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), {
        once: true,
      });
    });
}

/** Puts the fake in place; returns the function that restores the browser's own. */
export function installFakeWebAuthn(mode: FakeWebAuthn): () => void {
  const hadCredentials = Object.prototype.hasOwnProperty.call(navigator, 'credentials');
  const ownPublicKeyCredential = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
  const fake = { get: ceremony(mode), create: ceremony(mode), store: async () => undefined, preventSilentAccess: async () => undefined };
  Object.defineProperty(navigator, 'credentials', { value: fake, configurable: true });
  Object.defineProperty(window, 'PublicKeyCredential', {
    // SimpleWebAuthn's browserSupportsWebAuthn(): `typeof window.PublicKeyCredential === 'function'`.
    value: mode === 'unsupported' ? undefined : (ownPublicKeyCredential?.value ?? function PublicKeyCredential() {}),
    configurable: true,
    writable: true,
  });
  return () => {
    if (!hadCredentials) delete (navigator as { credentials?: unknown }).credentials;
    if (ownPublicKeyCredential) Object.defineProperty(window, 'PublicKeyCredential', ownPublicKeyCredential);
    else delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
  };
}
