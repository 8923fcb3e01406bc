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
  | 'unsupported'
  /**
   * The user touched the authenticator: an assertion comes back at once. Its bytes are
   * placeholders (the stub API never checks them); only their shape must satisfy
   * @simplewebauthn/browser, which encodes them for the server.
   */
  | 'answer';

const bytes = (text: string) => new TextEncoder().encode(text).buffer;

const assertion = {
  id: 'cGstMQ',
  rawId: bytes('pk-1'),
  type: 'public-key',
  authenticatorAttachment: 'platform',
  response: { authenticatorData: bytes('authenticator-data'), clientDataJSON: bytes('{}'), signature: bytes('signature'), userHandle: bytes('alice') },
  getClientExtensionResults: () => ({}),
};

function ceremony(mode: FakeWebAuthn) {
  return (options?: CredentialRequestOptions | CredentialCreationOptions): Promise<Credential | null> =>
    new Promise((resolve, reject) => {
      if (mode === 'answer') {
        resolve(assertion as unknown as Credential);
        return;
      }
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
