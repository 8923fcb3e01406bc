import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The package as users receive it: `npm pack`, then small real apps (Vite + React 19,
// React 18, Next.js App Router, plain Node) that install the tarball and are driven in
// Debian's Chromium against the reference server started from the tarball.
export default defineConfig({
  testDir: 'test/package',
  outputDir: 'test-results/package-results',
  globalSetup: './test/package/prepare.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    video: 'off',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
