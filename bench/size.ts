/**
 * Bundle size of each entry, minified then gzip (level 9) and brotli (quality 11), beside
 * the floor for this UI (a bare Radix Dialog with input-otp) bundled the same way.
 * React and react-dom are external, as they are in every app that uses the kit.
 * Run: `npm run bench:size` (part of `npm run bench`).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

interface Entry {
  name: string;
  contents: string;
  platform: 'browser' | 'node';
}

const ROOT = new URL('..', import.meta.url).pathname;

export const SIZE_ENTRIES: Entry[] = [
  { name: 'floor: Radix Dialog + input-otp', contents: `export { Floor } from './bench/fixtures/radix-otp-floor.tsx';`, platform: 'browser' },
  { name: 'prompt path { MfaProvider, usePromptMfaAuth }', contents: `export { MfaProvider, usePromptMfaAuth } from './src/react/index.ts';`, platform: 'browser' },
  { name: 'mfa-kit/react (whole entry)', contents: `export * from './src/react/index.ts';`, platform: 'browser' },
  { name: 'mfa-kit (core alone)', contents: `export * from './src/core/index.ts';`, platform: 'browser' },
  { name: 'mfa-kit/server', contents: `export * from './src/server/index.ts';`, platform: 'node' },
];

export interface SizeFigure {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export async function measureSize(entry: Entry): Promise<SizeFigure> {
  const result = await build({
    stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: entry.platform,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // React is the app's; better-sqlite3 is a native addon that no bundler can inline.
    external: ['react', 'react-dom', 'react/jsx-runtime', 'better-sqlite3'],
  });
  const code = Buffer.concat(result.outputFiles.map((file) => Buffer.from(file.contents)));
  return {
    name: entry.name,
    minifiedBytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    brotliBytes: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function runSizeBench(): Promise<SizeFigure[]> {
  const figures = [];
  for (const entry of SIZE_ENTRIES) figures.push(await measureSize(entry));
  const floor = figures[0]!;
  console.log('\nSize (minified; gzip -9; brotli q11; gzip ratio to the floor)');
  console.table(
    figures.map((f) => ({
      entry: f.name,
      minified: kB(f.minifiedBytes),
      gzip: kB(f.gzipBytes),
      brotli: kB(f.brotliBytes),
      'gzip ÷ floor': (f.gzipBytes / floor.gzipBytes).toFixed(2),
    })),
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) await runSizeBench();
