import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { SOURCE_ALIASES } from './vite.config.js';

/** Debian's Chromium (never a downloaded one: this network cannot fetch it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// One config, one project per environment: the server and protocol run in Node, the
// client core in Node too (no DOM), the React kit in jsdom, and every story in real Chromium.
export default defineConfig({
  resolve: { alias: SOURCE_ALIASES },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/protocol/**/*.test.ts', 'src/server/**/*.test.ts', 'src/testing/**/*.test.ts', 'drills/**/*.drill.test.ts', 'demo/**/*.test.ts'],
          // better-sqlite3 is native: forks keep each test file's database in its own process.
          pool: 'forks',
          testTimeout: 20_000,
          // One throwaway PostgreSQL cluster for the run (the PostgreSQL store's tests).
          globalSetup: ['./test/postgres-global-setup.ts'],
        },
      },
      {
        // The core is framework-free and must run without a DOM (a React Native app, a worker,
        // a server-rendered page): its tests run in plain Node, so a stray `document` fails.
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['src/core/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['src/react/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup-dom.ts'],
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
