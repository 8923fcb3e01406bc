/**
 * Fuzz drill. Threat: a malformed request (odd JSON, wrong types, hostile headers, strange
 * paths, half-valid WebAuthn responses) crashes a handler into a 500, leaks a non-JSON
 * error, or leaves the server unhealthy. fast-check generates bodies, headers and path
 * parameters for every route; each answer must be < 500, and every error must be
 * `{ error: { code, message } }` with a known code whose status matches.
 */
import fc from 'fast-check';
import { ALL_ACTIONS, ALL_SCOPES, ERROR_STATUS, isServerErrorCode } from '../src/protocol/index.js';
import { totpCode } from 'mfa-kit/testing';
import { BenchClient, type Session } from '../bench/client.js';
import { BENCH_ORIGIN, BENCH_T0_MS, TOTP_STEP_MS } from '../bench/constants.js';
import { removeDataDir, spawnServerChild } from '../bench/spawn-server-child.js';

export interface FuzzRoute {
  method: string;
  path: string;
}

/** Every route of docs/architecture.md §6 (`:id` is fuzzed), the demo routes, and a catch-all of random paths. */
export const FUZZ_ROUTES: FuzzRoute[] = [
  { method: 'GET', path: '/mfa/methods' },
  { method: 'POST', path: '/mfa/actions/required' },
  { method: 'POST', path: '/mfa/totp/devices' },
  { method: 'POST', path: '/mfa/totp/devices/:id/verify' },
  { method: 'POST', path: '/mfa/totp/devices/:id/default' },
  { method: 'DELETE', path: '/mfa/totp/devices/:id' },
  { method: 'POST', path: '/mfa/totp/verify' },
  { method: 'POST', path: '/mfa/passkeys/registration/options' },
  { method: 'POST', path: '/mfa/passkeys/registration/verify' },
  { method: 'DELETE', path: '/mfa/passkeys/:id' },
  { method: 'POST', path: '/mfa/passkeys/authentication/options' },
  { method: 'POST', path: '/mfa/passkeys/authentication/verify' },
  { method: 'POST', path: '/mfa/recovery-codes' },
  { method: 'POST', path: '/mfa/recovery-codes/acknowledge' },
  { method: 'POST', path: '/mfa/recovery-codes/verify' },
  { method: 'GET', path: '/.well-known/jwks.json' },
  { method: 'POST', path: '/demo/session' },
  { method: 'GET', path: '/wallet' },
  { method: 'POST', path: '/wallet/export' },
  { method: 'POST', path: '/wallet/sign-message' },
  { method: 'POST', path: '/wallet/delegation' },
  { method: '*', path: '*' },
];

export interface FuzzOptions {
  runsPerRoute: number;
  seed?: number;
}

export interface FuzzRouteResult {
  route: string;
  runs: number;
  statuses: Record<string, number>;
  failure?: string;
}

export interface FuzzResult {
  seed: number;
  routes: FuzzRouteResult[];
  healthyAfter: boolean;
  internalErrorsLogged: string[];
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/**
 * Deeply nested JSON, inside an object body or as one: a 5,000-deep array is 10 KB, well
 * under the body limit, and overflows any parser or canonicaliser that recurses per level.
 */
export const deepJson = fc
  .record({
    depth: fc.integer({ min: 30, max: 5000 }),
    kind: fc.constantFrom('array', 'object'),
    wrapped: fc.boolean(),
    field: fc.constantFrom('message', 'code', 'action', 'response', 'extra'),
  })
  .map(({ depth, kind, wrapped, field }) => {
    const open = kind === 'array' ? '[' : '{"a":';
    const close = kind === 'array' ? ']' : '}';
    const inner = `${open.repeat(depth)}${kind === 'array' ? '' : '1'}${close.repeat(depth)}`;
    return wrapped ? `{"${field}":${inner}}` : inner;
  });

function arbitraries(ids: string[]) {
  const scopeish = fc.oneof(fc.constantFrom(...ALL_SCOPES), fc.string({ maxLength: 20 }));
  const actionish = fc.oneof(fc.constantFrom(...ALL_ACTIONS), fc.string({ maxLength: 20 }));
  const codeish = fc.oneof(
    fc.stringMatching(/^\d{6}$/),
    fc.stringMatching(/^[0-9A-Z]{4}-?[0-9A-Z]{4}-?[0-9A-Z]{4}$/),
    fc.string({ maxLength: 40 }),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const bytes = fc.uint8Array({ maxLength: 300 }).map(b64url);
  const clientData = (challenge: fc.Arbitrary<string>) =>
    fc.oneof(
      fc
        .record({
          type: fc.constantFrom('webauthn.get', 'webauthn.create', 'x'),
          challenge,
          origin: fc.constantFrom(BENCH_ORIGIN, 'https://evil.example'),
          crossOrigin: fc.boolean(),
        })
        .map((o) => b64url(Buffer.from(JSON.stringify(o)))),
      fc.jsonValue({ maxDepth: 2 }).map((o) => b64url(Buffer.from(JSON.stringify(o) ?? ''))),
      fc.string({ maxLength: 60 }),
    );
  const webauthnResponse = (challenge: fc.Arbitrary<string>) =>
    fc.record(
      {
        id: fc.oneof(bytes, fc.constantFrom(...ids)),
        rawId: fc.oneof(bytes, fc.jsonValue({ maxDepth: 1 })),
        type: fc.constantFrom('public-key', 'x'),
        response: fc.oneof(
          fc.record(
            {
              clientDataJSON: clientData(challenge),
              authenticatorData: bytes,
              signature: bytes,
              attestationObject: bytes,
              userHandle: fc.oneof(bytes, fc.constant(null)),
              transports: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
            },
            { requiredKeys: [] },
          ),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        clientExtensionResults: fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 1 })),
        authenticatorAttachment: fc.constantFrom('platform', 'cross-platform', 'x'),
      },
      { requiredKeys: [] },
    );
  const shapedBody = (challenge: fc.Arbitrary<string>) =>
    fc
      .record(
        {
          code: codeish,
          deviceId: fc.oneof(fc.constantFrom(...ids), fc.jsonValue({ maxDepth: 1 })),
          requestedScopes: fc.oneof(fc.array(scopeish, { maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })),
          createMfaToken: fc.oneof(fc.boolean(), fc.record({ singleUse: fc.jsonValue({ maxDepth: 0 }) }), fc.jsonValue({ maxDepth: 1 })),
          action: fc.oneof(
            fc.record({ mfaAction: actionish, payloadDigest: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.string()) }, { requiredKeys: [] }),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          mfaAction: actionish,
          name: fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.jsonValue({ maxDepth: 0 })),
          message: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.jsonValue({ maxDepth: 1 })),
          enabled: fc.jsonValue({ maxDepth: 0 }),
          response: fc.oneof(webauthnResponse(challenge), fc.jsonValue({ maxDepth: 2 })),
          __proto__: fc.jsonValue({ maxDepth: 1 }),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o));
  const body = (challenge: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
      { weight: 6, arbitrary: shapedBody(challenge) },
      { weight: 1, arbitrary: deepJson },
      { weight: 1, arbitrary: fc.constantFrom('{', '{"code":', 'null', '[]', '""', '{"a":1}{', '\u0000', '{"code":"123456"'.padEnd(20_000, ' ') + '}') },
    );
  const token = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 100 }),
    fc.tuple(bytes, bytes, bytes).map((p) => p.join('.')),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  );
  const headerValue = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
  const headers = fc.record(
    {
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        undefined,
      ),
      elevated: token,
      mfaToken: token,
      idempotencyKey: fc.oneof(fc.constant(undefined), headerValue),
      authorization: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: headerValue },
        { weight: 1, arbitrary: fc.constant('Bearer ') },
        { weight: 1, arbitrary: headerValue.map((s) => `Bearer ${s}`) },
      ),
    },
    { requiredKeys: [] },
  );
  const idParam = fc.oneof(
    fc.constantFrom(...ids),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('..', '%', '%2e%2e', '', 'a/b', ' ', '\u0000'),
    fc.string({ minLength: 200, maxLength: 600 }),
  );
  const randomPath = fc.oneof(
    fc.webPath(),
    fc
      .array(
        fc.oneof(
          fc.constantFrom('mfa', 'totp', 'devices', 'passkeys', 'wallet', 'verify', '..', '.well-known', '%00', '%zz', '//'),
          fc.string({ unit: 'grapheme', maxLength: 12 }),
        ),
        { maxLength: 6 },
      )
      .map((parts) => `/${parts.map((p) => (/^%|\/\//.test(p) ? p : encodeURIComponent(p))).join('/')}`),
  );
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');
  return { body, headers, idParam, randomPath, method };
}

/** Checks one answer; returns why it is wrong, or undefined. */
function judge(status: number, text: string, contentType: string | null, method: string): string | undefined {
  if (status >= 500) return `status ${status}: ${text.slice(0, 200)}`;
  if (status < 400 || method === 'HEAD') return undefined;
  if (!contentType?.includes('application/json')) return `error ${status} with content-type ${contentType}`;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return `error ${status} is not JSON: ${text.slice(0, 200)}`;
  }
  const code = body?.error?.code;
  if (!isServerErrorCode(code)) return `error ${status} without a known code: ${text.slice(0, 200)}`;
  if (typeof body.error.message !== 'string') return `error ${code} without a message`;
  if (ERROR_STATUS[code] !== status) return `code ${code} with status ${status} (expected ${ERROR_STATUS[code]})`;
  return undefined;
}

export async function runFuzzDrill(options: FuzzOptions): Promise<FuzzResult> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const child = await spawnServerChild({ clockMs: BENCH_T0_MS });
  const client = new BenchClient(child.url);
  try {
    // Principals the properties pick from: TOTP-enrolled (guards ask for tokens), passkey-enrolled, fresh.
    const sessions: Session[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const user = await client.enrollTotp(`fuzz-totp-${i}`, BENCH_T0_MS - TOTP_STEP_MS);
      sessions.push(user.session);
      ids.push(user.deviceId);
    }
    for (let i = 0; i < 2; i++) {
      const session = await client.session(`fuzz-passkey-${i}`);
      ids.push((await client.registerPasskey(session)).passkeyId);
      sessions.push(session);
    }
    for (let i = 0; i < 2; i++) sessions.push(await client.session(`fuzz-fresh-${i}`));
    const a = arbitraries(ids);
    const routes = await Promise.all(
      FUZZ_ROUTES.map(async (route, index): Promise<FuzzRouteResult> => {
        const statuses: Record<string, number> = {};
        const isPasskeyVerify = route.path.endsWith('/verify') && route.path.includes('passkeys');
        const property = fc.asyncProperty(
          fc.nat({ max: sessions.length }),
          a.headers,
          a.idParam,
          a.randomPath,
          a.method,
          fc.boolean(),
          // A live challenge is fetched when `live` is set, so a WebAuthn body gets past the challenge check.
          a.body(fc.constant('LIVE_CHALLENGE')),
          async (who, headers, id, randomPath, randomMethod, live, rawBody) => {
            const session = sessions[who];
            const method = route.method === '*' ? randomMethod : route.method;
            const path = route.path === '*' ? randomPath : route.path.replace(':id', encodeURIComponent(id));
            const authorization = headers.authorization ?? (session ? `Bearer ${session.token}` : undefined);
            let body = rawBody;
            if (isPasskeyVerify && live && session && body?.includes('LIVE_CHALLENGE')) {
              const purpose = route.path.includes('registration') ? 'registration' : 'authentication';
              const options = await client.call('POST', `/mfa/passkeys/${purpose}/options`, { session, body: {} });
              if (typeof options.body?.challenge === 'string') body = body.replaceAll('LIVE_CHALLENGE', options.body.challenge);
            }
            const h: Record<string, string> = {};
            if (authorization) h.authorization = authorization;
            if (headers.contentType) h['content-type'] = headers.contentType;
            if (headers.elevated) h['x-elevated-access-token'] = headers.elevated;
            if (headers.mfaToken) h['x-mfa-token'] = headers.mfaToken;
            if (headers.idempotencyKey !== undefined) h['idempotency-key'] = headers.idempotencyKey;
            const canHaveBody = method !== 'GET' && method !== 'HEAD';
            const response = await fetch(`${child.url}${path}`, { method, headers: h, ...(canHaveBody && body !== undefined ? { body } : {}) });
            const text = await response.text();
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            const problem = judge(response.status, text, response.headers.get('content-type'), method);
            if (problem) throw new Error(`${method} ${path.slice(0, 120)}: ${problem}`);
          },
        );
        const name = `${route.method} ${route.path}`;
        try {
          await fc.assert(property, { numRuns: options.runsPerRoute, seed: seed + index, endOnFailure: true });
          return { route: name, runs: options.runsPerRoute, statuses };
        } catch (error) {
          return {
            route: name,
            runs: Object.values(statuses).reduce((x, y) => x + y, 0),
            statuses,
            failure: (error instanceof Error ? error.message : String(error)).slice(0, 1500),
          };
        }
      }),
    );
    // Still healthy: the baseline answers, and a real user still steps up and uses the token.
    const bare = await client.call('GET', '/bench/bare');
    const healthUser = await client.enrollTotp('fuzz-health', BENCH_T0_MS - TOTP_STEP_MS);
    const verify = await client.totpVerify(healthUser, totpCode(healthUser.secret, { now: BENCH_T0_MS }), { requestedScopes: ['wallet:export'] });
    const exported =
      verify.status === 200
        ? await client.call('POST', '/wallet/export', { session: healthUser.session, elevated: verify.body.elevatedAccessToken.token })
        : verify;
    const healthyAfter = bare.status === 200 && verify.status === 200 && exported.status === 200;
    const internalErrorsLogged = child
      .stderr()
      .split('\n')
      .filter((line) => line.includes('internal error'));
    return { seed, routes, healthyAfter, internalErrorsLogged };
  } finally {
    await child.stop();
    removeDataDir(child.dataDir);
  }
}
