import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { MfaHttpError, readJsonBody, type MfaEnv, type MfaPrincipal, type MfaServerContext } from 'mfa-kit/server';
import { generatePrivateKey } from 'viem/accounts';
import type { DemoSessionResponse } from '../shared/wallet-wire.js';
import type { DemoStore } from './demo-store.js';

const MAX_NAME_LENGTH = 64;

/** A bearer secret is kept at rest only as its SHA-256. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * A demo session's absolute lifetime: a bearer token that leaked (a log, a shared screen)
 * stops working by itself. 12 hours covers a working day of trying the kit.
 */
export const DEMO_SESSION_TTL_SECONDS = 12 * 60 * 60;

/** How long sessions live and what time it is (the server's clock, so tests need not sleep). */
export interface DemoSessionClock {
  now: () => number;
  ttlMs: number;
}

/**
 * The demo's `authenticate`: `Authorization: Bearer <sessionToken>`, for a session younger
 * than its lifetime (an expired one is 401 `unauthenticated`, as an unknown one). A real app
 * resolves its own session here (a cookie, a JWT from its identity provider…).
 */
export function demoAuthenticate(store: DemoStore, clock: DemoSessionClock) {
  return async (request: Request): Promise<MfaPrincipal | null> => {
    const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(request.headers.get('authorization') ?? '');
    if (!match?.[1]) return null;
    return (await store.findSession(hashToken(match[1]), clock.now() - clock.ttlMs)) ?? null;
  };
}

/**
 * `POST /demo/session { name }`: same name, same user (and wallet); a new session each time.
 * No password: the demo login exists to try the kit, never to protect anything.
 */
export function demoSessionRoutes(ctx: MfaServerContext, store: DemoStore, ttlMs: number): Hono<MfaEnv> {
  const app = new Hono<MfaEnv>();
  app.post('/demo/session', async (c) => {
    const raw = (await readJsonBody(c)).name;
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!name || name.length > MAX_NAME_LENGTH) throw new MfaHttpError('invalid_request', '`name` must be a non-empty string.');
    const { userId } = await store.findOrCreateUser(name, () => ({
      userId: randomUUID(),
      walletKeySealed: ctx.secrets.seal(generatePrivateKey()),
    }));
    const sessionToken = randomBytes(32).toString('base64url');
    const now = ctx.now();
    await store.insertSession(hashToken(sessionToken), userId, randomUUID(), now, now - ttlMs);
    const body: DemoSessionResponse = { sessionToken, userId, expiresAt: new Date(now + ttlMs).toISOString(), expiresInSeconds: Math.floor(ttlMs / 1000) };
    return c.json(body, 201);
  });
  return app;
}
