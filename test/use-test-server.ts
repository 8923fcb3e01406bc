/**
 * One fresh server per test: started before each test on its own database, stopped after it
 * even when the test failed. `onStart` sets the test file's own variables (the server, the
 * signed-in sessions, an enrolled secret), so every file keeps its names and its bodies.
 */
import { afterEach, beforeEach } from 'vitest';
import { startTestServer, type TestServer } from './server-harness.js';

type StartOptions = Parameters<typeof startTestServer>[0];

/**
 * `current` names the server to stop when a test may replace it (stop it and start another
 * with other options): then the one the file holds at the end is stopped, not the first.
 */
export function useTestServer(options?: StartOptions, onStart?: (server: TestServer) => Promise<void> | void, current?: () => TestServer): void {
  let server: TestServer | undefined;
  beforeEach(async () => {
    server = await startTestServer(options);
    await onStart?.(server);
  });
  afterEach(async () => {
    await (current?.() ?? server)?.stop();
    server = undefined;
  });
}
