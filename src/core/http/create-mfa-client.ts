/**
 * The HTTP client for every `/mfa` route of the reference server (docs/architecture.md §6), over fetch.
 * JSON in and out; every failure becomes an `MfaError` with a code users can branch on:
 * `timeout`, `network_error`, `invalid_response`, `mfa_cancelled` (the caller's signal), or
 * the server's own code.
 */
import { ELEVATED_ACCESS_TOKEN_HEADER, MFA_BASE_PATH, MFA_TOKEN_HEADER, ROUTES, type MFAAction } from '../../protocol/index.js';
import { MfaCancelledError, MfaError } from '../errors.js';
import type { MfaApi, MfaCallOptions } from './mfa-api.js';
import { toMfaError } from './to-mfa-error.js';

export interface CreateMfaClientOptions {
  /**
   * Where the `/mfa` routes are mounted: a path on this origin or an absolute URL (the same
   * name as `<MfaProvider apiBaseUrl>`).
   * @default '/mfa'
   */
  apiBaseUrl?: string;
  /** @deprecated Renamed `apiBaseUrl`, as `<MfaProvider>` calls it. */
  baseUrl?: string;
  /**
   * Headers that carry the app's user session, e.g. `{ Authorization: 'Bearer …' }`. Called
   * per request, so a refreshed session is picked up.
   * @default none (cookies only)
   */
  getAuthHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  /**
   * fetch's `credentials`: use `'include'` when the session is a cookie on another origin.
   * @default 'same-origin'
   */
  credentials?: RequestCredentials;
  /**
   * The fetch to use (tests, SSR, instrumentation).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * Give up on a request after this long, with code `timeout`.
   * @default 15000
   */
  timeoutMs?: number;
}

/** Long enough for a slow mobile network, short enough that a hung request doesn't freeze the modal. */
export const DEFAULT_TIMEOUT_MS = 15_000;

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export function createMfaClient(options: CreateMfaClientOptions = {}): MfaApi {
  const baseUrl = (options.apiBaseUrl ?? options.baseUrl ?? MFA_BASE_PATH).replace(/\/+$/, '');
  const credentials = options.credentials ?? 'same-origin';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** `expectJson: false` for the routes that answer 204 (or anything: the body is ignored). */
  async function request<T>(method: HttpMethod, path: string, body: unknown, call: MfaCallOptions = {}, expectJson = true): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    if (call.signal?.aborted) throw new MfaCancelledError({ message: 'The request was cancelled.', cause: call.signal.reason });
    const headers = await buildHeaders(body !== undefined, call);
    // The caller may have aborted while getAuthHeaders() was pending.
    if (call.signal?.aborted) throw new MfaCancelledError({ message: 'The request was cancelled.', cause: call.signal.reason });
    const aborter = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      aborter.abort();
    }, timeoutMs);
    const onCallerAbort = () => aborter.abort();
    call.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method,
          headers,
          credentials,
          signal: aborter.signal,
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      } catch (cause) {
        throw abortOrNetworkError(cause, timedOut, call.signal);
      }
      return await readResponse<T>(response, timedOut, call.signal, expectJson);
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async function buildHeaders(hasBody: boolean, call: MfaCallOptions): Promise<Headers> {
    const headers = new Headers({ Accept: 'application/json' });
    if (hasBody) headers.set('Content-Type', 'application/json');
    if (options.getAuthHeaders) {
      let auth: Record<string, string>;
      try {
        auth = await options.getAuthHeaders();
      } catch (cause) {
        throw new MfaError('unauthenticated', 'getAuthHeaders() failed, so the request has no session.', { cause });
      }
      for (const [name, value] of Object.entries(auth)) headers.set(name, value);
    }
    if (call.elevatedAccessToken) headers.set(ELEVATED_ACCESS_TOKEN_HEADER, call.elevatedAccessToken);
    if (call.mfaToken) headers.set(MFA_TOKEN_HEADER, call.mfaToken);
    return headers;
  }

  const post = <T>(path: string, body: unknown = {}, call?: MfaCallOptions) => request<T>('POST', path, body, call);
  const postEmpty = (path: string, call?: MfaCallOptions) => request<void>('POST', path, {}, call, false);
  const remove = (path: string, call?: MfaCallOptions) => request<void>('DELETE', path, undefined, call, false);

  return {
    getMethods: (call) => request('GET', ROUTES.methods, undefined, call),
    isActionRequired: async (mfaAction: MFAAction, call) => {
      const answer = await post<{ required?: unknown }>(ROUTES.actionsRequired, { mfaAction }, call);
      if (typeof answer.required !== 'boolean') throw invalidResponse('`required` is not a boolean');
      return answer.required;
    },
    createTotpDevice: (call) => post(ROUTES.totpDevices, {}, call),
    verifyTotpDevice: (deviceId, body, call) => post(ROUTES.totpDeviceVerify(deviceId), body, call),
    setDefaultTotpDevice: (deviceId, call) => postEmpty(ROUTES.totpDeviceDefault(deviceId), call),
    deleteTotpDevice: (deviceId, call) => remove(ROUTES.totpDevice(deviceId), call),
    verifyTotp: (body, call) => post(ROUTES.totpVerify, body, call),
    passkeyRegistrationOptions: (call) => post(ROUTES.passkeyRegistrationOptions, {}, call),
    verifyPasskeyRegistration: (body, call) => post(ROUTES.passkeyRegistrationVerify, body, call),
    renamePasskey: (passkeyId, name, call) => request('PATCH', ROUTES.passkey(passkeyId), { name }, call),
    deletePasskey: (passkeyId, call) => remove(ROUTES.passkey(passkeyId), call),
    passkeyAuthenticationOptions: (body = {}, call) => post(ROUTES.passkeyAuthenticationOptions, body, call),
    verifyPasskeyAuthentication: (body, call) => post(ROUTES.passkeyAuthenticationVerify, body, call),
    regenerateRecoveryCodes: (call) => post(ROUTES.recoveryCodes, {}, call),
    acknowledgeRecoveryCodes: (call) => postEmpty(ROUTES.recoveryCodesAcknowledge, call),
    verifyRecoveryCode: (body, call) => post(ROUTES.recoveryCodesVerify, body, call),
    getSecurityEvents: (call) => request('GET', ROUTES.events, undefined, call),
  };
}

function abortOrNetworkError(cause: unknown, timedOut: boolean, callerSignal: AbortSignal | undefined): MfaError {
  if (timedOut) return new MfaError('timeout', 'The MFA server did not answer in time.', { cause });
  if (callerSignal?.aborted) return new MfaCancelledError({ message: 'The request was cancelled.', cause });
  return new MfaError('network_error', 'Could not reach the MFA server.', { cause });
}

async function readResponse<T>(response: Response, timedOut: boolean, callerSignal: AbortSignal | undefined, expectJson: boolean): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw abortOrNetworkError(cause, timedOut, callerSignal);
  }
  if (response.ok && !expectJson) return undefined as T;
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch (cause) {
      if (response.ok) throw invalidResponse('the body is not JSON', response.status, cause);
      body = undefined;
    }
  }
  if (!response.ok) throw toMfaError(response.status, body, response.headers);
  if (typeof body !== 'object' || body === null) throw invalidResponse('the body is not a JSON object', response.status);
  return body as T;
}

function invalidResponse(reason: string, status?: number, cause?: unknown): MfaError {
  return new MfaError('invalid_response', `The MFA server's answer is not valid: ${reason}.`, {
    ...(status !== undefined ? { status } : {}),
    ...(cause !== undefined ? { cause } : {}),
  });
}
