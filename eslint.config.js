// @ts-check
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * The layers, one element per folder, matched from the repo root. docs/architecture.md §2
 * draws them: `react → core → protocol ← server`, `testing` apart, and everything outside
 * src/ reaching the kit only through its published names.
 */
const ELEMENTS = [
  { type: 'protocol', pattern: 'src/protocol' },
  { type: 'core', pattern: 'src/core' },
  { type: 'react', pattern: 'src/react' },
  { type: 'server', pattern: 'src/server' },
  { type: 'testing', pattern: 'src/testing' },
  { type: 'test-harness', pattern: 'test' },
  { type: 'demo', pattern: 'demo' },
  { type: 'bench', pattern: 'bench' },
  { type: 'drills', pattern: 'drills' },
  { type: 'stories', pattern: 'stories' },
  { type: 'e2e', pattern: 'e2e' },
  { type: 'tooling', pattern: 'scripts' },
].map((element) => ({ ...element, partialMatch: false }));

const SRC_LAYERS = ['protocol', 'core', 'react', 'server', 'testing'];

/** What each layer of src/ may import (itself always). Nothing in src/ imports what lies outside it. */
const LAYER_IMPORTS = {
  protocol: [],
  core: ['protocol'],
  react: ['core', 'protocol'],
  server: ['protocol'],
  testing: ['protocol'],
};

const layerPolicies = Object.entries(LAYER_IMPORTS).map(([layer, below]) => ({
  from: { element: { type: layer } },
  allow: { to: { element: { types: { anyOf: [layer, ...below] } } } },
}));

/**
 * Test code inside src/ may use the server harness in test/ (a real server on a temp SQLite
 * file) and the software authenticator in src/testing, besides its own layer's imports.
 */
const testFilePolicy = {
  from: { file: { categories: 'test' } },
  allow: { to: { element: { types: { anyOf: ['test-harness', 'testing'] } } } },
};

/**
 * Outside src/ the folders use each other freely (the drills drive the bench client, the
 * harness starts the demo server); the kit itself they reach only through `mfa-kit/…`, which
 * `no-restricted-imports` below holds to the published names.
 */
const OUTSIDE = ['test-harness', 'demo', 'bench', 'drills', 'stories', 'e2e', 'tooling'];
const outsidePolicy = {
  from: { element: { types: { anyOf: OUTSIDE } } },
  allow: { to: { element: { types: { anyOf: [...OUTSIDE, ...SRC_LAYERS] } } } },
};

/** A relative path into src/ from outside it bypasses the published names (and their explicit export lists). */
const PUBLIC_NAMES_ONLY = {
  patterns: [
    {
      regex: '^(\\.\\./)+src/',
      message: "Import the kit by its published names ('mfa-kit', 'mfa-kit/react', 'mfa-kit/server', 'mfa-kit/testing'), as an app does.",
    },
  ],
};

export default defineConfig(
  globalIgnores([
    '**/dist/',
    'test-results/',
    'playwright-report/',
    'storybook-static/',
    'demo/dist/',
    'test/fixtures/**/node_modules/',
    'test/fixtures/**/.next/',
    '**/*.d.mts',
    '.mfa-data/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  tseslint.configs.recommended,
  {
    rules: {
      // `_unused` names a parameter kept for its position (a callback's signature) or a
      // destructured field dropped on purpose (`{ secret: _secret, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // `let x; … () => use(x) …; x = value;` is how a callback handed over before the value
      // exists reads it later (the demo's store, made once the server opens its database).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests, the harness, the benchmarks and the drills read arbitrary JSON answers and
    // poke at window globals a page defines; typing each body would assert nothing more.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.{ts,tsx}', 'drills/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // This resolver is loaded by eslint-module-utils with `require`, so it is CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/react/**/*.{ts,tsx}', 'demo/src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // The React Compiler's rules, off where they fight deliberate patterns, each explained
      // where it is written: the latest-callback ref (`latest.current = props` in render, so
      // the controller made once reads today's callbacks), focus and session reads during
      // render (an effect would run after a step's autoFocus, or after children's effects),
      // and state reset at the top of an effect that then subscribes (a QR code loading
      // again for a new value, a countdown restarting for a new deadline).
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: [
      'src/**/*.{ts,tsx}',
      'test/**/*.ts',
      'demo/**/*.{ts,tsx}',
      'bench/**/*.{ts,tsx}',
      'drills/**/*.ts',
      'stories/**/*.{ts,tsx}',
      'e2e/**/*.ts',
      'scripts/**/*.{js,mjs,cjs}',
    ],
    plugins: { boundaries },
    settings: {
      'import/resolver': { './scripts/eslint-import-resolver.cjs': {} },
      'boundaries/elements': ELEMENTS,
      'boundaries/files': [{ category: 'test', pattern: ['src/**/*.test.{ts,tsx}', 'src/**/test-support/**', 'src/react/test/**'] }],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: [...layerPolicies, testFilePolicy, outsidePolicy] }],
    },
  },
  {
    files: ['test/**/*.ts', 'demo/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}', 'drills/**/*.ts', 'stories/**/*.{ts,tsx}', 'e2e/**/*.ts', '.storybook/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', PUBLIC_NAMES_ONLY] },
  },
  {
    // The one exception: the fuzzer sends every action and scope the protocol knows and
    // checks that every error code it gets back is one of the protocol's (the complete
    // tables and `isServerErrorCode`, which are internal to the kit).
    files: ['drills/fuzz.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...PUBLIC_NAMES_ONLY.patterns[0], regex: '^(\\.\\./)+src/(?!protocol/index\\.js$)' }] }],
    },
  },
);
