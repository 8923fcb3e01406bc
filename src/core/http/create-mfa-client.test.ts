import { describe, expect, it, vi } from 'vitest';
import { ERROR_STATUS, type ServerErrorCode } from '../../protocol/index.js';
import { createMfaClient } from './create-mfa-client.js';
import { MfaCancelledError, MfaError, MfaInvalidCodeError, MfaRateLimitedError } from '../errors.js';

type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: string };

function stubFetch(answer: Answer | ((url: string, init: RequestInit) => Answer | Promise<Answer>)) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const a = typeof answer === 'function' ? await answer(String(url), init) : answer;
    const text = a.raw ?? (a.body === undefined ? null : JSON.stringify(a.body));
    return new Response(a.status === 204 ? null : text, {
      status: a.status,
      headers: { 'Content-Type': 'application/json', ...a.headers },
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

async function rejectionOf(promise: Promise<unknown>): Promise<MfaError> {
  try {
    await promise;
  } catch (error) {
    return error as MfaError;
  }
  throw new Error('expected a rejection');
}

describe('createMfaClient', () => {
  describe('given a successful verify', () => {
    it('should POST JSON with the session and token headers to the route under apiBaseUrl', async () => {
      const verify = { method: 'totp', elevatedAccessToken: { token: 't', scopes: ['wallet:sign'], expiresAt: 'x', singleUse: true } };
      const { fetch, calls } = stubFetch({ status: 200, body: verify });
      const api = createMfaClient({ apiBaseUrl: 'https://api.example/mfa/', fetch, getAuthHeaders: () => ({ Authorization: 'Bearer s' }) });

      const answer = await api.verifyTotp({ code: '123456', requestedScopes: ['wallet:sign'] }, { mfaToken: 'legacy', elevatedAccessToken: 'ela' });

      expect(answer).toEqual(verify);
      const call = calls[0]!;
      expect(call.url).toBe('https://api.example/mfa/totp/verify');
      expect(call.init.method).toBe('POST');
      expect(call.init.credentials).toBe('same-origin');
      expect(JSON.parse(String(call.init.body))).toEqual({ code: '123456', requestedScopes: ['wallet:sign'] });
      const headers = new Headers(call.init.headers);
      expect(headers.get('Authorization')).toBe('Bearer s');
      expect(headers.get('Content-Type')).toBe('application/json');
      expect(headers.get('X-Mfa-Token')).toBe('legacy');
      expect(headers.get('X-Elevated-Access-Token')).toBe('ela');
    });

    it('should reach the extra routes: set default device (204) and rename a passkey (PATCH)', async () => {
      const { fetch, calls } = stubFetch((url) =>
        url.endsWith('/default') ? { status: 204 } : { status: 200, body: { id: 'p/1', name: 'Laptop', createdAt: 'x', lastUsedAt: null } },
      );
      const api = createMfaClient({ fetch });
      await expect(api.setDefaultTotpDevice('d1')).resolves.toBeUndefined();
      await expect(api.renamePasskey('p/1', 'Laptop')).resolves.toMatchObject({ name: 'Laptop' });
      expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(['POST /mfa/totp/devices/d1/default', 'PATCH /mfa/passkeys/p%2F1']);
      expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ name: 'Laptop' });
    });
  });

  describe('given each server error code', () => {
    const codes = Object.keys(ERROR_STATUS) as ServerErrorCode[];

    it.each(codes)('when the server answers %s, should reject with that code and status', async (code) => {
      const status = ERROR_STATUS[code];
      const { fetch } = stubFetch({
        status,
        body: { error: { code, message: `m-${code}`, attemptsRemaining: 2, retryAfterSeconds: 30, requiredScopes: ['wallet:sign'] } },
      });
      const error = await rejectionOf(createMfaClient({ fetch }).verifyTotp({ code: '000000' }));
      expect(error).toBeInstanceOf(MfaError);
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.message).toBe(`m-${code}`);
      if (code === 'mfa_invalid_code') expect((error as MfaInvalidCodeError).attemptsRemaining).toBe(2);
      if (code === 'mfa_rate_limited') expect((error as MfaRateLimitedError).retryAfterSeconds).toBe(30);
      if (code === 'elevated_access_required') expect(error.requiredScopes).toEqual(['wallet:sign']);
    });

    it('when mfa_invalid_code, should be an MfaInvalidCodeError', async () => {
      const { fetch } = stubFetch({ status: 401, body: { error: { code: 'mfa_invalid_code', message: 'wrong', attemptsRemaining: 4 } } });
      const error = await rejectionOf(createMfaClient({ fetch }).verifyTotp({ code: '000000' }));
      expect(error).toBeInstanceOf(MfaInvalidCodeError);
      expect((error as MfaInvalidCodeError).attemptsRemaining).toBe(4);
    });

    it('when mfa_rate_limited without retryAfterSeconds in the body, should take the Retry-After header', async () => {
      const { fetch } = stubFetch({
        status: 429,
        body: { error: { code: 'mfa_rate_limited', message: 'slow down' } },
        headers: { 'Retry-After': '120' },
      });
      const error = await rejectionOf(createMfaClient({ fetch }).verifyRecoveryCode({ code: 'x' }));
      expect(error).toBeInstanceOf(MfaRateLimitedError);
      expect((error as MfaRateLimitedError).retryAfterSeconds).toBe(120);
    });

    it('when elevated_access_required names its scopes only in WWW-Authenticate, should read them from there', async () => {
      const { fetch } = stubFetch({
        status: 401,
        body: { error: { code: 'elevated_access_required', message: 'step up' } },
        headers: { 'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", scope="credential:unlink"' },
      });
      const error = await rejectionOf(createMfaClient({ fetch }).deleteTotpDevice('d1'));
      expect(error.code).toBe('elevated_access_required');
      expect(error.requiredScopes).toEqual(['credential:unlink']);
    });
  });

  describe('given a broken answer or transport', () => {
    it('when a 200 is not JSON, should reject invalid_response', async () => {
      const { fetch } = stubFetch({ status: 200, raw: '<html>' });
      expect((await rejectionOf(createMfaClient({ fetch }).getMethods())).code).toBe('invalid_response');
    });

    it('when an error is not JSON, should reject internal_error for a 5xx and invalid_response otherwise', async () => {
      expect((await rejectionOf(createMfaClient({ fetch: stubFetch({ status: 502, raw: 'Bad gateway' }).fetch }).getMethods())).code).toBe('internal_error');
      expect((await rejectionOf(createMfaClient({ fetch: stubFetch({ status: 404, raw: 'nope' }).fetch }).getMethods())).code).toBe('invalid_response');
    });

    it('when isActionRequired gets no boolean, should reject invalid_response', async () => {
      const { fetch } = stubFetch({ status: 200, body: { required: 'yes' } });
      expect((await rejectionOf(createMfaClient({ fetch }).isActionRequired('wallet.waas.sign'))).code).toBe('invalid_response');
    });

    it('when fetch throws, should reject network_error', async () => {
      const fetch = vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof globalThis.fetch;
      const error = await rejectionOf(createMfaClient({ fetch }).getMethods());
      expect(error.code).toBe('network_error');
      expect(error.cause).toBeInstanceOf(TypeError);
    });

    it('when the server hangs past timeoutMs, should reject timeout', async () => {
      const fetch = ((_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        )) as unknown as typeof globalThis.fetch;
      const error = await rejectionOf(createMfaClient({ fetch, timeoutMs: 10 }).getMethods());
      expect(error.code).toBe('timeout');
    });

    it("when the caller's signal aborts, should reject MfaCancelledError", async () => {
      const fetch = ((_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        )) as unknown as typeof globalThis.fetch;
      const controller = new AbortController();
      const pending = createMfaClient({ fetch }).getMethods({ signal: controller.signal });
      controller.abort();
      expect(await rejectionOf(pending)).toBeInstanceOf(MfaCancelledError);
    });
  });
});
