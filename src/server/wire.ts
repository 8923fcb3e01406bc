import type { Passkey, TotpDevice } from '../protocol/index.js';
import type { PasskeyRecord, TotpDeviceRecord } from './store/mfa-store.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toTotpDevice(record: TotpDeviceRecord): TotpDevice {
  return { id: record.id, createdAt: iso(record.createdAt)!, isDefault: record.isDefault, lastUsedAt: iso(record.lastUsedAt) };
}

export function toPasskey(record: PasskeyRecord): Passkey {
  return { id: record.id, name: record.name, createdAt: iso(record.createdAt)!, lastUsedAt: iso(record.lastUsedAt) };
}
