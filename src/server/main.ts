/**
 * `npm run server`: the reference server with the demo routes, on `PORT` (default 8787), data
 * under `MFA_DATA_DIR` (default ./mfa-data), RP ID `localhost`.
 */
import { resolve } from 'node:path';
import { DEFAULT_DATA_DIR } from './create-mfa-server.js';
import { DEFAULT_PORT, startMfaServer } from './start-mfa-server.js';

const port = Number(process.env.PORT ?? DEFAULT_PORT);
const origin = `http://localhost:${port}`;
const running = await startMfaServer({
  port,
  dataDir: resolve(process.env.MFA_DATA_DIR ?? DEFAULT_DATA_DIR),
  demo: true,
  rpId: 'localhost',
  rpName: 'mfa-kit demo',
  expectedOrigins: [origin],
});
console.log(`mfa-kit server listening on ${running.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().finally(() => process.exit(0));
  });
}
