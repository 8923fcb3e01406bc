import type { PasskeyRecord, SecurityEventRecord, TotpDeviceRecord } from './mfa-store.js';

/** Row → record mapping for the SQLite store (snake_case columns, 0/1 booleans). */
export type Row = Record<string, unknown>;

export function toTotpDevice(row: Row): TotpDeviceRecord {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    secretSealed: row.secret_sealed as string,
    createdAt: row.created_at as number,
    verifiedAt: (row.verified_at as number | null) ?? null,
    isDefault: row.is_default === 1,
    lastStep: (row.last_step as number | null) ?? null,
    lastUsedAt: (row.last_used_at as number | null) ?? null,
  };
}

export function toPasskey(row: Row): PasskeyRecord {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    credentialId: row.credential_id as string,
    publicKey: new Uint8Array(row.public_key as Buffer),
    counter: row.counter as number,
    transports: JSON.parse(row.transports as string) as string[],
    name: row.name as string,
    createdAt: row.created_at as number,
    lastUsedAt: (row.last_used_at as number | null) ?? null,
  };
}

export function toSecurityEvent(row: Row): SecurityEventRecord {
  return {
    id: row.id as string,
    userId: row.user_id as string,
    sessionId: row.session_id as string,
    type: row.type as string,
    at: Number(row.at),
    ipAddress: (row.ip_address as string | null) ?? null,
    userAgent: (row.user_agent as string | null) ?? null,
    details: row.details as string,
  };
}
