/**
 * A throwaway PostgreSQL cluster for tests, drills and benchmarks: `initdb` in a temp folder,
 * started on a free loopback port with trust auth, removed afterwards. PostgreSQL refuses to
 * run as root, so when this process is root the binaries run as the `postgres` user
 * (`runuser`), on a folder handed to that user.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `PG_BIN` names the one folder to use; otherwise Debian's, newest first. */
const PG_BIN_CANDIDATES = process.env.PG_BIN
  ? [process.env.PG_BIN]
  : ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  url: string;
  port: number;
  /** A URL for a fresh, empty database of its own on this cluster. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** Where initdb and pg_ctl live, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  return PG_BIN_CANDIDATES.find((dir) => existsSync(join(dir, 'initdb')));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function ownerIds(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Starts a cluster; throws with the reason when it cannot (no binaries, no postgres user…). */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`no initdb in ${process.env.PG_BIN ?? '/usr/lib/postgresql/*/bin'}`);
  const root = mkdtempSync(join(tmpdir(), 'mfa-kit-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = root;
  const asRoot = process.getuid?.() === 0;
  const run = (file: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, file), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, file), args, { stdio: 'pipe' });
  if (asRoot) {
    const { uid, gid } = ownerIds('postgres');
    chownSync(root, uid, gid);
  }
  const port = await freePort();
  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', [
      '-D',
      dataDir,
      '-w',
      '-l',
      join(root, 'postgres.log'),
      '-o',
      `-k ${socketDir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
      'start',
    ]);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`PostgreSQL cluster did not start${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  // pg_ctl detaches the server: a run that ends without calling stop() must not leave it behind.
  const stopOnExit = () => cluster.stop();
  process.once('exit', stopOnExit);
  const cluster: PostgresCluster = {
    url,
    port,
    async createDatabase(name) {
      const { Client } = (await import('pg')).default;
      const admin = new Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopOnExit);
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
  return cluster;
}
