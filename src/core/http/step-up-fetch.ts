/**
 * `withStepUp(fetch)`: server-signalled step-up after RFC 9470. When a resource server answers
 * `401` with `WWW-Authenticate: Bearer error="insufficient_user_authentication", scope="…"`
 * (or our JSON `{ error: { code: 'elevated_access_required', requiredScopes } }`), prompt for
 * exactly those scopes and send the request again, once, with `X-Elevated-Access-Token`.
 *
 * Requests challenged at the same time share one prompt. When its token is single-use, only
 * one of their retries can spend it: a request that shared the prompt and whose retry is
 * challenged again asks again, once, with a prompt of its own (and its own `signal`), then
 * retries once more. So N single-use approvals cost N verifications, never a silent 401, and
 * a multi-use token still costs one. A request that did not share stops after one retry.
 *
 * Every unsafe request carries an
 * `Idempotency-Key`, made once per logical request and sent again on the retry, so a server
 * that already ran the mutation can answer from its first result instead of running it twice.
 */
import { ELEVATED_ACCESS_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER, canonicalJson, isErrorBody, isTokenScope, type TokenScope } from '../../protocol/index.js';
import { getMountedController, promptMfaAuth } from '../prompt/mounted-provider.js';
import type { PromptMfaAuthParams } from '../prompt/normalize-prompt-request.js';
import { parseStepUpChallenge } from './parse-step-up-challenge.js';
import type { TokenStore } from '../tokens/token-store.js';

/** What the `action` option sees of a challenged request. */
export interface ChallengedRequest {
  url: string;
  method: string;
  /** The JSON body, parsed; undefined when there is none or it is not JSON. */
  body: unknown;
  scopes: TokenScope[];
}

export interface WithStepUpOptions {
  /** Opens the prompt and resolves with the token. @default promptMfaAuth (the mounted <MfaProvider>) */
  prompt?: (params: PromptMfaAuthParams) => Promise<string>;
  /** Where a single-use token is forgotten once the retry spent it. @default the mounted provider's store */
  tokens?: Pick<TokenStore, 'markUsed'>;
  /**
   * Binds the approval to the challenged request (docs/architecture.md §10), e.g.
   * `({ body }) => ({ mfaAction: MFAAction.WalletWaasSign, payload: body, summary: … })`.
   * @default none: scope-only tokens
   */
  action?: (request: ChallengedRequest) => PromptMfaAuthParams['action'] | undefined;
  /** @default crypto.randomUUID */
  createIdempotencyKey?: () => string;
}

/** RFC 9110 §9.2.1–9.2.2: safe methods are idempotent; a repeat is harmless, no key needed. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function withStepUp(fetchFn: typeof fetch = globalThis.fetch, options: WithStepUpOptions = {}): typeof fetch {
  const prompt = options.prompt ?? promptMfaAuth;
  const createKey = options.createIdempotencyKey ?? (() => crypto.randomUUID());
  const inflight = new Map<string, SharedPrompt>();

  /** One prompt for every request challenged for the same thing while it is open. */
  function sharedPrompt(params: PromptMfaAuthParams): SharedPrompt {
    const key = canonicalJson({ scopes: params.requestedScopes, action: params.action ?? null });
    const existing = inflight.get(key);
    if (existing) {
      existing.requests += 1;
      return existing;
    }
    const shared: SharedPrompt = { requests: 1, token: prompt(params).finally(() => inflight.delete(key)) };
    inflight.set(key, shared);
    return shared;
  }

  return async function stepUpFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const isRequest = typeof Request !== 'undefined' && input instanceof Request;
    const method = (init.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
    const headers = new Headers(isRequest ? input.headers : undefined);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    if (!SAFE_METHODS.has(method) && !headers.has(IDEMPOTENCY_KEY_HEADER)) headers.set(IDEMPOTENCY_KEY_HEADER, createKey());
    // The first send consumes a Request's body: keep a copy for the retry.
    const spare = isRequest ? input.clone() : undefined;
    const replayable = isRequest || !(typeof ReadableStream !== 'undefined' && init.body instanceof ReadableStream);

    const first = await fetchFn(input, { ...init, headers });
    const scopes = await readStepUpChallenge(first);
    if (!scopes || !replayable) return first;

    const url = isRequest ? input.url : String(input);
    const action = options.action?.({ url, method, body: await readJsonBody(spare, init.body), scopes });
    const params: PromptMfaAuthParams = { requestedScopes: scopes, ...(action ? { action } : {}) };
    const retryWith = (token: string) => {
      (options.tokens ?? getMountedController()?.tokens)?.markUsed(token);
      const retryHeaders = new Headers(headers);
      retryHeaders.set(ELEVATED_ACCESS_TOKEN_HEADER, token);
      // A clone each time: a request that shared its prompt may be sent a third time.
      return fetchFn(spare ? spare.clone() : input, { ...init, headers: retryHeaders });
    };

    const shared = sharedPrompt(params);
    const retried = await retryWith(await withCallerSignal(shared.token, init.signal));
    // Read after the retry: requests that joined while the prompt was open all count.
    if (shared.requests < 2 || !(await readStepUpChallenge(retried))) return retried;
    // A sibling spent the shared single-use token first: this request needs an approval of its own.
    const own = prompt({ ...params, ...(init.signal ? { signal: init.signal } : {}) });
    return retryWith(await withCallerSignal(own, init.signal));
  };
}

/** A prompt shared by the requests challenged for the same thing while it was open. */
interface SharedPrompt {
  token: Promise<string>;
  /** How many requests waited for it. */
  requests: number;
}

/**
 * The scopes a `401` asks for, or undefined when it is not a step-up challenge we can meet
 * (another 401, no scope named, or a scope this kit does not know).
 */
export async function readStepUpChallenge(response: Response): Promise<TokenScope[] | undefined> {
  if (response.status !== 401) return undefined;
  let scopes = parseStepUpChallenge(response.headers.get('WWW-Authenticate'))?.scopes ?? [];
  if (scopes.length === 0 && /json/i.test(response.headers.get('Content-Type') ?? '')) {
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined);
    if (isErrorBody(body) && body.error.code === 'elevated_access_required') scopes = body.error.requiredScopes ?? [];
  }
  if (scopes.length === 0 || !scopes.every(isTokenScope)) return undefined;
  return scopes as TokenScope[];
}

async function readJsonBody(spare: Request | undefined, body: RequestInit['body']): Promise<unknown> {
  try {
    const text = spare ? await spare.clone().text() : typeof body === 'string' ? body : undefined;
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** This caller stops waiting when its own request is aborted; the shared prompt goes on for the others. */
function withCallerSignal<T>(pending: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return pending;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
