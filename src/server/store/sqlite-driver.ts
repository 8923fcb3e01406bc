import { createRequire } from 'node:module';

/** The part of better-sqlite3's statement the store uses. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/**
 * The part of a better-sqlite3 database the store (and an app adding its own tables beside
 * the kit's) uses. Declared here, so the published types never need better-sqlite3's.
 */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(source: string): unknown;
  /** `fn` in BEGIN … COMMIT; `.immediate` begins with BEGIN IMMEDIATE, taking the write lock first. */
  transaction<F extends (...args: never[]) => unknown>(fn: F): F & { immediate: F };
  close(): unknown;
  readonly open: boolean;
}

type SqliteConstructor = new (path: string) => SqliteDatabase;

/**
 * Opens a database with better-sqlite3, an optional peer: it is loaded only when the embedded
 * store is used, and its absence is reported as the one command that fixes it.
 */
export function openSqliteDatabase(path: string): SqliteDatabase {
  let Database: SqliteConstructor;
  try {
    Database = createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'mfa-kit/server: the embedded SQLite store needs the better-sqlite3 package. Install it with `npm install better-sqlite3`, or pass your own `store`.',
      { cause: error },
    );
  }
  return new Database(path);
}
