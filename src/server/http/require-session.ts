import type { Context, MiddlewareHandler } from 'hono';
import type { MfaEnv, MfaServerContext } from '../context.js';
import type { MfaPrincipal } from '../options.js';
import { MfaHttpError } from './mfa-http-error.js';

/** The mfa-kit context of this request; set by `createMfaServer` on every route of its app. */
export function getMfaContext(c: Context): MfaServerContext {
  const ctx = (c.get as (key: string) => unknown)('mfa') as MfaServerContext | undefined;
  if (!ctx) throw new Error('mfa-kit: this route is not on an app made by createMfaServer (mount your routes on `server.app`).');
  return ctx;
}

/** Resolves (once per request) the app session through `authenticate`; 401 without one. */
export async function getPrincipal(c: Context): Promise<MfaPrincipal> {
  const cached = (c.get as (key: string) => unknown)('mfaPrincipal') as MfaPrincipal | undefined;
  if (cached) return cached;
  const principal = await getMfaContext(c).authenticate(c.req.raw);
  if (!principal || typeof principal.userId !== 'string' || typeof principal.sessionId !== 'string') {
    throw new MfaHttpError('unauthenticated', 'A valid session is required.', {}, { 'WWW-Authenticate': 'Bearer' });
  }
  (c.set as (key: string, value: unknown) => void)('mfaPrincipal', principal);
  return principal;
}

export const requireSession: MiddlewareHandler<MfaEnv> = async (c, next) => {
  await getPrincipal(c);
  await next();
};
