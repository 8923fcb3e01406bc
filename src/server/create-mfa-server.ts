import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { ELEVATED_ACCESS_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER, JWKS_PATH, MAX_BODY_BYTES, MFA_BASE_PATH, MFA_TOKEN_HEADER } from '../protocol/index.js';
import type { MfaEnv, MfaServerContext, ResolvedMfaConfig } from './context.js';
import { loadEncryptionKey } from './crypto/encryption-key.js';
import { keyVaultFor } from './crypto/key-vault.js';
import { createSecretBox } from './crypto/secret-box.js';
import { createErrorHandler, notFoundHandler, payloadTooLarge } from './http/error-handler.js';
import { requireSession } from './http/require-session.js';
import { methodsRoutes } from './methods-routes.js';
import type { MfaServerOptions } from './options.js';
import { passkeyRoutes } from './passkey/passkey-routes.js';
import { resolvePolicy } from './policy.js';
import { recoveryCodeRoutes } from './recovery-codes/recovery-code-routes.js';
import { defaultClientInfo } from './security-events.js';
import type { MfaStore } from './store/mfa-store.js';
import { PostgresMfaStore } from './store/postgres-store.js';
import { SqliteMfaStore } from './store/sqlite-store.js';
import { loadSigningKeys } from './tokens/signing-keys.js';
import { totpRoutes } from './totp/totp-routes.js';

/** docs/architecture.md §8: every 5 consecutive failures lock, first for 5 minutes, each lock twice the last. */
const DEFAULT_MAX_FAILURES = 5;
const DEFAULT_LOCK_SECONDS = 5 * 60;
const DEFAULT_MAX_LOCK_SECONDS = 24 * 60 * 60;
/** NIST SP 800-63B §5.2.2: no more than 100 consecutive failed attempts on one account. */
const DEFAULT_PERMANENT_AFTER = 100;
export const DEFAULT_DATA_DIR = 'mfa-data';
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface MfaServer {
  /**
   * The Hono app: mount your own routes on it to use `requireElevatedAccess`. Add them before
   * the first request is served (Hono's router is built on first match).
   */
  app: Hono<MfaEnv>;
  /** A standard Request → Response handler (`app.fetch`). */
  fetch: (request: Request) => Promise<Response>;
  store: MfaStore;
  /** Resolved configuration, keys and clock (for advanced use and tests). */
  context: MfaServerContext;
  /**
   * An operator's reset of a user's failed-code count and lock, e.g. after a user who reached
   * the permanent lock proved who they are some other way.
   */
  resetLockout(userId: string): Promise<void>;
  /** Closes the store. */
  close(): Promise<void>;
}

/**
 * The database holds sealed secrets, hashes and audit data: owner only. The folder is 0700
 * and the file 0600 before SQLite opens it (SQLite gives its -wal and -shm files the mode of
 * the database file); modes are enforced on every start, so an older install is repaired.
 */
function openSqliteStore(path: string): SqliteMfaStore {
  if (path === ':memory:') return new SqliteMfaStore(path);
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
  return new SqliteMfaStore(path);
}

/** PostgreSQL when a database URL or pool is given, else the embedded SQLite file. */
async function openDefaultStore(options: MfaServerOptions, dataDir: string | undefined, log: (line: string) => void): Promise<MfaStore> {
  if (options.databaseUrl !== undefined || options.databasePool !== undefined) {
    return PostgresMfaStore.open({ databaseUrl: options.databaseUrl, pool: options.databasePool, log });
  }
  return openSqliteStore(options.databasePath ?? resolve(dataDir!, 'mfa.sqlite'));
}

function resolveConfig(options: MfaServerOptions): ResolvedMfaConfig {
  const rpId = options.rpId ?? 'localhost';
  const expectedOrigins = options.expectedOrigins ?? [`https://${rpId}`];
  if (expectedOrigins.length === 0) throw new Error('mfa-kit: `expectedOrigins` needs at least one origin.');
  // docs/architecture.md §8: `iss`/`aud` name this deployment (its origin), so a token minted
  // by another install of the kit is refused here, and one of ours is refused there.
  const deployment = expectedOrigins[0]!;
  return {
    rpId,
    rpName: options.rpName ?? 'mfa-kit',
    expectedOrigins,
    expectedTopOrigins: options.expectedTopOrigins ?? [],
    issuer: options.issuer ?? deployment,
    audience: options.audience ?? deployment,
    policy: resolvePolicy(options),
    lockout: {
      maxFailures: options.lockout?.maxFailures ?? DEFAULT_MAX_FAILURES,
      lockMs: (options.lockout?.lockSeconds ?? DEFAULT_LOCK_SECONDS) * 1000,
      maxLockMs: (options.lockout?.maxLockSeconds ?? DEFAULT_MAX_LOCK_SECONDS) * 1000,
      permanentAfter: options.lockout?.permanentAfter ?? DEFAULT_PERMANENT_AFTER,
    },
    allowLegacyMfaToken: options.allowLegacyMfaToken ?? true,
    allowRemovingLastFactor: options.allowRemovingLastFactor ?? false,
  };
}

/**
 * Builds the reference server: every `/mfa` route and the JWKS. Mount the app's own guarded
 * routes on `app` (with `requireElevatedAccess`) before the first request is served. Async because the signing key is
 * loaded or made with WebCrypto on first start.
 */
export async function createMfaServer(options: MfaServerOptions = {}): Promise<MfaServer> {
  const inMemory = options.databasePath === ':memory:';
  const dataDir = options.dataDir ?? (inMemory && !options.store ? undefined : resolve(DEFAULT_DATA_DIR));
  const log = options.logger ?? ((line: string) => console.error(line));
  const store = options.store ?? (await openDefaultStore(options, dataDir, log));
  // With a shared database the keys live in it, so every instance signs and decrypts alike.
  const vault = keyVaultFor(store, dataDir);
  const keys = await loadSigningKeys(vault, options.signingKey, options.retiredSigningKeys);
  const secrets = createSecretBox(await loadEncryptionKey(vault, options.encryptionKey));

  const { authenticate } = options;
  if (!authenticate) throw new Error("mfa-kit: createMfaServer needs an `authenticate(request)` option: it resolves your app's session.");

  const context: MfaServerContext = {
    config: resolveConfig(options),
    store,
    secrets,
    keys,
    now: options.now ?? Date.now,
    authenticate,
    log,
    getClientInfo: options.getClientInfo ?? defaultClientInfo,
    onSecurityEvent: options.onSecurityEvent,
  };

  const app = new Hono<MfaEnv>();
  app.onError(createErrorHandler(log));
  app.notFound(notFoundHandler);
  if (options.corsOrigins?.length) {
    app.use(
      '*',
      cors({
        origin: options.corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', ELEVATED_ACCESS_TOKEN_HEADER, MFA_TOKEN_HEADER, IDEMPOTENCY_KEY_HEADER],
        exposeHeaders: ['WWW-Authenticate', 'Retry-After'],
        credentials: true,
      }),
    );
  }
  app.use('*', async (c, next) => {
    c.set('mfa', context);
    await next();
    // Answers carry codes, secrets and tokens: never cache them.
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => payloadTooLarge() }));

  app.get(JWKS_PATH, (c) => c.json({ keys: keys.published }));

  const mfa = new Hono<MfaEnv>();
  mfa.use('*', requireSession);
  mfa.route('/', methodsRoutes());
  mfa.route('/', totpRoutes());
  mfa.route('/', passkeyRoutes());
  mfa.route('/', recoveryCodeRoutes());
  app.route(MFA_BASE_PATH, mfa);

  // Housekeeping: expired challenges, tokens and jtis are dead weight (an expired token is
  // refused by its `exp` before its jti is ever looked at).
  await store.purgeExpired(context.now());
  const purge = setInterval(() => {
    store.purgeExpired(context.now()).catch((error: unknown) => log(`mfa-kit: purging expired records failed: ${String(error)}`));
  }, PURGE_INTERVAL_MS);
  purge.unref();

  return {
    app,
    fetch: async (request) => app.fetch(request),
    store,
    context,
    resetLockout: (userId) => store.resetAttempts(userId),
    close: async () => {
      clearInterval(purge);
      await store.close();
    },
  };
}
