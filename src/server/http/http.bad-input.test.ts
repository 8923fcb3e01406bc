// Threat: hostile or broken input — oversized bodies, malformed JSON, wrong types, unknown
// scopes and actions, missing sessions — crashes the server (5xx), leaks internals, or
// slips past validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../protocol/index.js';
import { totpCode } from '../../testing/index.js';
import { startTestServer, type TestServer, type TestSession } from '../../../test/server-harness.js';

let server: TestServer;
let s: TestSession;
beforeAll(async () => {
  server = await startTestServer({ databasePath: ':memory:' });
  s = await server.session('mallory');
});
afterAll(async () => {
  await server.stop();
});

const POST_ROUTES = [
  '/mfa/actions/required',
  '/mfa/totp/devices',
  '/mfa/totp/devices/x/verify',
  '/mfa/totp/verify',
  '/mfa/passkeys/registration/options',
  '/mfa/passkeys/registration/verify',
  '/mfa/passkeys/authentication/options',
  '/mfa/passkeys/authentication/verify',
  '/mfa/recovery-codes',
  '/mfa/recovery-codes/acknowledge',
  '/mfa/recovery-codes/verify',
  '/demo/session',
  '/wallet/export',
  '/wallet/sign-message',
  '/wallet/delegation',
];

describe('request size', () => {
  it('a body over 16 KB is 413 payload_too_large on every route', async () => {
    const big = JSON.stringify({ code: 'x'.repeat(MAX_BODY_BYTES) });
    for (const path of POST_ROUTES) {
      const result = await server.call('POST', path, { session: s, raw: big });
      expect(result.status, path).toBe(413);
      expect(result.body.error.code).toBe('payload_too_large');
    }
  });
  it('a body of exactly 16 KB is read', async () => {
    const base = JSON.stringify({ mfaAction: 'wallet.waas.export', pad: '' });
    const exact = JSON.stringify({ mfaAction: 'wallet.waas.export', pad: 'x'.repeat(MAX_BODY_BYTES - base.length) });
    expect(exact.length).toBe(MAX_BODY_BYTES);
    expect((await server.call('POST', '/mfa/actions/required', { session: s, raw: exact })).status).toBe(200);
  });
});

describe('malformed JSON and wrong types are 400 invalid_request', () => {
  it.each([
    ['malformed JSON', '/mfa/totp/verify', '{"code": '],
    ['an array body', '/mfa/totp/verify', '["123456"]'],
    ['a string body', '/mfa/totp/verify', '"123456"'],
    ['code as a number', '/mfa/totp/verify', '{"code":123456}'],
    ['scopes not an array', '/mfa/totp/verify', '{"code":"123456","requestedScopes":"wallet:export"}'],
    ['an unknown scope', '/mfa/totp/verify', '{"code":"123456","requestedScopes":["wallet:everything"]}'],
    ['an unknown action', '/mfa/actions/required', '{"mfaAction":"wallet.waas.launch"}'],
    ['a missing action', '/mfa/actions/required', '{}'],
    ['a bad digest', '/mfa/passkeys/authentication/options', '{"action":{"mfaAction":"wallet.waas.sign","payloadDigest":"short"}}'],
    ['createMfaToken as a string', '/mfa/recovery-codes/verify', '{"code":"AAAA-BBBB-CCCC","createMfaToken":"yes"}'],
    ['response not an object', '/mfa/passkeys/authentication/verify', '{"response":"nope"}'],
    ['response missing fields', '/mfa/passkeys/registration/verify', '{"response":{"id":"a","rawId":"a","type":"public-key","response":{}}}'],
    [
      'unreadable clientDataJSON',
      '/mfa/passkeys/authentication/verify',
      '{"response":{"id":"a","rawId":"a","type":"public-key","response":{"clientDataJSON":"!!","authenticatorData":"a","signature":"a"}}}',
    ],
    ['name as an object', '/demo/session', '{"name":{}}'],
    ['message as a number', '/wallet/sign-message', '{"message":1}'],
    ['enabled as a string', '/wallet/delegation', '{"enabled":"true"}'],
  ])('%s', async (_label, path, raw) => {
    const result = await server.call('POST', path, { session: s, raw });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('invalid_request');
    expect(typeof result.body.error.message).toBe('string');
  });
});

describe('other refusals are JSON with a code', () => {
  it('an unknown route is 404 JSON', async () => {
    const result = await server.call('GET', '/mfa/nothing-here', { session: s });
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('not_found');
  });
  it('no session is 401 unauthenticated', async () => {
    for (const token of [undefined, 'not-a-session', 'a'.repeat(500)]) {
      const result = await server.call('GET', '/mfa/methods', token ? { headers: { authorization: `Bearer ${token}` } } : {});
      expect(result.status).toBe(401);
      expect(result.body.error.code).toBe('unauthenticated');
    }
  });
  it('a bad Idempotency-Key is 400', async () => {
    const result = await server.call('POST', '/wallet/export', { session: s, headers: { 'idempotency-key': 'ü'.repeat(3) } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('invalid_request');
  });
});

describe('fuzz: no bad input produces a 5xx', () => {
  const junk: unknown[] = [null, true, 0, -1, 1e308, '', 'x'.repeat(300), [], {}, [[]], { a: { b: { c: [] } } }, '\u0000', '../../etc/passwd'];
  it('every route answers each junk field value with a 4xx JSON error', async () => {
    const fields = ['code', 'deviceId', 'requestedScopes', 'createMfaToken', 'action', 'response', 'name', 'message', 'enabled', 'mfaAction'];
    for (const path of POST_ROUTES) {
      const cases = fields.flatMap((field) => junk.map((value) => ({ [field]: value })));
      const results = await Promise.all(cases.map((body) => server.call('POST', path, { session: s, body })));
      results.forEach((result, i) => {
        expect(result.status, `${path} ${JSON.stringify(cases[i])}`).toBeLessThan(500);
        if (result.status >= 400) expect(result.body.error.code).toBeTypeOf('string');
      });
    }
  }, 60_000);
  it('a TOTP code with non-ASCII characters is a wrong code (401), not a 500', async () => {
    // The constant-time compare needs equal byte lengths: 'ééé' is 3 characters but 6 bytes,
    // '١٢٣٤٥٦' (Arabic-Indic digits) 6 characters but 12 bytes.
    const victim = await server.session('unicode-totp');
    const created = await server.call('POST', '/mfa/totp/devices', { session: victim, body: {} });
    for (const code of ['ééé', '١٢٣٤٥٦', '12345é', '😀😀😀']) {
      const enrol = await server.call('POST', `/mfa/totp/devices/${created.body.id}/verify`, { session: victim, body: { code } });
      expect(enrol.status, code).toBe(401);
      expect(enrol.body.error.code).toBe('mfa_invalid_code');
      await server.call('POST', '/mfa/totp/devices/x/verify', { session: victim, body: { code } });
    }
    server.clock.advance(5 * 60_000);
    const good = await server.call('POST', `/mfa/totp/devices/${created.body.id}/verify`, {
      session: victim,
      body: { code: totpCode(created.body.secret, { now: server.clock.now() }) },
    });
    expect(good.status).toBe(200);
    const verify = await server.call('POST', '/mfa/totp/verify', { session: victim, body: { code: '١٢٣٤٥٦' } });
    expect(verify.status).toBe(401);
    expect(verify.body.error.code).toBe('mfa_invalid_code');
  });

  it('passkey transports that are not a list of strings are refused, not stored and echoed to browsers', async () => {
    // Stored as given, they came back in allowCredentials/excludeCredentials, where a browser's
    // navigator.credentials throws a TypeError: the user's passkey would stop working.
    const owner = await server.session('junk-transports');
    for (const transports of [{ a: 1 }, 'usb', [1, 2], ['x'.repeat(100)], Array.from({ length: 50 }, () => 'usb')]) {
      const options = await server.call('POST', '/mfa/passkeys/registration/options', { session: owner, body: {} });
      const response = server.authenticator().createCredential(options.body) as unknown as { response: Record<string, unknown> };
      response.response.transports = transports;
      const result = await server.call('POST', '/mfa/passkeys/registration/verify', { session: owner, body: { response } });
      expect(result.status, JSON.stringify(transports)).toBe(400);
      expect(result.body.error.code).toBe('invalid_request');
    }
    expect((await server.call('GET', '/mfa/methods', { session: owner })).body.passkeys).toEqual([]);
    // Control: real transports are kept.
    const options = await server.call('POST', '/mfa/passkeys/registration/options', { session: owner, body: {} });
    const response = server.authenticator().createCredential(options.body) as unknown as { response: Record<string, unknown> };
    response.response.transports = ['internal', 'hybrid'];
    expect((await server.call('POST', '/mfa/passkeys/registration/verify', { session: owner, body: { response } })).status).toBe(201);
    const auth = await server.call('POST', '/mfa/passkeys/authentication/options', { session: owner, body: {} });
    expect(auth.body.allowCredentials[0].transports).toEqual(['internal', 'hybrid']);
  });

  it('odd ids in paths are 404, not 5xx', async () => {
    for (const id of ['%00', '..%2F..', 'x'.repeat(2000), '%F0%9F%92%A9']) {
      const result = await server.call('DELETE', `/mfa/totp/devices/${id}`, { session: s });
      expect(result.status).toBe(404);
      const passkey = await server.call('PATCH', `/mfa/passkeys/${id}`, { session: s, body: { name: 'x' } });
      expect(passkey.status).toBe(404);
    }
  });
});
