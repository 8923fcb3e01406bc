/**
 * `npm run server`: the reference server with the demo's session and wallet routes, on
 * `HOST` (default localhost) and `PORT` (default 8787), data under `MFA_DATA_DIR`
 * (default ./mfa-data), RP ID `localhost`.
 */
import { resolve } from 'node:path';
import { DEFAULT_PORT, serveMfaServer } from 'mfa-kit/server';
import { createDemoServer } from './create-demo-server.js';

const port = Number(process.env.PORT ?? DEFAULT_PORT);
const hostname = process.env.HOST ?? 'localhost';
const server = await createDemoServer({
  dataDir: resolve(process.env.MFA_DATA_DIR ?? 'mfa-data'),
  rpId: 'localhost',
  rpName: 'mfa-kit demo',
  expectedOrigins: [`http://localhost:${port}`],
});
const running = await serveMfaServer(server, { port, hostname });
console.log(`mfa-kit server listening on ${running.url} (the /demo/session login needs no password: it is for trying the kit only)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().finally(() => process.exit(0));
  });
}
