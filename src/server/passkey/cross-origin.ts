import { MfaHttpError } from '../http/mfa-http-error.js';

/**
 * W3C WebAuthn L3 §7.1 step 13 / §7.2 step 15: client data with `crossOrigin: true` comes from
 * a ceremony run inside a cross-origin iframe, which a page of another site can frame to
 * collect assertions. @simplewebauthn/server 14 checks `topOrigin` only when the browser sent
 * one (Safari does not) and registration not at all, so the rule is enforced here, for both
 * ceremonies: cross-origin only from a configured top origin, and a `topOrigin` never
 * without `crossOrigin`. A refusal reads like any failed verification.
 */
export function refuseUnexpectedCrossOrigin(clientDataJSON: string, expectedTopOrigins: readonly string[]): void {
  let clientData: { crossOrigin?: unknown; topOrigin?: unknown };
  try {
    clientData = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as typeof clientData;
  } catch {
    throw failed();
  }
  const { crossOrigin, topOrigin } = clientData;
  if (crossOrigin === true) {
    if (typeof topOrigin !== 'string' || !expectedTopOrigins.includes(topOrigin)) throw failed();
    return;
  }
  if (crossOrigin !== undefined && crossOrigin !== false) throw failed();
  if (topOrigin !== undefined) throw failed();
}

const failed = () => new MfaHttpError('passkey_verification_failed', 'The passkey could not be verified.');
