// Threat: a cross-site `<form enctype="text/plain">` posts to a JSON route (no preflight),
// e.g. wrong codes to `/mfa/totp/verify` that lock the user out, or a wallet action; and a
// deeply nested body overflows the recursive canonicalisation into a 500.
import { describe, expect, it } from 'vitest';
import { type TestServer, type TestSession } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
let s: TestSession;

useTestServer({}, async (started) => {
  server = started;
  s = await server.session('alice');
});

describe('JSON routes refuse other media types', () => {
  it('text/plain, form-encoded and no type at all answer 415 and change nothing', async () => {
    const { secret } = await server.enrollTotp(s);
    const body = JSON.stringify({ code: '000000' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      for (const path of ['/mfa/totp/verify', '/wallet/sign-message']) {
        const result = await server.call('POST', path, { session: s, raw: body, headers: { 'content-type': type } });
        expect(result.status, `${path} ${type}`).toBe(415);
        expect(result.body.error.code).toBe('unsupported_media_type');
      }
    }
    // None of those counted as a failed attempt: the next code works with 4 tries in hand.
    const wrong = await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: '000000' } });
    expect(wrong.body.error.attemptsRemaining).toBe(4);
    expect((await server.call('POST', '/mfa/totp/verify', { session: s, body: { code: server.code(secret) } })).status).toBe(200);
  });

  it('control: application/json with a charset is accepted', async () => {
    const result = await server.call('POST', '/mfa/actions/required', {
      session: s,
      raw: JSON.stringify({ mfaAction: 'wallet.waas.export' }),
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    });
    expect(result.status).toBe(200);
  });
});

describe('deep JSON', () => {
  it('nesting deeper than 32 levels is 400 invalid_request, not a 500', async () => {
    const { secret } = await server.enrollTotp(s);
    const deep = `{"message":"x","extra":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:sign'] });
    for (const path of ['/wallet/sign-message', '/mfa/totp/verify']) {
      const result = await server.call('POST', path, { session: s, raw: deep, elevated: token });
      expect(result.status, path).toBe(400);
      expect(result.body.error.code).toBe('invalid_request');
    }
    const ok = `{"a":${'['.repeat(30)}${']'.repeat(30)}}`;
    expect((await server.call('POST', '/mfa/actions/required', { session: s, raw: ok.replace('{"a"', '{"mfaAction":"wallet.waas.export","a"') })).status).toBe(
      200,
    );
  });
});
