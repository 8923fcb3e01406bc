/**
 * Bundle size of each entry, minified then gzip (level 9) and brotli (quality 11), beside
 * the floor for this UI (Radix Dialog with one input-otp field) bundled the same way.
 * React and react-dom are external, as they are in every app that uses the kit; the row
 * "beside Radix + input-otp" also leaves those two out: what the kit costs an app that
 * already ships them (shadcn's dialog, say).
 *
 * Two figures per entry: everything it can ever load (one bundle, dynamic imports inlined,
 * which is how size-limit counts), and what a page loads up front (code splitting on: the
 * entry and its static imports, without the chunks loaded on demand — the QR code library
 * of TOTP enrollment, enrollment itself, the German strings).
 * Run: `npm run bench:size` (part of `npm run bench`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';

interface Entry {
  name: string;
  contents: string;
  platform: 'browser' | 'node';
  /** Packages the app already has, beyond React. */
  external?: string[];
}

const PROMPT_PATH = `export { MfaProvider, usePromptMfaAuth } from './dist/react/index.js';`;

const ROOT = new URL('..', import.meta.url).pathname;

export const SIZE_ENTRIES: Entry[] = [
  { name: 'floor: Radix Dialog + input-otp', contents: `export { Floor } from './bench/fixtures/radix-otp-floor.tsx';`, platform: 'browser' },
  { name: 'prompt path { MfaProvider, usePromptMfaAuth }', contents: PROMPT_PATH, platform: 'browser' },
  {
    name: 'prompt path beside Radix + input-otp',
    contents: PROMPT_PATH,
    platform: 'browser',
    external: ['@radix-ui/react-dialog', 'input-otp'],
  },
  { name: 'mfa-kit/react (whole entry)', contents: `export * from './dist/react/index.js';`, platform: 'browser' },
  { name: 'mfa-kit (core alone)', contents: `export * from './dist/core/index.js';`, platform: 'browser' },
  { name: 'mfa-kit/server', contents: `export * from './dist/server/index.js';`, platform: 'node' },
];

export interface SizeFigure {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** gzip of what a page loads up front (code splitting on; each file compressed alone). */
  eagerGzipBytes: number;
}

const COMMON: BuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  logLevel: 'silent',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // React is the app's; better-sqlite3 is a native addon that no bundler can inline.
  external: ['react', 'react-dom', 'react/jsx-runtime', 'better-sqlite3'],
};

const externals = (entry: Entry) => [...COMMON.external!, ...(entry.external ?? [])];

const gzip = (code: Uint8Array) => gzipSync(code, { level: 9 }).length;

/**
 * gzip of the entry chunk and every chunk it imports statically, transitively, as Vite builds
 * an app (Rolldown, code splitting on). Not esbuild's splitting: it assigns a module that the
 * entry's barrel re-exports to the entry's chunks even when no re-exported name is used, so it
 * counts on-demand parts (the action summaries, say) as loaded up front.
 */
async function measureEager(entry: Entry): Promise<number> {
  const dir = join(ROOT, 'test-results', 'bench-size');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${entry.name.replace(/[^a-z0-9]+/gi, '-')}.tsx`);
  writeFileSync(file, entry.contents.replaceAll("'./", `'${ROOT}`));
  const output = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: true, target: 'es2022', lib: { entry: file, formats: ['es'] }, rollupOptions: { external: externals(entry) } },
  });
  const chunks = (Array.isArray(output) ? output[0]! : (output as { output: unknown[] })).output.filter(
    (out): out is { type: 'chunk'; fileName: string; code: string; imports: string[]; isEntry: boolean } => (out as { type: string }).type === 'chunk',
  );
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const imported of byName.get(name)!.imports) visit(imported);
  };
  visit(chunks.find((chunk) => chunk.isEntry)!.fileName);
  let bytes = 0;
  for (const name of seen) bytes += gzip(Buffer.from(byName.get(name)!.code));
  return bytes;
}

export async function measureSize(entry: Entry): Promise<SizeFigure> {
  const result = await build({
    ...COMMON,
    external: externals(entry),
    stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' },
    platform: entry.platform,
    write: false,
  });
  const code = Buffer.concat(result.outputFiles.map((file) => Buffer.from(file.contents)));
  return {
    name: entry.name,
    minifiedBytes: code.length,
    gzipBytes: gzip(code),
    brotliBytes: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    // A Node entry is not split (the server loads what it needs at start): all of it is up front.
    eagerGzipBytes: entry.platform === 'node' ? gzip(code) : await measureEager(entry),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function runSizeBench(): Promise<SizeFigure[]> {
  const figures = [];
  for (const entry of SIZE_ENTRIES) figures.push(await measureSize(entry));
  const floor = figures[0]!;
  console.log('\nSize (all it can load: minified, gzip -9, brotli q11; loaded up front: gzip; ratios to the floor)');
  console.table(
    figures.map((f) => ({
      entry: f.name,
      minified: kB(f.minifiedBytes),
      gzip: kB(f.gzipBytes),
      brotli: kB(f.brotliBytes),
      'gzip ÷ floor': (f.gzipBytes / floor.gzipBytes).toFixed(2),
      'up front, gzip': kB(f.eagerGzipBytes),
      'up front ÷ floor': (f.eagerGzipBytes / floor.eagerGzipBytes).toFixed(2),
    })),
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await runSizeBench();
