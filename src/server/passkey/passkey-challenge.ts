import { createHash, randomBytes } from 'node:crypto';
import type { ActionBinding } from '../../protocol/index.js';
import type { MfaServerContext } from '../context.js';
import { MfaHttpError, invalidRequest } from '../http/mfa-http-error.js';
import type { ChallengePurpose, ChallengeRecord } from '../store/mfa-store.js';

/** docs/architecture.md §8: a WebAuthn challenge lives 5 minutes (also the ceremony's `timeout`). */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/**
 * docs/architecture.md §8: at most this many challenges outstanding per user (both purposes):
 * enough for a ceremony retried in a few tabs, and a session that asks in a loop cannot grow
 * the table. Issuing one more evicts the oldest, which can then no longer be used.
 */
export const MAX_OUTSTANDING_CHALLENGES = 5;
/** W3C WebAuthn §13.4.3: at least 16 random bytes; we use 32. */
const CHALLENGE_BYTES = 32;

/**
 * Makes and stores a challenge bound to this user and purpose. With an action (docs/architecture.md
 * §10) the challenge is SHA-256(nonce ‖ digest), so the authenticator's signature covers the
 * digest of the request being approved.
 */
export async function createChallenge(
  ctx: MfaServerContext,
  userId: string,
  purpose: ChallengePurpose,
  action?: ActionBinding,
): Promise<Uint8Array<ArrayBuffer>> {
  const nonce = randomBytes(CHALLENGE_BYTES);
  const bytes = action ? actionChallenge(nonce, action.payloadDigest) : nonce;
  await ctx.store.insertChallenge(
    {
      challenge: Buffer.from(bytes).toString('base64url'),
      userId,
      purpose,
      nonce: action ? nonce.toString('base64url') : null,
      mfaAction: action?.mfaAction ?? null,
      payloadDigest: action?.payloadDigest ?? null,
      expiresAt: ctx.now() + CHALLENGE_TTL_MS,
    },
    { now: ctx.now(), maxOutstanding: MAX_OUTSTANDING_CHALLENGES },
  );
  return new Uint8Array(bytes);
}

/** When the challenge was made (every challenge lives exactly CHALLENGE_TTL_MS). */
export function challengeIssuedAt(record: ChallengeRecord): number {
  return record.expiresAt - CHALLENGE_TTL_MS;
}

function actionChallenge(nonce: Uint8Array, payloadDigest: string): Buffer {
  return createHash('sha256').update(nonce).update(Buffer.from(payloadDigest, 'base64url')).digest();
}

/** The challenge the client signed, read from `clientDataJSON` (400 when unreadable). */
export function challengeOf(response: Record<string, unknown>): string {
  const clientDataJSON = (response.response as Record<string, unknown>).clientDataJSON as string;
  try {
    const clientData = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    if (typeof clientData.challenge === 'string' && clientData.challenge.length <= 128) return clientData.challenge;
  } catch {
    // fall through
  }
  throw invalidRequest('`response.response.clientDataJSON` is not readable client data.');
}

/**
 * Consumes the challenge (one DELETE … RETURNING: single use, live, this user, this purpose),
 * before any verification, so a challenge never gets a second try.
 */
export async function consumeChallenge(ctx: MfaServerContext, userId: string, purpose: ChallengePurpose, challenge: string): Promise<ChallengeRecord> {
  const record = await ctx.store.consumeChallenge(userId, purpose, challenge, ctx.now());
  if (!record) throw new MfaHttpError('passkey_verification_failed', 'The challenge is unknown, expired or already used.');
  if (record.nonce !== null && record.payloadDigest !== null) {
    const expected = actionChallenge(Buffer.from(record.nonce, 'base64url'), record.payloadDigest).toString('base64url');
    if (expected !== record.challenge) throw new MfaHttpError('passkey_verification_failed', 'The challenge does not match its action.');
  }
  return record;
}
