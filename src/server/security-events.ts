import type { Context } from 'hono';
import type { SecurityEvent, SecurityEventDetails, SecurityEventType } from '../protocol/index.js';
import type { MfaEnv } from './context.js';
import { newTimeOrderedId } from './crypto/random.js';
import type { MfaPrincipal } from './options.js';
import type { SecurityEventRecord } from './store/mfa-store.js';

/** Who made the request, as far as the server can tell. */
export interface ClientInfo {
  ipAddress: string | null;
  userAgent: string | null;
}

/** What `onSecurityEvent` receives: the wire event plus the user it concerns. */
export interface SecurityEventNotice extends SecurityEvent {
  userId: string;
}

/** Bounded so a hostile header cannot bloat the audit table. */
const MAX_HEADER_CHARS = 256;
/** How many events `GET /mfa/events` returns. */
export const SECURITY_EVENTS_LIMIT = 50;

const clip = (value: string | null | undefined): string | null => (value ? value.slice(0, MAX_HEADER_CHARS) : null);

/**
 * The default: the first `X-Forwarded-For` hop (what a reverse proxy reports) and the
 * `User-Agent`. Behind no proxy the header is the client's own claim, so treat it as a hint;
 * an app that knows its proxies passes `getClientInfo`.
 */
export function defaultClientInfo(request: Request): ClientInfo {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return { ipAddress: clip(forwarded), userAgent: clip(request.headers.get('user-agent')) };
}

export function toSecurityEvent(record: SecurityEventRecord): SecurityEvent {
  return {
    id: record.id,
    type: record.type as SecurityEventType,
    at: new Date(record.at).toISOString(),
    sessionId: record.sessionId,
    ipAddress: record.ipAddress,
    userAgent: record.userAgent,
    details: JSON.parse(record.details) as SecurityEventDetails,
  };
}

/** The audit record of an event of this request: who, when, from where. Nothing is written yet. */
export async function securityEventRecord(
  c: Context,
  principal: MfaPrincipal,
  type: SecurityEventType,
  details: SecurityEventDetails = {},
): Promise<SecurityEventRecord> {
  const ctx = (c as Context<MfaEnv>).var.mfa;
  let client: ClientInfo;
  try {
    client = await ctx.getClientInfo(c.req.raw);
  } catch {
    client = { ipAddress: null, userAgent: null };
  }
  const at = ctx.now();
  return {
    id: newTimeOrderedId(at),
    userId: principal.userId,
    sessionId: principal.sessionId,
    type,
    at,
    ipAddress: clip(client.ipAddress),
    userAgent: clip(client.userAgent),
    details: JSON.stringify(details),
  };
}

/**
 * Tells the app about an event already in the audit table. A failing `onSecurityEvent` is
 * logged, never turned into the request's error: the change it reports has already happened.
 */
export async function notifySecurityEvent(c: Context, record: SecurityEventRecord): Promise<void> {
  const ctx = (c as Context<MfaEnv>).var.mfa;
  if (!ctx.onSecurityEvent) return;
  try {
    await ctx.onSecurityEvent({ ...toSecurityEvent(record), userId: record.userId });
  } catch (error) {
    ctx.log(`mfa-kit: onSecurityEvent failed for a ${record.type} event: ${error instanceof Error ? error.name : 'error'}`);
  }
}

/** Writes the event to the audit table, then tells the app. */
export async function recordSecurityEvent(c: Context, principal: MfaPrincipal, type: SecurityEventType, details: SecurityEventDetails = {}): Promise<void> {
  const record = await securityEventRecord(c, principal, type, details);
  await (c as Context<MfaEnv>).var.mfa.store.insertSecurityEvent(record);
  await notifySecurityEvent(c, record);
}
