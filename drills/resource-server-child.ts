/**
 * A resource server in its own process that knows nothing of the MFA servers but one JWKS
 * URL (RESOURCE_JWKS_URL): `POST /verify { token }` answers 200 with the token's subject when
 * `verifyElevatedAccessToken` accepts it for `wallet:export`, 401 otherwise. Its clock is the
 * drill's (RESOURCE_CLOCK_MS), as the servers' is, so tokens are judged at the time they were
 * minted for.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { TokenScope, verifyElevatedAccessToken } from 'mfa-kit/server';
import { BENCH_ORIGIN } from '../bench/constants.js';

const jwks = process.env.RESOURCE_JWKS_URL;
if (!jwks) throw new Error('RESOURCE_JWKS_URL is required');
const now = Number(process.env.RESOURCE_CLOCK_MS ?? Date.now());

const app = new Hono();
app.post('/verify', async (c) => {
  const { token } = await c.req.json<{ token: string }>();
  try {
    const claims = await verifyElevatedAccessToken(token, {
      scope: TokenScope.Walletexport,
      jwks,
      currentDate: new Date(now),
      // The servers' `iss`/`aud`: by default their origin, which this process must be told.
      issuer: BENCH_ORIGIN,
      audience: BENCH_ORIGIN,
    });
    return c.json({ sub: claims.sub });
  } catch {
    return c.json({ error: { code: 'elevated_access_required' } }, 401);
  }
});

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${info.port}` });
});
process.on('disconnect', () => process.exit(0));
