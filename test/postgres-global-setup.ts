/**
 * Vitest globalSetup of the server project: one throwaway PostgreSQL cluster for the whole
 * run, its URL handed to the tests (`inject('postgresUrl')`), stopped and removed at the end.
 * Without PostgreSQL the PostgreSQL tests are skipped after one line saying so — except under
 * CI, which always has it (`.ci/run` installs it), where a missing cluster fails the run.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  try {
    cluster = await startPostgresCluster();
    project.provide('postgresUrl', cluster.url);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    if (process.env.CI === 'true') throw new Error(`CI must run the PostgreSQL tests, but ${reason}`, { cause: error });
    console.log(`PostgreSQL unavailable (${reason}): skipping the PostgreSQL store tests.`);
    project.provide('postgresUrl', null);
  }
}

export function teardown(): void {
  cluster?.stop();
}
