// The public surface of the package, read from the built declarations (`dist/**/*.d.ts`)
// through package.json#exports: every name each entry exports, split into runtime values and
// types. `node scripts/public-api.mjs` rewrites api/public-api.json; `--check` compares the
// build with it and fails on any difference, so an accidental export is a visible diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportPath = `${root}api/public-api.json`;

export function readPublicApi(packageDir = root) {
  const pkg = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8'));
  const entries = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object' && target.types);
  const files = entries.map(([, target]) => `${packageDir}/${target.types}`);
  const program = ts.createProgram(files, {
    strict: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const report = {};
  entries.forEach(([subpath], index) => {
    const source = program.getSourceFile(files[index]);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`No declarations for ${subpath} (${files[index]}): run \`npm run build\`.`);
    const values = [];
    const types = [];
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
    }
    report[`mfa-kit${subpath.slice(1)}`] = { values: values.sort(), types: types.sort() };
  });
  return report;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const current = `${JSON.stringify(readPublicApi(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const recorded = readFileSync(reportPath, 'utf8');
    if (recorded !== current) {
      console.error('The public API differs from api/public-api.json. If the change is meant, run `npm run api:update` and commit the file.');
      const before = JSON.parse(recorded);
      const after = JSON.parse(current);
      for (const entry of new Set([...Object.keys(before), ...Object.keys(after)])) {
        for (const kind of ['values', 'types']) {
          const was = new Set(before[entry]?.[kind] ?? []);
          const is = new Set(after[entry]?.[kind] ?? []);
          for (const name of is) if (!was.has(name)) console.error(`  + ${entry} ${kind.slice(0, -1)} ${name}`);
          for (const name of was) if (!is.has(name)) console.error(`  - ${entry} ${kind.slice(0, -1)} ${name}`);
        }
      }
      process.exit(1);
    }
    console.log('public API matches api/public-api.json');
  } else {
    writeFileSync(reportPath, current);
    console.log(`wrote ${reportPath}`);
  }
}
