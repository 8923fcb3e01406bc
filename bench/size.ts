/**
 * Bundle size of each entry, minified then gzip (level 9) and brotli (quality 11), beside
 * the floor for this UI (Radix Dialog with one input-otp field) bundled the same way.
 * React and react-dom are external, as they are in every app that uses the kit; the row
 * "beside Radix + input-otp" also leaves those two out: what the kit costs an app that
 * already ships them (shadcn's dialog, say).
 *
 * Two figures per entry: everything it can ever load (one bundle, dynamic imports inlined,
 * which is how size-limit counts), and what a page loads up front (a Vite app build, code
 * splitting on: the entry and its static imports, without the chunks loaded on demand — the
 * QR code library of TOTP enrollment, enrollment itself, the German strings).
 * Run: `npm run bench:size` (part of `npm run bench`); `npm run build && tsx bench/size.ts
 * --breakdown [row]` ranks the modules of one row's up-front chunks.
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

interface AppChunk {
  fileName: string;
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
  moduleIds: string[];
}

/**
 * The chunks Vite makes of `entry` when it builds an app (Rolldown, code splitting on, minified
 * as an app is: not library mode, which keeps the whitespace), and the names of those a page
 * loads up front: the entry chunk and every chunk it imports statically, transitively. Not
 * esbuild's splitting: it assigns a module that the entry's barrel re-exports to the entry's
 * chunks even when no re-exported name is used, so it counts on-demand parts (the action
 * summaries, say) as loaded up front. `perModule` gives each module a chunk of its own.
 */
async function buildApp(entry: Entry, perModule = false): Promise<{ chunks: AppChunk[]; upFront: Set<string> }> {
  const dir = join(ROOT, 'test-results', 'bench-size');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${entry.name.replace(/[^a-z0-9]+/gi, '-')}.tsx`);
  writeFileSync(file, entry.contents.replaceAll("'./", `'${ROOT}`));
  const output = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      // The entry keeps its exports, as an app's module that uses them would, and may export
      // more, as an app's entry chunk may: Vite builds an app with `preserveEntrySignatures:
      // false`, so the modules an on-demand chunk shares with the page stay in the entry chunk.
      // `'strict'` split each of them into a chunk of its own, gzipped alone, which no app ships.
      rollupOptions: {
        input: file,
        preserveEntrySignatures: 'allow-extension',
        external: externals(entry),
        output: { preserveModules: perModule },
      },
    },
  });
  const chunks = (Array.isArray(output) ? output[0]! : (output as { output: unknown[] })).output.filter(
    (out): out is AppChunk => (out as { type: string }).type === 'chunk',
  );
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const upFront = new Set<string>();
  const visit = (name: string) => {
    if (upFront.has(name) || !byName.has(name)) return;
    upFront.add(name);
    for (const imported of byName.get(name)!.imports) visit(imported);
  };
  visit(chunks.find((chunk) => chunk.isEntry)!.fileName);
  return { chunks, upFront };
}

/** gzip of what a page loads up front (each chunk compressed alone, as it is served). */
async function measureEager(entry: Entry): Promise<number> {
  const { chunks, upFront } = await buildApp(entry);
  let bytes = 0;
  for (const chunk of chunks) if (upFront.has(chunk.fileName)) bytes += gzip(Buffer.from(chunk.code));
  return bytes;
}

/**
 * Which modules an entry's up-front chunks are made of, largest first: each module built as a
 * chunk of its own, minified and gzipped alone. gzip alone overstates every module (a chunk
 * shares its dictionary across modules), so the ranking matters, not the sum.
 */
export async function sizeBreakdown(entry: Entry): Promise<{ module: string; gzipBytes: number; upFront: boolean }[]> {
  const { chunks, upFront } = await buildApp(entry, true);
  return chunks
    .map((chunk) => ({
      module: (chunk.facadeModuleId ?? chunk.moduleIds[0] ?? chunk.fileName).replace(/^.*?\/(dist|node_modules)\//, '$1/'),
      gzipBytes: gzip(Buffer.from(chunk.code)),
      upFront: upFront.has(chunk.fileName),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
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

/** `tsx bench/size.ts --breakdown [row]`: the modules of one row (default: the kit's own cost beside Radix + input-otp). */
async function printBreakdown(row: string | undefined) {
  const entry = SIZE_ENTRIES.find((candidate) => candidate.name.includes(row ?? 'beside Radix'));
  if (!entry || entry.platform !== 'browser') throw new Error(`No browser row matches "${row}".`);
  const modules = await sizeBreakdown(entry);
  console.log(`\nModules of "${entry.name}", each minified and gzipped alone (up front first)`);
  console.table(
    [...modules.filter((m) => m.upFront), ...modules.filter((m) => !m.upFront)].map((m) => ({
      module: m.module,
      gzip: kB(m.gzipBytes),
      loads: m.upFront ? 'up front' : 'on demand',
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf('--breakdown');
  if (flag === -1) await runSizeBench();
  else await printBreakdown(process.argv[flag + 1]);
}
