import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** One file per public entry point; `package.json#exports` maps each to its `dist/` twin. */
export const LIBRARY_ENTRIES = {
  'core/index': src('core/index.ts'),
  'react/index': src('react/index.ts'),
  'react/strings/de': src('react/strings/de.ts'),
  'server/index': src('server/index.ts'),
  'testing/index': src('testing/index.ts'),
};

/**
 * The package's names, pointed at the sources: the repo's demo, stories, benchmarks and
 * tests import the kit as an app does, by its published names.
 */
export const SOURCE_ALIASES = [
  { find: /^mfa-kit\/react\/styles\.css$/, replacement: src('react/styles.css') },
  { find: /^mfa-kit\/react\/strings\/de$/, replacement: src('react/strings/de.ts') },
  { find: /^mfa-kit\/react$/, replacement: src('react/index.ts') },
  { find: /^mfa-kit\/server$/, replacement: src('server/index.ts') },
  { find: /^mfa-kit\/testing$/, replacement: src('testing/index.ts') },
  { find: /^mfa-kit$/, replacement: src('core/index.ts') },
];

/** Every dependency and peer stays an import: the app's bundler (or Node) resolves it once. */
const externalPackages = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)];
const isExternal = (id: string) =>
  id.startsWith('node:') || builtinModules.includes(id) || externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

const USE_CLIENT = /^\s*['"]use client['"];?/;

/**
 * Keeps `"use client"` on each module whose source starts with it (every module that runs
 * React). Bundlers drop module-level directives; with one output file per source module the
 * directive can be put back on exactly the files that had it, and on no others (the strings
 * and the core stay importable from a React Server Component).
 */
function keepUseClient(): Plugin {
  const clientModules = new Set<string>();
  return {
    name: 'mfa-kit:keep-use-client',
    transform(code, id) {
      if (USE_CLIENT.test(code)) clientModules.add(id);
      return null;
    },
    renderChunk(code, chunk) {
      const ids = chunk.moduleIds ?? Object.keys(chunk.modules ?? {});
      if (!ids.some((id) => clientModules.has(id)) || USE_CLIENT.test(code)) return null;
      return { code: `'use client';\n${code}`, map: null };
    },
  };
}

/** `mfa-kit/react/styles.css` ships as written: plain CSS with custom properties, no build step. */
function copyStyles(): Plugin {
  return {
    name: 'mfa-kit:copy-styles',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'react/styles.css', source: readFileSync(src('react/styles.css'), 'utf8') });
    },
  };
}

/**
 * The one build: library mode writes every entry to `dist/` as ESM, one file per source
 * module, so a module shared by two entries (the mounted provider's state) exists once.
 * Declarations come from `tsc -p tsconfig.build.json` beside it (`npm run build`).
 */
export default defineConfig({
  plugins: [react(), keepUseClient(), copyStyles()],
  resolve: { alias: SOURCE_ALIASES },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Readable ESM, no maps: the app's bundler minifies, and a stack trace reads as the source.
    sourcemap: false,
    minify: false,
    target: 'es2022',
    copyPublicDir: false,
    lib: { entry: LIBRARY_ENTRIES, formats: ['es'] },
    rolldownOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: src(''),
        entryFileNames: '[name].js',
      },
    },
  },
});
