/**
 * Open latency in headless Chromium: from the `promptMfaAuth()` call to the code input
 * having focus, beside the same for two baselines on the same page: a bare native modal
 * <dialog> with one input, and a bare Radix Dialog with one input. Kit and baselines alternate
 * in rounds so that a noisy neighbour hurts all alike.
 *
 * Then the kit over its real HTTP client (`apiBaseUrl: '/mfa'`, answered by this file's
 * server with one enrolled TOTP device), in rounds alternating no added latency with 100 ms
 * injected by Playwright on every `/mfa/*` request: the methods are loaded when the provider
 * mounts, so an open should cost no request, and the two figures should match. The requests
 * made during the opens are counted.
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
const INJECTED_LATENCY_MS = 100;

/** What the bench's `/mfa` answers: one default TOTP device (as the in-page API does). */
const METHODS = {
  totpDevices: [{ id: 'device-1', createdAt: new Date(0).toISOString(), isDefault: true, lastUsedAt: null }],
  passkeys: [],
  recoveryCodes: { remaining: 10, acknowledged: true },
  userHasVerifiedMfaMethods: true,
};

function mfaAnswer(method: string, path: string): [number, unknown] {
  if (method === 'GET' && path === '/mfa/methods') return [200, METHODS];
  if (method === 'POST' && path === '/mfa/actions/required') return [200, { required: true }];
  return [404, { error: { code: 'not_found', message: 'Not part of the bench.' } }];
}

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
    const path = req.url === '/' || req.url?.startsWith('/?') ? '/index.html' : (req.url ?? '/');
    if (path.startsWith('/mfa/')) {
      const [status, body] = mfaAnswer(req.method ?? 'GET', path.split('?')[0]!);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
      return;
    }
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
    await page.evaluate(() => (window as any).measureRadix(3));
    const kit: number[] = [];
    const baseline: number[] = [];
    const radix: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      kit.push(...(await page.evaluate((n) => (window as any).measureKit(n), RUNS_PER_ROUND)));
      baseline.push(...(await page.evaluate((n) => (window as any).measureBaseline(n), RUNS_PER_ROUND)));
      radix.push(...(await page.evaluate((n) => (window as any).measureRadix(n), RUNS_PER_ROUND)));
    }
    await page.close();

    // The kit over HTTP: the same page with the real client, latency toggled per round.
    const httpPage = await browser.newPage();
    let delayMs = INJECTED_LATENCY_MS;
    let counting = false;
    let requestsDuringOpens = 0;
    const requestPaths = new Map<string, number>();
    await httpPage.route('**/mfa/**', async (route) => {
      if (counting) {
        requestsDuringOpens++;
        const what = `${route.request().method()} ${new URL(route.request().url()).pathname}`;
        requestPaths.set(what, (requestPaths.get(what) ?? 0) + 1);
      }
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      await route.continue();
    });
    const mountedAt = Date.now();
    const methodsLoaded = httpPage.waitForResponse((response) => response.url().endsWith('/mfa/methods'));
    await httpPage.goto(`${site.url}?api=http`);
    await methodsLoaded;
    const methodsAfterMs = Date.now() - mountedAt;
    await httpPage.evaluate(() => (window as any).measureKit(3));
    const http: number[] = [];
    const httpDelayed: number[] = [];
    counting = true;
    for (let round = 0; round < ROUNDS; round++) {
      delayMs = 0;
      http.push(...(await httpPage.evaluate((n) => (window as any).measureKit(n), RUNS_PER_ROUND)));
      delayMs = INJECTED_LATENCY_MS;
      httpDelayed.push(...(await httpPage.evaluate((n) => (window as any).measureKit(n), RUNS_PER_ROUND)));
    }
    counting = false;

    const row = (what: string, samples: number[], base?: number[]) => ({
      what,
      median: `${median(samples).toFixed(1)} ms`,
      p95: `${p95(samples).toFixed(1)} ms`,
      '÷ Radix (median)': base ? (median(samples) / median(base)).toFixed(2) : '',
    });
    console.log(`\nOpen latency, call → code input focused (${kit.length} opens each, headless Chromium)`);
    console.table([
      row('mfa-kit promptMfaAuth(), in-page API (the kit alone)', kit, radix),
      row('mfa-kit promptMfaAuth(), HTTP client, no added latency', http, radix),
      row(`mfa-kit promptMfaAuth(), HTTP client, +${INJECTED_LATENCY_MS} ms on /mfa/*`, httpDelayed, radix),
      row('baseline: bare Radix Dialog + input', radix),
      row('baseline: bare <dialog> + input', baseline, radix),
    ]);
    console.log(
      `Over HTTP: the methods arrived ${methodsAfterMs} ms after navigation (with +${INJECTED_LATENCY_MS} ms); ` +
        `${requestsDuringOpens} /mfa request(s) were made during the ${http.length + httpDelayed.length} measured opens and closes` +
        (requestsDuringOpens ? ` (${[...requestPaths].map(([what, n]) => `${what} ×${n}`).join(', ')}).` : '.'),
    );
    return { kit, baseline, radix, http, httpDelayed, requestsDuringOpens, requestPaths: Object.fromEntries(requestPaths), methodsAfterMs };
  } finally {
    await browser.close();
    site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLatencyBench();
