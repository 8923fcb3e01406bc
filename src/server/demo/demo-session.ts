import { Hono } from 'hono';
import { generatePrivateKey } from 'viem/accounts';
import type { DemoSessionResponse } from '../../protocol/index.js';
import type { MfaEnv, MfaServerContext } from '../context.js';
import { newId, randomToken, sha256 } from '../crypto/random.js';
import { readJsonBody } from '../http/read-json-body.js';
import { readName } from '../http/validate.js';
import type { MfaPrincipal } from '../options.js';
import type { DemoStore } from '../store/mfa-store.js';

export function isDemoStore(store: unknown): store is DemoStore {
  return typeof (store as Partial<DemoStore>).findDemoSession === 'function';
}

/** The demo's `authenticate`: `Authorization: Bearer <sessionToken>`, kept only as its SHA-256. */
export function demoAuthenticate(store: DemoStore) {
  return (request: Request): MfaPrincipal | null => {
    const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(request.headers.get('authorization') ?? '');
    if (!match?.[1]) return null;
    return store.findDemoSession(sha256(match[1])) ?? null;
  };
}

/** `POST /demo/session { name }`: same name, same user (and wallet); a new session each time. */
export function demoSessionRoutes(ctx: MfaServerContext, store: DemoStore): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();
  app.post('/demo/session', async (c) => {
    const name = readName(await readJsonBody(c), true)!;
    const { userId } = store.findOrCreateDemoUser(name, () => ({
      userId: newId(),
      walletKeySealed: ctx.secrets.seal(generatePrivateKey()),
    }));
    const sessionToken = randomToken(32);
    store.insertDemoSession(sha256(sessionToken), userId, newId(), ctx.now());
    const body: DemoSessionResponse = { sessionToken, userId };
    return c.json(body, 201);
  });
  return app;
}
