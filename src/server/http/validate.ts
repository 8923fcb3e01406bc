import { isMfaAction, isTokenScope, type ActionBinding, type MFAAction, type TokenRequest, type TokenScope } from '../../protocol/index.js';
import { invalidRequest } from './mfa-http-error.js';
import type { JsonObject } from './read-json-body.js';

/** Longest code we read: a recovery code with dashes and spaces is well under this. */
const MAX_CODE_LENGTH = 64;
const MAX_NAME_LENGTH = 64;
/** base64url of a SHA-256 digest: 32 bytes → 43 characters, no padding. */
const DIGEST_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function readCode(body: JsonObject): string {
  const code = body.code;
  if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_LENGTH) {
    throw invalidRequest('`code` must be a non-empty string.');
  }
  return code;
}

export function readOptionalString(body: JsonObject, key: string, maxLength = 128): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > maxLength) throw invalidRequest(`\`${key}\` must be a string of at most ${maxLength} characters.`);
  return value;
}

/** A trimmed `name` (a passkey's); `required` refuses a missing or blank one (a rename). */
export function readName(body: JsonObject, { required }: { required: boolean }): string | undefined {
  const name = readOptionalString(body, 'name', MAX_NAME_LENGTH)?.trim();
  if (required && !name) throw invalidRequest('`name` must be a non-empty string.');
  return name || undefined;
}

export function readMfaAction(value: unknown, key = 'mfaAction'): MFAAction {
  if (!isMfaAction(value)) throw invalidRequest(`\`${key}\` must be one of the MFAAction values.`);
  return value;
}

export function readScopes(value: unknown, key = 'requestedScopes'): TokenScope[] {
  if (!Array.isArray(value) || value.length > 16) throw invalidRequest(`\`${key}\` must be an array of scopes.`);
  for (const scope of value) {
    if (!isTokenScope(scope)) throw invalidRequest(`\`${key}\` contains an unknown scope.`);
  }
  return [...new Set(value as TokenScope[])];
}

export function readActionBinding(value: unknown): ActionBinding | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('`action` must be an object.');
  const { mfaAction, payloadDigest } = value as Record<string, unknown>;
  if (typeof payloadDigest !== 'string' || !DIGEST_PATTERN.test(payloadDigest)) {
    throw invalidRequest('`action.payloadDigest` must be a base64url SHA-256 digest.');
  }
  return { mfaAction: readMfaAction(mfaAction, 'action.mfaAction'), payloadDigest };
}

export interface ParsedTokenRequest {
  requestedScopes: TokenScope[];
  createMfaToken: false | { singleUse: boolean };
  action: ActionBinding | undefined;
  /** The one factor a `credential:unlink` approval removes. */
  credentialId?: string | undefined;
}

/** The token fields every verify route accepts (`TokenRequest`). */
export function readTokenRequest(body: JsonObject): ParsedTokenRequest {
  const raw = body as TokenRequest & JsonObject;
  const requestedScopes = raw.requestedScopes === undefined ? [] : readScopes(raw.requestedScopes);
  let createMfaToken: ParsedTokenRequest['createMfaToken'] = false;
  const legacy: unknown = raw.createMfaToken;
  if (legacy === true) createMfaToken = { singleUse: true };
  else if (typeof legacy === 'object' && legacy !== null && !Array.isArray(legacy)) {
    const singleUse = (legacy as { singleUse?: unknown }).singleUse;
    if (typeof singleUse !== 'boolean') throw invalidRequest('`createMfaToken.singleUse` must be a boolean.');
    createMfaToken = { singleUse };
  } else if (legacy !== undefined && legacy !== false) {
    throw invalidRequest('`createMfaToken` must be a boolean or `{ singleUse }`.');
  }
  const credentialId = readOptionalString(body, 'credentialId');
  return { requestedScopes, createMfaToken, action: readActionBinding(raw.action), ...(credentialId ? { credentialId } : {}) };
}
