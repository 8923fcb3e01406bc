/**
 * The stores the contract suite runs against. Each fixture opens "instances": SQLite has one
 * (one process owns the file); PostgreSQL has two separate stores with their own connection
 * pools on one database, as two server processes would, so every race in the suite is run
 * across instances.
 */
import { randomUUID } from 'node:crypto';
import { PostgresMfaStore, SqliteMfaStore, type MfaStore, type PasskeyRecord, type TotpDeviceRecord } from 'mfa-kit/server';
import { createTestDatabase, postgresUrl } from './postgres-test-database.js';

export interface StoreFixture {
  name: 'sqlite' | 'postgres';
  /** Null when this store cannot be had here (PostgreSQL not installed); its tests are skipped. */
  available: boolean;
  open(): Promise<MfaStore[]>;
}

export function storeFixtures(): StoreFixture[] {
  const pgAdmin = postgresUrl();
  let database: Promise<string> | undefined;
  return [
    { name: 'sqlite', available: true, open: async () => [new SqliteMfaStore(':memory:')] },
    {
      name: 'postgres',
      available: pgAdmin !== null,
      open: async () => {
        database ??= createTestDatabase(pgAdmin!, 'mfa_contract');
        const url = await database;
        return Promise.all([PostgresMfaStore.open({ databaseUrl: url }), PostgresMfaStore.open({ databaseUrl: url })]);
      },
    },
  ];
}

/** A user id no other test uses, so tests can share one database. */
export const freshUser = () => `user-${randomUUID()}`;

/** The clock of the store tests: every record below is made at this instant unless told otherwise. */
export const STORE_NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

/** An unverified, non-default TOTP device of `userId`; `overrides` set what a test is about. */
export const totpDeviceRecord = (userId: string, overrides: Partial<TotpDeviceRecord> = {}): TotpDeviceRecord => ({
  id: randomUUID(),
  userId,
  secretSealed: 'sealed',
  createdAt: STORE_NOW,
  verifiedAt: null,
  isDefault: false,
  lastStep: null,
  lastUsedAt: null,
  ...overrides,
});

/** A passkey of `userId` with its own credential id and a counter of 0. */
export const passkeyRecord = (userId: string, overrides: Partial<PasskeyRecord> = {}): PasskeyRecord => {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    userId,
    credentialId: `c-${id}`,
    publicKey: new Uint8Array([1]),
    counter: 0,
    transports: [],
    name: 'k',
    createdAt: STORE_NOW,
    lastUsedAt: null,
    ...overrides,
  };
};
