/**
 * `npm start`: the demo wallet (built by `npm run build:demo`) and the reference server on
 * one origin, `http://localhost:PORT`, with the embedded SQLite default under MFA_DATA_DIR.
 * One origin means no CORS, and the passkey RP ID `localhost` matches the page.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createDemoServer } from './server/create-demo-server.js';

const port = Number(process.env.PORT ?? 5173);
const origin = `http://localhost:${port}`;
const dist = fileURLToPath(new URL('./dist', import.meta.url));

if (!existsSync(resolve(dist, 'index.html'))) {
  console.error('mfa-kit demo: demo/dist is missing. Run `npm start` (it builds the demo first) or `npm run build:demo`.');
  process.exit(1);
}

const server = await createDemoServer({
  dataDir: resolve(process.env.MFA_DATA_DIR ?? 'mfa-data'),
  // The demo asks for MFA even before enrollment, so the first guarded action shows
  // enroll-then-continue. The kit's default is to require it once the user has a method.
  requireEnrollment: true,
  rpId: 'localhost',
  rpName: 'mfa-kit demo wallet',
  expectedOrigins: [origin],
});

// Hono builds its router on the first request: every route is added before listening.
const { app } = server;
app.get('/healthz', (c) => c.json({ ok: true }));
// Registered after the API routes, so it only answers what they don't: the built app. (No
// catch-all to index.html: the demo has no client-side routes, and unknown API paths must
// keep their JSON 404.)
app.use('*', serveStatic({ root: dist }));

const listening = serve({ fetch: server.fetch, port, hostname: 'localhost' }, () => {
  console.log(`mfa-kit demo wallet: open ${origin}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () =>
    listening.close(() => {
      void server.close().finally(() => process.exit(0));
    }),
  );
}
