import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { invalidRequest } from '../http/mfa-http-error.js';
import type { JsonObject } from '../http/read-json-body.js';

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * Shape checks of a WebAuthn response JSON (W3C WebAuthn L3 §5.1): wrong types are a 400
 * here; whether it is genuine is @simplewebauthn/server's job (a 401 on failure).
 */
function readResponse(body: JsonObject, fields: readonly string[]): Record<string, unknown> {
  const response = body.response;
  if (typeof response !== 'object' || response === null || Array.isArray(response)) throw invalidRequest('`response` must be a WebAuthn response object.');
  const outer = response as Record<string, unknown>;
  const inner = outer.response;
  if (!isString(outer.id) || !isString(outer.rawId) || outer.type !== 'public-key' || typeof inner !== 'object' || inner === null) {
    throw invalidRequest('`response` must have `id`, `rawId`, `type: "public-key"` and `response`.');
  }
  for (const field of fields) {
    if (!isString((inner as Record<string, unknown>)[field])) throw invalidRequest(`\`response.response.${field}\` must be a base64url string.`);
  }
  if (outer.clientExtensionResults === undefined) outer.clientExtensionResults = {};
  return outer;
}

/** WebAuthn L3 §5.8.4 names six transports; leave room for new ones, but only short strings. */
const MAX_TRANSPORTS = 8;
const MAX_TRANSPORT_LENGTH = 32;

export function readRegistrationResponse(body: JsonObject): RegistrationResponseJSON {
  const response = readResponse(body, ['clientDataJSON', 'attestationObject']);
  // Stored with the passkey and echoed in allowCredentials/excludeCredentials, where a browser
  // refuses anything but a list of strings: check it before it is kept.
  const transports = (response.response as Record<string, unknown>).transports;
  if (
    transports !== undefined &&
    !(Array.isArray(transports) && transports.length <= MAX_TRANSPORTS && transports.every((t) => isString(t) && t.length <= MAX_TRANSPORT_LENGTH))
  ) {
    throw invalidRequest('`response.response.transports` must be a short list of transport names.');
  }
  return response as unknown as RegistrationResponseJSON;
}

export function readAuthenticationResponse(body: JsonObject): AuthenticationResponseJSON {
  return readResponse(body, ['clientDataJSON', 'authenticatorData', 'signature']) as unknown as AuthenticationResponseJSON;
}
