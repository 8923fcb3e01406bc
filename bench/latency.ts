/**
 * Open latency in headless Chromium: from the `promptMfaAuth()` call to the code input
 * having focus, beside the same for a bare native modal <dialog> with one input on the same page.
 * Kit and baseline alternate in rounds so that a noisy neighbour hurts both alike.
 * Run: `npm run bench:latency` (part of `npm run bench`).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { build } from 'vite';
import { median, p95 } from './stats.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ROUNDS = 6;
const RUNS_PER_ROUND = 10;

async function buildPage(outDir: string) {
  await build({
    root: here('./latency-page'),
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^mfa-kit\/react\/styles\.css$/, replacement: here('../src/react/styles.css') },
        { find: /^mfa-kit\/react$/, replacement: here('../src/react/index.ts') },
        { find: /^mfa-kit$/, replacement: here('../src/core/index.ts') },
      ],
    },
    build: { outDir, emptyOutDir: true },
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const server = createServer(async (req, res) => {
    const path = req.url === '/' ? '/index.html' : (req.url ?? '/');
    try {
      const body = await readFile(join(dir, path.split('?')[0]!));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, 'localhost', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://localhost:${port}/`, close: () => server.close() });
    }),
  );
}

export async function runLatencyBench() {
  const outDir = here('../test-results/bench-latency-page');
  await buildPage(outDir);
  const site = await serve(outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => 'measureKit' in window);
    // Warm-up: the first opens pay for lazy chunks and JIT; they are not what users repeat.
    await page.evaluate(() => (window as any).measureKit(3));
    await page.evaluate(() => (window as any).measureBaseline(3));
    const kit: number[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      kit.push(...(await page.evaluate((n) => (window as any).measureKit(n), RUNS_PER_ROUND)));
      baseline.push(...(await page.evaluate((n) => (window as any).measureBaseline(n), RUNS_PER_ROUND)));
    }
    console.log(`\nOpen latency, call → code input focused (${kit.length} opens each, headless Chromium)`);
    console.table([
      { what: 'mfa-kit promptMfaAuth()', median: `${median(kit).toFixed(1)} ms`, p95: `${p95(kit).toFixed(1)} ms` },
      { what: 'baseline: bare <dialog> + input', median: `${median(baseline).toFixed(1)} ms`, p95: `${p95(baseline).toFixed(1)} ms` },
      { what: 'ratio kit ÷ baseline', median: (median(kit) / median(baseline)).toFixed(2), p95: (p95(kit) / p95(baseline)).toFixed(2) },
    ]);
    return { kit, baseline };
  } finally {
    await browser.close();
    site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLatencyBench();
