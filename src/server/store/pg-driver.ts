import { createRequire } from 'node:module';

/** What a query answers: rows keyed by column name, and how many rows it touched. */
export interface PgQueryResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

/** One checked-out connection (for a transaction). */
export interface PgPoolClient {
  query(text: string, values?: unknown[]): Promise<PgQueryResult>;
  release(error?: Error | boolean): void;
}

/**
 * The part of a node-postgres `Pool` the store uses. Declared here, so the published types
 * never need `@types/pg`; a `pg.Pool` fits it as is.
 */
export interface PgPool {
  query(text: string, values?: unknown[]): Promise<PgQueryResult>;
  connect(): Promise<PgPoolClient>;
  end(): Promise<void>;
}

interface PgModule {
  Pool: new (config: { connectionString: string; max?: number }) => PgPool & {
    on(event: 'error', listener: (error: Error) => void): unknown;
  };
}

/**
 * Opens a pool with node-postgres (`pg`), an optional peer: it is loaded only when a database
 * URL is given, and its absence is reported as the one command that fixes it.
 */
export function createPgPool(connectionString: string, onIdleError: (error: Error) => void): PgPool {
  let pg: PgModule;
  try {
    pg = createRequire(import.meta.url)('pg') as PgModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error('mfa-kit/server: the PostgreSQL store (`databaseUrl`) needs the pg package. Install it with `npm install pg`, or pass your own `store`.', {
      cause: error,
    });
  }
  const pool = new pg.Pool({ connectionString });
  // An idle connection dropped by the server (a restart, a failover) must not crash the
  // process: node-postgres emits it here, and the next query opens a new connection.
  pool.on('error', onIdleError);
  return pool;
}
