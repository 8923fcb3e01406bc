/**
 * `npm run server`: the reference server with the demo's session and wallet routes, on
 * `HOST` (default localhost) and `PORT` (default 8787), RP ID `localhost`. Data under
 * `MFA_DATA_DIR` (default ./mfa-data), or in PostgreSQL when `MFA_DATABASE_URL` is set (then
 * several of these processes can share it). `MFA_SIGNING_KEY` (a private EC P-256 JWK, as
 * JSON) and `MFA_ENCRYPTION_KEY` (32 bytes, base64) supply the keys instead of the ones
 * made on first start. `DEMO_SESSION_TTL_SECONDS` sets how long a demo session lives
 * (default 12 hours).
 */
import { resolve } from 'node:path';
import { DEFAULT_PORT, serveMfaServer } from 'mfa-kit/server';
import { createDemoServer } from './create-demo-server.js';

const port = Number(process.env.PORT ?? DEFAULT_PORT);
const hostname = process.env.HOST ?? 'localhost';
const { MFA_DATABASE_URL, MFA_SIGNING_KEY, MFA_ENCRYPTION_KEY, DEMO_SESSION_TTL_SECONDS } = process.env;
const server = await createDemoServer({
  ...(DEMO_SESSION_TTL_SECONDS ? { sessionTtlSeconds: Number(DEMO_SESSION_TTL_SECONDS) } : {}),
  ...(MFA_DATABASE_URL ? { databaseUrl: MFA_DATABASE_URL } : { dataDir: resolve(process.env.MFA_DATA_DIR ?? 'mfa-data') }),
  ...(MFA_SIGNING_KEY ? { signingKey: JSON.parse(MFA_SIGNING_KEY) } : {}),
  ...(MFA_ENCRYPTION_KEY ? { encryptionKey: MFA_ENCRYPTION_KEY } : {}),
  rpId: 'localhost',
  rpName: 'mfa-kit demo',
  expectedOrigins: [`http://localhost:${port}`],
});
const running = await serveMfaServer(server, { port, hostname });
const where = MFA_DATABASE_URL ? 'PostgreSQL (MFA_DATABASE_URL)' : 'SQLite';
console.log(`mfa-kit server listening on ${running.url}, data in ${where} (the /demo/session login needs no password: it is for trying the kit only)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().finally(() => process.exit(0));
  });
}
