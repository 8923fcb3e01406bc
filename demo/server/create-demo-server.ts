import { PostgresMfaStore, SqliteMfaStore, createMfaServer, type MfaServer, type MfaServerOptions } from 'mfa-kit/server';
import { DEMO_SESSION_TTL_SECONDS, demoAuthenticate, demoSessionRoutes } from './demo-session.js';
import { createSqliteDemoStore, type DemoStore } from './demo-store.js';
import { createPostgresDemoStore } from './postgres-demo-store.js';
import { walletRoutes } from './wallet-routes.js';

export interface DemoServerOptions extends Omit<MfaServerOptions, 'authenticate'> {
  /** Absolute lifetime of a `/demo/session` session. @default DEMO_SESSION_TTL_SECONDS (12 hours) */
  sessionTtlSeconds?: number;
}

/**
 * The reference server as an app would set it up: `createMfaServer` with the app's session
 * lookup (`/demo/session`'s bearer tokens), and the app's guarded routes (the demo wallet)
 * mounted on its Hono app before the first request.
 */
export async function createDemoServer(options: DemoServerOptions = {}): Promise<MfaServer> {
  // The demo's tables share the kit's database; they exist once the store does, which
  // `createMfaServer` opens. `authenticate` is only called per request, by then they do.
  let demo: DemoStore | undefined;
  const { sessionTtlSeconds = DEMO_SESSION_TTL_SECONDS, ...mfaOptions } = options;
  if (!Number.isFinite(sessionTtlSeconds) || sessionTtlSeconds <= 0) throw new Error('mfa-kit demo: `sessionTtlSeconds` must be a positive number of seconds.');
  const ttlMs = sessionTtlSeconds * 1000;
  const server = await createMfaServer({
    ...mfaOptions,
    authenticate: (request) => demoAuthenticate(demo!, { now: server.context.now, ttlMs })(request),
  });
  if (server.store instanceof SqliteMfaStore) demo = createSqliteDemoStore(server.store.db);
  else if (server.store instanceof PostgresMfaStore) demo = await createPostgresDemoStore(server.store.pool);
  else {
    await server.close();
    throw new Error("mfa-kit demo: the demo wallet keeps its tables beside the kit's, in the SQLite or the PostgreSQL store.");
  }
  server.app.route('/', demoSessionRoutes(server.context, demo, ttlMs));
  server.app.route('/', walletRoutes(demo));
  return server;
}
