/**
 * Global setup of the package checks: pack the kit as it is published, install the tarball
 * into small real apps the way `npm install ./mfa-kit-x.tgz` does (unpacked into each app's
 * `node_modules/mfa-kit`; every other package resolves from the repo's own devDependencies,
 * except React 18, which its app installs), build them, and start the servers the browser
 * tests talk to. Nothing here reaches into `src/`: the apps see only the tarball.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { FIXTURES, NEXT_PORT, NEXT_URL, OUT, PACK_INFO, PAGES, REPO, SERVER_PORT, SERVER_URL, type PackInfo } from './paths.js';

const bin = (path: string) => `${REPO}node_modules/${path}`;

function step<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`[package] ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[command, ...args].join(' ')} failed in ${cwd}:\n${stdout}${stderr}`);
  }
}

function pack(): PackInfo {
  // `npm pack` runs `prepack`, i.e. the build: the tarball is made exactly as `npm publish` makes it.
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', OUT], REPO)) as [
    { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] },
  ];
  const packed: PackInfo = { tarball: `${OUT}/${info!.filename}`, size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files };
  writeFileSync(PACK_INFO, JSON.stringify(packed, null, 2));
  return packed;
}

function install(app: string, tarball: string) {
  const target = `${FIXTURES}/${app}/node_modules/mfa-kit`;
  mkdirSync(target, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], REPO);
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within a minute:\n${output()}`);
}

function start(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

export default async function prepare() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(PAGES, { recursive: true });
  const { tarball } = step('npm pack (builds dist/)', pack);

  cpSync(`${REPO}test/fixtures`, FIXTURES, { recursive: true });
  step('React 18 app: npm install react@18 react-dom@18', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'], `${FIXTURES}/react18`),
  );
  for (const app of ['node-server', 'vite-react19', 'react18', 'next-app']) install(app, tarball);

  for (const [app, page] of [
    ['vite-react19', 'vite19'],
    ['react18', 'react18'],
  ] as const) {
    step(`${app}: vite build`, () => run(process.execPath, [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], `${FIXTURES}/${app}`));
    cpSync(`${FIXTURES}/${app}/dist`, `${PAGES}/${page}`, { recursive: true });
  }
  step('next-app: next build', () =>
    run(process.execPath, [bin('next/dist/bin/next'), 'build'], `${FIXTURES}/next-app`, { NEXT_TELEMETRY_DISABLED: '1', MFA_API_ORIGIN: SERVER_URL }),
  );

  const server = start(process.execPath, ['server.mjs'], `${FIXTURES}/node-server`, { PORT: String(SERVER_PORT), FIXTURE_PAGES: PAGES });
  const next = start(process.execPath, [bin('next/dist/bin/next'), 'start', '-p', String(NEXT_PORT)], `${FIXTURES}/next-app`, {
    NEXT_TELEMETRY_DISABLED: '1',
    MFA_API_ORIGIN: SERVER_URL,
  });
  try {
    await waitFor(`${SERVER_URL}/.well-known/jwks.json`, server.child, server.output);
    await waitFor(NEXT_URL, next.child, next.output);
  } catch (error) {
    server.child.kill();
    next.child.kill();
    throw error;
  }
  return async () => {
    server.child.kill('SIGTERM');
    next.child.kill('SIGTERM');
  };
}
