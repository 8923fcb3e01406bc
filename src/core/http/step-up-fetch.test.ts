/**
 * RFC 9470 step-up: a challenged request is retried exactly once with the token; requests
 * challenged together share one prompt; a retried mutation carries the same Idempotency-Key,
 * so the server can answer it from its first run instead of running it twice.
 */
import { describe, expect, it, vi } from 'vitest';
import { MFAAction, TokenScope } from '../../protocol/index.js';
import { MfaCancelledError } from '../errors.js';
import { fetchWithElevatedAccess } from './fetch-with-elevated-access.js';
import { readStepUpChallenge, withStepUp } from './step-up-fetch.js';
import { createTokenStore } from '../tokens/token-store.js';
import { FAR_FUTURE, deferred } from '../test-support/stub-api.js';

const CHALLENGE = 'Bearer error="insufficient_user_authentication", scope="wallet:sign"';

function challenge(scopeHeader = CHALLENGE): Response {
  return new Response(JSON.stringify({ error: { code: 'elevated_access_required', message: 'step up' } }), {
    status: 401,
    headers: { 'WWW-Authenticate': scopeHeader, 'Content-Type': 'application/json' },
  });
}

/** A resource server: challenges any request without a token, and remembers what it saw. */
function guardedServer(
  answer: (headers: Headers, body: string | undefined) => Response = (headers) =>
    headers.has('X-Elevated-Access-Token') ? Response.json({ ok: true }) : challenge(),
) {
  const seen: Array<{ headers: Headers; body: string | undefined }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? init.body : input instanceof Request ? await input.clone().text() : undefined;
    seen.push({ headers, body });
    return answer(headers, body);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, seen, calls: fetch };
}

let keyCounter = 0;
const createIdempotencyKey = () => `key-${++keyCounter}`;

describe('withStepUp', () => {
  describe('given a 401 step-up challenge', () => {
    it('should prompt for exactly the challenged scopes and retry once with the token and the same Idempotency-Key', async () => {
      const server = guardedServer();
      const prompt = vi.fn(async () => 'elevated');
      const tokens = createTokenStore();
      const fetch = withStepUp(server.fetch, { prompt, tokens, createIdempotencyKey });

      const response = await fetch('https://wallet.example/wallet/sign-message', { method: 'POST', body: '{"message":"hi"}' });

      expect(await response.json()).toEqual({ ok: true });
      expect(prompt).toHaveBeenCalledWith({ requestedScopes: ['wallet:sign'] });
      expect(server.seen).toHaveLength(2);
      const [first, retry] = server.seen;
      expect(first!.headers.get('Idempotency-Key')).toMatch(/^key-/);
      expect(retry!.headers.get('Idempotency-Key')).toBe(first!.headers.get('Idempotency-Key'));
      expect(retry!.headers.get('X-Elevated-Access-Token')).toBe('elevated');
      expect(retry!.body).toBe('{"message":"hi"}');
    });

    it('when the retry is challenged again, should not retry a second time', async () => {
      const server = guardedServer(() => challenge());
      const prompt = vi.fn(async () => 'elevated');
      const response = await withStepUp(server.fetch, { prompt, tokens: createTokenStore() })('https://x.example/a', { method: 'POST' });
      expect(response.status).toBe(401);
      expect(server.calls).toHaveBeenCalledTimes(2);
      expect(prompt).toHaveBeenCalledTimes(1);
    });

    it('should read the scopes from the JSON body when the header names none', async () => {
      const server = guardedServer((headers) =>
        headers.has('X-Elevated-Access-Token')
          ? Response.json({ ok: true })
          : Response.json({ error: { code: 'elevated_access_required', message: 'm', requiredScopes: ['wallet:export'] } }, { status: 401 }),
      );
      const prompt = vi.fn(async () => 'elevated');
      await withStepUp(server.fetch, { prompt, tokens: createTokenStore() })('https://x.example/export', { method: 'POST' });
      expect(prompt).toHaveBeenCalledWith({ requestedScopes: ['wallet:export'] });
    });

    it('should replay the body of a Request object on the retry', async () => {
      const server = guardedServer();
      const fetch = withStepUp(server.fetch, { prompt: async () => 'elevated', tokens: createTokenStore(), createIdempotencyKey });
      const response = await fetch(new Request('https://x.example/sign', { method: 'POST', body: '{"message":"req"}' }));
      expect(response.status).toBe(200);
      expect(server.seen.map((s) => s.body)).toEqual(['{"message":"req"}', '{"message":"req"}']);
    });

    it('should forget a single-use token the retry spent', async () => {
      const tokens = createTokenStore();
      tokens.saveElevatedToken({ token: 'elevated', scopes: ['wallet:sign'], expiresAt: FAR_FUTURE, singleUse: true });
      await withStepUp(guardedServer().fetch, { prompt: async () => 'elevated', tokens })('https://x.example/sign', { method: 'POST' });
      expect(tokens.getElevatedAccessToken({ scope: TokenScope.Walletsign })).toBeUndefined();
    });

    it('with an action option, should bind the prompt to the request body', async () => {
      const prompt = vi.fn(async () => 'elevated');
      const fetch = withStepUp(guardedServer().fetch, {
        prompt,
        tokens: createTokenStore(),
        action: ({ body }) => ({ mfaAction: MFAAction.WalletWaasSign, payload: body }),
      });
      await fetch('https://x.example/sign', { method: 'POST', body: '{"message":"hello"}' });
      expect(prompt).toHaveBeenCalledWith({
        requestedScopes: ['wallet:sign'],
        action: { mfaAction: 'wallet.waas.sign', payload: { message: 'hello' } },
      });
    });

    it('when the prompt is cancelled, should reject with MfaCancelledError and not retry', async () => {
      const server = guardedServer();
      const fetch = withStepUp(server.fetch, { prompt: async () => Promise.reject(new MfaCancelledError()), tokens: createTokenStore() });
      await expect(fetch('https://x.example/sign', { method: 'POST' })).rejects.toBeInstanceOf(MfaCancelledError);
      expect(server.calls).toHaveBeenCalledTimes(1);
    });
  });

  describe('given three requests challenged at once', () => {
    it('should open one prompt and retry each request once, each with its own Idempotency-Key', async () => {
      const server = guardedServer();
      const opened = deferred<string>();
      const prompt = vi.fn(() => opened.promise);
      const fetch = withStepUp(server.fetch, { prompt, tokens: createTokenStore(), createIdempotencyKey });

      const responses = Promise.all([1, 2, 3].map((n) => fetch(`https://x.example/sign/${n}`, { method: 'POST', body: `{"n":${n}}` })));
      await vi.waitFor(() => expect(server.calls).toHaveBeenCalledTimes(3));
      await Promise.resolve();
      opened.resolve('elevated');
      const results = await responses;

      expect(prompt).toHaveBeenCalledTimes(1);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(server.calls).toHaveBeenCalledTimes(6);
      const keysByBody = new Map<string, Set<string | null>>();
      for (const { body, headers } of server.seen) {
        keysByBody.set(body!, (keysByBody.get(body!) ?? new Set()).add(headers.get('Idempotency-Key')));
      }
      expect([...keysByBody.values()].map((keys) => keys.size)).toEqual([1, 1, 1]);
      expect(new Set([...keysByBody.values()].flatMap((keys) => [...keys])).size).toBe(3);
    });
  });

  describe('given three requests challenged at once and a single-use token', () => {
    /** A guard that accepts each token once, as docs/architecture.md §7 requires. */
    function singleUseServer() {
      const spent = new Set<string>();
      return guardedServer((headers) => {
        const token = headers.get('X-Elevated-Access-Token');
        if (!token || spent.has(token)) return challenge();
        spent.add(token);
        return Response.json({ ok: true });
      });
    }

    it('should let each request whose retry lost the shared token ask again, once, and succeed', async () => {
      const server = singleUseServer();
      let issued = 0;
      const prompt = vi.fn(async () => `single-use-${++issued}`);
      const fetch = withStepUp(server.fetch, { prompt, tokens: createTokenStore(), createIdempotencyKey });

      const results = await Promise.all([1, 2, 3].map((n) => fetch(`https://x.example/sign/${n}`, { method: 'POST', body: `{"n":${n}}` })));

      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      // One shared prompt, then one of its own for each of the two that lost the race.
      expect(prompt).toHaveBeenCalledTimes(3);
      expect(server.calls).toHaveBeenCalledTimes(3 + 3 + 2);
    });

    it('should replay a Request body on the third send too', async () => {
      const server = singleUseServer();
      let issued = 0;
      const fetch = withStepUp(server.fetch, { prompt: async () => `t-${++issued}`, tokens: createTokenStore() });
      const send = (n: number) => fetch(new Request(`https://x.example/sign/${n}`, { method: 'POST', body: `{"n":${n}}` }));
      const results = await Promise.all([send(1), send(2)]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      expect(server.seen.map((seen) => seen.body)).not.toContain('');
    });

    it('should still stop after one retry when the request did not share its prompt', async () => {
      const server = singleUseServer();
      const prompt = vi.fn(async () => 'spent-elsewhere');
      await server.fetch('https://x.example/spend', { headers: { 'X-Elevated-Access-Token': 'spent-elsewhere' } });
      const response = await withStepUp(server.fetch, { prompt, tokens: createTokenStore() })('https://x.example/a', { method: 'POST' });
      expect(response.status).toBe(401);
      expect(prompt).toHaveBeenCalledTimes(1);
    });
  });

  describe('given an answer that is not a step-up challenge', () => {
    it.each([
      ['a 200', () => Response.json({ ok: true })],
      ['a plain 401', () => new Response('no', { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } })],
      ['a 403', () => new Response('no', { status: 403 })],
      ['an unknown scope', () => challenge('Bearer error="insufficient_user_authentication", scope="admin:all"')],
    ])('when the server answers %s, should return it as is without prompting', async (_name, answer) => {
      const server = guardedServer(answer);
      const prompt = vi.fn(async () => 'elevated');
      const response = await withStepUp(server.fetch, { prompt, tokens: createTokenStore() })('https://x.example/a', { method: 'POST' });
      expect(prompt).not.toHaveBeenCalled();
      expect(server.calls).toHaveBeenCalledTimes(1);
      expect(response.status).toBe(answer().status);
    });

    it('should not add an Idempotency-Key to a GET', async () => {
      const server = guardedServer(() => Response.json({}));
      await withStepUp(server.fetch, { prompt: async () => 't', tokens: createTokenStore() })('https://x.example/wallet');
      expect(server.seen[0]!.headers.has('Idempotency-Key')).toBe(false);
    });
  });
});

describe('readStepUpChallenge', () => {
  it('should read several scopes from a quoted, space-delimited scope parameter', async () => {
    const response = challenge('Bearer realm="wallet", error="insufficient_user_authentication", scope="wallet:sign wallet:export"');
    expect(await readStepUpChallenge(response)).toEqual(['wallet:sign', 'wallet:export']);
  });
});

describe('fetchWithElevatedAccess', () => {
  it('should attach the stored token for the scope and consume a single-use one', async () => {
    const tokens = createTokenStore();
    tokens.saveElevatedToken({ token: 'stored', scopes: ['wallet:export'], expiresAt: FAR_FUTURE, singleUse: true });
    const server = guardedServer(() => Response.json({ ok: true }));
    await fetchWithElevatedAccess('https://x.example/export', { method: 'POST', scope: TokenScope.Walletexport }, { fetch: server.fetch, tokens });
    expect(server.seen[0]!.headers.get('X-Elevated-Access-Token')).toBe('stored');
    expect(tokens.getElevatedAccessToken({ scope: TokenScope.Walletexport })).toBeUndefined();
  });

  it('without a provider or a store, should reject mfa_provider_not_mounted', async () => {
    await expect(fetchWithElevatedAccess('https://x.example/export', { scope: 'wallet:export' }, { fetch: vi.fn() })).rejects.toMatchObject({
      code: 'mfa_provider_not_mounted',
    });
  });
});
