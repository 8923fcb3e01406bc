import type { ChallengePurpose, ChallengeRecord, PasskeyRecord, TotpDeviceRecord } from './mfa-store.js';

/**
 * Row → record mapping for the PostgreSQL store. node-postgres returns BIGINT as a string
 * (it can exceed 2^53); epoch milliseconds and TOTP steps never do, so they become numbers.
 */
export type PgRow = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function pgTotpDevice(row: PgRow): TotpDeviceRecord {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    secretSealed: row.secret_sealed as string,
    createdAt: num(row.created_at),
    verifiedAt: numOrNull(row.verified_at),
    isDefault: row.is_default === true,
    lastStep: numOrNull(row.last_step),
    lastUsedAt: numOrNull(row.last_used_at),
  };
}

export function pgPasskey(row: PgRow): PasskeyRecord {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    credentialId: row.credential_id as string,
    publicKey: new Uint8Array(row.public_key as Buffer),
    counter: num(row.counter),
    transports: JSON.parse(row.transports as string) as string[],
    name: row.name as string,
    createdAt: num(row.created_at),
    lastUsedAt: numOrNull(row.last_used_at),
  };
}

export function pgChallenge(row: PgRow): ChallengeRecord {
  return {
    challenge: row.challenge as string,
    userId: row.user_id as string,
    purpose: row.purpose as ChallengePurpose,
    nonce: (row.nonce as string | null) ?? null,
    mfaAction: (row.mfa_action as string | null) ?? null,
    payloadDigest: (row.payload_digest as string | null) ?? null,
    expiresAt: num(row.expires_at),
  };
}

export { num as pgNumber, numOrNull as pgNumberOrNull };
