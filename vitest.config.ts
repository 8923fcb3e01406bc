import { defineConfig } from 'vitest/config';

// One config, one project per environment: the server and protocol run in Node, the
// client core and the React kit in jsdom. Browser projects (stories) join in later.
export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/protocol/**/*.test.ts', 'src/server/**/*.test.ts', 'src/testing/**/*.test.ts'],
          // better-sqlite3 is native: forks keep each test file's database in its own process.
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['src/core/**/*.test.ts', 'src/react/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup-dom.ts'],
        },
      },
    ],
  },
});
