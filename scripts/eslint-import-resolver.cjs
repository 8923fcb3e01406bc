'use strict';
/**
 * The import resolver the boundary rules use (eslint-module-utils interface v2). It resolves
 * what TypeScript's `moduleResolution: "Bundler"` and the repo's aliases resolve: the kit's
 * published names to their sources in src/ (as tsconfig `paths` and vite's SOURCE_ALIASES
 * do), and `./x.js` to `./x.ts` or `./x.tsx`. A wrong-way import is then caught by the file
 * it reaches, whether it is written as a relative path or as `mfa-kit/…`.
 */
const { existsSync, statSync } = require('node:fs');
const { builtinModules, createRequire } = require('node:module');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const KIT_NAMES = {
  'mfa-kit': 'src/core/index.ts',
  'mfa-kit/react': 'src/react/index.ts',
  'mfa-kit/react/strings/de': 'src/react/strings/de.ts',
  'mfa-kit/react/styles.css': 'src/react/styles.css',
  'mfa-kit/server': 'src/server/index.ts',
  'mfa-kit/testing': 'src/testing/index.ts',
};
// An ESM import names the file it will load once compiled; the source beside it is TypeScript.
const SOURCE_TWINS = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

const isFile = (candidate) => existsSync(candidate) && statSync(candidate).isFile();

function resolveLocal(target) {
  const extension = path.extname(target);
  const twins = (SOURCE_TWINS[extension] ?? []).map((twin) => target.slice(0, -extension.length) + twin);
  const candidates = [target, ...twins, `${target}.ts`, `${target}.tsx`, path.join(target, 'index.ts'), path.join(target, 'index.tsx')];
  return candidates.find(isFile) ?? null;
}

exports.interfaceVersion = 2;

exports.resolve = function resolve(source, file) {
  const bare = source.replace(/^node:/, '');
  if (source.startsWith('node:') || builtinModules.includes(bare)) return { found: true, path: null };
  if (source in KIT_NAMES) return { found: true, path: path.join(ROOT, KIT_NAMES[source]) };
  if (source.startsWith('.') || path.isAbsolute(source)) {
    const resolved = resolveLocal(path.resolve(path.dirname(file), source));
    return resolved ? { found: true, path: resolved } : { found: false };
  }
  try {
    return { found: true, path: createRequire(file).resolve(source) };
  } catch {
    // ESM-only packages have no `require` condition; they are external either way.
    return { found: false };
  }
};
