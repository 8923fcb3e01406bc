// Claim, delegation and reshare (the spec's Refresh and Reshare events): each guarded by its
// own scope, each state change happening once.
import { describe, expect, it } from 'vitest';
import { concurrently, type TestServer } from '../../../test/server-harness.js';
import { useTestServer } from '../../../test/use-test-server.js';

let server: TestServer;
useTestServer({ databasePath: ':memory:' }, (started) => {
  server = started;
});

describe('a pregenerated wallet', () => {
  it('is the one its user finds at first sign-in, unclaimed, and signs nothing until claimed', async () => {
    const made = await server.call('POST', '/demo/pregenerate', { body: { name: 'carol' } });
    expect(made.status).toBe(201);
    const s = await server.session('carol');
    expect(s.userId).toBe(made.body.userId);
    const wallet = await server.call('GET', '/wallet', { session: s });
    expect(wallet.body).toEqual({ address: made.body.address, delegated: false, reshareRequired: false, claimed: false });

    const early = await server.call('POST', '/wallet/sign-message', { session: s, body: { message: 'hi' } });
    expect(early.status).toBe(409);

    const claimed = await server.call('POST', '/wallet/claim', { session: s, body: {} });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toEqual({ address: made.body.address, claimed: true });
    expect((await server.call('GET', '/wallet', { session: s })).body.claimed).toBe(true);
    expect((await server.call('POST', '/wallet/claim', { session: s, body: {} })).status).toBe(409);
  });

  it('a name already taken cannot be pregenerated again (409)', async () => {
    await server.session('dave');
    expect((await server.call('POST', '/demo/pregenerate', { body: { name: 'dave' } })).status).toBe(409);
  });

  it('claiming needs wallet:refresh once the user has MFA', async () => {
    await server.call('POST', '/demo/pregenerate', { body: { name: 'erin' } });
    const s = await server.session('erin');
    const { secret } = await server.enrollTotp(s);
    const bare = await server.call('POST', '/wallet/claim', { session: s, body: {} });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toContain('scope="wallet:refresh"');
    const signToken = await server.elevate(s, secret, { requestedScopes: ['wallet:sign'] });
    expect((await server.call('POST', '/wallet/claim', { session: s, body: {}, elevated: signToken })).status).toBe(401);
    const token = await server.elevate(s, secret, { requestedScopes: ['wallet:refresh'] });
    expect((await server.call('POST', '/wallet/claim', { session: s, body: {}, elevated: token })).status).toBe(200);
  });

  it('Threat: a pregenerated wallet claimed twice by racing requests — exactly one claim succeeds', async () => {
    await server.call('POST', '/demo/pregenerate', { body: { name: 'frank' } });
    const s = await server.session('frank');
    const tally = await concurrently(8, () => server.call('POST', '/wallet/claim', { session: s, body: {} }));
    expect(tally.get(200)).toBe(1);
    expect(tally.get(409)).toBe(7);
  });
});

describe('delegation and reshare', () => {
  it('delegating sets reshareRequired; the next sign-in reshares with wallet:reshare, once; the key is unchanged', async () => {
    const s = await server.session('alice');
    const { secret } = await server.enrollTotp(s);
    const before = (await server.call('GET', '/wallet', { session: s })).body;
    expect(before.reshareRequired).toBe(false);
    expect((await server.call('POST', '/wallet/reshare', { session: s, body: {} })).status).toBe(401);

    const refresh = await server.elevate(s, secret, { requestedScopes: ['wallet:refresh'] });
    expect((await server.call('POST', '/wallet/delegation', { session: s, body: { enabled: true }, elevated: refresh })).status).toBe(200);

    const next = await server.session('alice');
    expect((await server.call('GET', '/wallet', { session: next })).body).toMatchObject({ delegated: true, reshareRequired: true });
    const bare = await server.call('POST', '/wallet/reshare', { session: next, body: {} });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toContain('scope="wallet:reshare"');

    const reshare = await server.elevate(next, secret, { requestedScopes: ['wallet:reshare'] });
    const done = await server.call('POST', '/wallet/reshare', { session: next, body: {}, elevated: reshare });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ reshareRequired: false });
    const after = (await server.call('GET', '/wallet', { session: next })).body;
    expect(after).toMatchObject({ address: before.address, delegated: true, reshareRequired: false });

    const again = await server.elevate(next, secret, { requestedScopes: ['wallet:reshare'] });
    expect((await server.call('POST', '/wallet/reshare', { session: next, body: {}, elevated: again })).status).toBe(409);
  });

  it('revoking delegated access sets reshareRequired too', async () => {
    const s = await server.session('bob');
    await server.call('POST', '/wallet/delegation', { session: s, body: { enabled: true } });
    await server.call('POST', '/wallet/reshare', { session: s, body: {} });
    await server.call('POST', '/wallet/delegation', { session: s, body: { enabled: false } });
    expect((await server.call('GET', '/wallet', { session: s })).body).toMatchObject({ delegated: false, reshareRequired: true });
  });

  it('claim and reshare take an empty object only (400 before the guard)', async () => {
    const s = await server.session('gina');
    expect((await server.call('POST', '/wallet/reshare', { session: s, body: { force: true } })).status).toBe(400);
    expect((await server.call('POST', '/wallet/claim', { session: s, body: { userId: 'x' } })).status).toBe(400);
  });
});
