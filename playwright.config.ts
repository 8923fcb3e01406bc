import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 5199);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The end-to-end tests drive the demo wallet exactly as `npm start` serves it: the built
// app and the reference server on one origin, on a fresh SQLite file, in Debian's Chromium.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    // WebAuthn's RP ID is `localhost`: the page must be on localhost, not 127.0.0.1.
    baseURL: `http://localhost:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    video: 'off', // video needs a downloaded ffmpeg, which this network cannot fetch
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node --import tsx demo/serve.ts`,
    env: { PORT: String(PORT), MFA_DATA_DIR: `test-results/e2e-data-${Date.now()}`, MFA_QUIET: '1' },
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
