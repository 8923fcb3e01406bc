// Plain Node (no TypeScript, no tsx) on the installed tarball: the reference server answers,
// both client entries share one module graph, and a missing driver is named in a sentence.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES, REPO, SERVER_URL } from './paths.js';

const nodeEval = (cwd: string, code: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('the server started from mfa-kit/server with plain node publishes its ES256 key', async () => {
  const response = await fetch(`${SERVER_URL}/.well-known/jwks.json`);
  expect(response.status).toBe(200);
  const { keys } = (await response.json()) as { keys: { kty: string; crv: string; alg: string; kid: string; d?: string }[] };
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  expect(keys[0]!.d).toBeUndefined();
});

test('mfa-kit and mfa-kit/react hand out the very same prompt, token store access and error classes', () => {
  const out = nodeEval(
    `${FIXTURES}/vite-react19`,
    `const core = await import('mfa-kit'); const react = await import('mfa-kit/react');
     const same = ['promptMfaAuth', 'getElevatedAccessToken', 'fetchWithElevatedAccess', 'MfaError', 'MfaCancelledError', 'TokenScope'].every((name) => core[name] === react[name]);
     const refused = await core.promptMfaAuth().catch((error) => error.code);
     console.log(JSON.stringify({ same, refused }));`,
  );
  expect(JSON.parse(out)).toEqual({ same: true, refused: 'mfa_provider_not_mounted' });
});

test('importing the enums on the server does not need a browser', () => {
  const out = nodeEval(
    `${FIXTURES}/node-server`,
    `const { TokenScope, MFAAction } = await import('mfa-kit/server'); console.log(TokenScope.Walletexport, MFAAction.WalletWaasSign);`,
  );
  expect(out.trim()).toBe('wallet:export wallet.waas.sign');
});

/**
 * Starts `createMfaServer(options)` in an app folder outside the repo that has the tarball and
 * the server libraries but no database driver; returns what the process printed on failure.
 */
function startWithoutDrivers(options: string): string {
  const app = mkdtempSync(join(tmpdir(), 'mfa-kit-no-driver-'));
  try {
    // A copy, not a link: Node resolves a linked package from its real path, inside the repo.
    cpSync(`${FIXTURES}/node-server/node_modules/mfa-kit`, join(app, 'node_modules', 'mfa-kit'), { recursive: true });
    // The server libraries it imports; each resolves its own dependencies from where it really is.
    for (const name of ['hono', '@hono/node-server', 'jose', 'otpauth', '@simplewebauthn/server']) {
      mkdirSync(join(app, 'node_modules', name, '..'), { recursive: true });
      symlinkSync(`${REPO}node_modules/${name}`, join(app, 'node_modules', name));
    }
    try {
      nodeEval(app, `const { createMfaServer } = await import('mfa-kit/server'); await createMfaServer({ ${options}, authenticate: () => null });`);
      return '';
    } catch (error) {
      return String((error as { stderr?: string }).stderr);
    }
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

test('without better-sqlite3, createMfaServer stops with a sentence naming the package to install', () => {
  expect(startWithoutDrivers(`databasePath: ':memory:'`)).toContain('needs the better-sqlite3 package. Install it with `npm install better-sqlite3`');
});

test('without pg, a databaseUrl stops the start with a sentence naming the package to install', () => {
  expect(startWithoutDrivers(`databaseUrl: 'postgres://127.0.0.1:1/none'`)).toContain('needs the pg package. Install it with `npm install pg`');
});
