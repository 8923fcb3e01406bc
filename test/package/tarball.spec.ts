// What `npm install mfa-kit` puts in an app: the tarball's files, its manifest, the lint of
// its exports and types (publint, arethetypeswrong), and its public names.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readPublicApi } from '../../scripts/public-api.mjs';
import { FIXTURES, PACK_INFO, REPO, type PackInfo } from './paths.js';

const pack = (): PackInfo => JSON.parse(readFileSync(PACK_INFO, 'utf8'));
const installed = `${FIXTURES}/vite-react19/node_modules/mfa-kit`;
const manifest = () => JSON.parse(readFileSync(`${installed}/package.json`, 'utf8'));
const bin = (path: string) => `${REPO}node_modules/${path}`;

test('ships the build, the README and the LICENSE, and nothing else', () => {
  const paths = pack().files.map((file) => file.path);
  expect(paths).toEqual(
    expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/core/index.js', 'dist/core/index.d.ts', 'dist/react/styles.css']),
  );
  const stray = paths.filter((path) => !/^(LICENSE|README\.md|package\.json|dist\/.+\.(js|d\.ts|css))$/.test(path));
  expect(stray).toEqual([]);
  expect(paths.filter((path) => /\.test\.|test-support|\/test\//.test(path))).toEqual([]);
});

test('gives a React app only the client dependencies; React, the server libraries and the drivers are peers', () => {
  const { dependencies, peerDependencies, peerDependenciesMeta } = manifest();
  expect(Object.keys(dependencies).sort()).toEqual(['@radix-ui/react-dialog', '@simplewebauthn/browser', 'input-otp', 'lean-qr']);
  for (const peer of ['better-sqlite3', 'pg', 'hono', '@hono/node-server', 'jose', '@simplewebauthn/server', 'otpauth']) {
    expect(peerDependenciesMeta[peer], peer).toEqual({ optional: true });
  }
  expect(peerDependencies.react).toMatch(/18/);
  expect(Object.keys({ ...dependencies, ...peerDependencies })).not.toContain('viem');
});

test('passes publint', () => {
  const output = execFileSync(process.execPath, [bin('publint/src/cli.js'), '--strict', installed], { encoding: 'utf8' });
  expect(output).not.toMatch(/error|warning|suggestion/i);
});

test('passes arethetypeswrong (ESM only: node16 and bundler resolution)', () => {
  // The stylesheet has no types to find; every other entry must resolve to ESM with its types.
  // attw exits non-zero on any problem, which makes execFileSync throw with its report.
  const args = [pack().tarball, '--profile', 'esm-only', '--exclude-entrypoints', './react/styles.css', '--format', 'ascii'];
  const report = execFileSync(process.execPath, [bin('@arethetypeswrong/cli/dist/index.js'), ...args], { encoding: 'utf8' });
  expect(report.split('\n').filter((line) => line.includes('💀') && !line.includes('(ignored'))).toEqual([]);
});

test('exports exactly the names recorded in api/public-api.json', () => {
  const recorded = JSON.parse(readFileSync(`${REPO}api/public-api.json`, 'utf8'));
  expect(readPublicApi(installed)).toEqual(recorded);
});

test('mfa-kit/react re-exports every name of mfa-kit, so an app can import from either', () => {
  const api = readPublicApi(installed);
  const [core, react] = [api['mfa-kit']!, api['mfa-kit/react']!];
  expect(react.values).toEqual(expect.arrayContaining(core.values));
  expect(react.types).toEqual(expect.arrayContaining(core.types));
});

/** Every module file of the build, with the bare package names it imports. */
function modules(dir = `${installed}/dist`): { file: string; code: string; imports: string[] }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const code = readFileSync(`${dir}/${file}`, 'utf8');
      const imports = [...code.matchAll(/(?:from|import)\s*\(?\s*"([^".][^"]*)"/g)].map((match) => match[1]!);
      return { file, code, imports };
    });
}

test('keeps "use client" on each module that runs React, and off the core, the strings and the server', () => {
  for (const { file, code, imports } of modules()) {
    const usesReact = imports.some(
      (name) => name === 'react' || name.startsWith('react/') || name === 'react-dom' || name.startsWith('@radix-ui/') || name === 'input-otp',
    );
    const marked = /^"use client";/.test(code);
    if (usesReact) expect(marked, file).toBe(true);
    if (!file.startsWith('react/') || file.startsWith('react/strings/')) expect(marked, file).toBe(false);
  }
});

test('mfa-kit/server loads no browser or React code, and its types need no driver types', () => {
  const byFile = new Map(modules().map((module) => [module.file, module]));
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const module = byFile.get(file)!;
    for (const match of module.code.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]*)"/g)) {
      const parts = [...file.split('/').slice(0, -1), ...match[1]!.split('/')];
      const resolved: string[] = [];
      for (const part of parts) {
        if (part === '..') resolved.pop();
        else if (part !== '.') resolved.push(part);
      }
      visit(resolved.join('/'));
    }
    for (const name of module.imports) bare.add(name);
  };
  visit('server/index.js');
  expect([...seen].filter((file) => !file.startsWith('server/') && !file.startsWith('protocol/'))).toEqual([]);
  expect([...bare].filter((name) => /react|@simplewebauthn\/browser|input-otp|@radix-ui|lean-qr/.test(name))).toEqual([]);
  const declarations = readdirSync(`${installed}/dist/server`, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts'));
  for (const file of declarations)
    expect(readFileSync(`${installed}/dist/server/${file}`, 'utf8'), file).not.toMatch(/(from |import\()['"](better-sqlite3|pg)['"]/);
});
