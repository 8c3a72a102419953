// One lint config for the whole repo. Besides style, it enforces the layering of
// ARCHITECTURE.md: shared/ imports no other layer; renderer/, electron/ and server/ import
// only shared/; electron/devices/ never imports 'electron' so it runs in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Module names are regular-expression alternatives, matched against the whole import path.
const nodeBuiltins = [
  'node:.*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'net',
  'http',
  'https',
  'stream',
  'buffer',
  'url',
  'util',
  'worker_threads',
];

const NAMED_EXPORTS = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };

/** A rule that forbids importing from the given layers (by folder) and modules (by exact name). */
function layerRule(forbiddenLayers, forbiddenModules, why) {
  const message = `${why} (layering: see ARCHITECTURE.md)`;
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          // Relative paths into another layer's folder.
          { regex: `^\\.{1,2}/(.*/)?(${forbiddenLayers.join('|')})(/.*)?$`, message },
          // Bare module names only: `util` is Node's, `../util/result` is ours.
          { regex: `^(${forbiddenModules.join('|')})(/.*)?$`, message },
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tsbuild/', 'bench/results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { requireDefaultForNonUnion: true, considerDefaultExhaustiveForUnions: false },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Money and Points are branded numbers (number & {brand}); negating one is plain arithmetic.
      '@typescript-eslint/no-unsafe-unary-minus': 'off',
      // `() => setState(x)` and `return showError(...)` in void handlers read clearly.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', NAMED_EXPORTS],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/testing/**'],
    rules: layerRule(
      ['renderer', 'electron', 'server', 'tests', 'bench'],
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        'dexie',
        'zustand',
        'node-hid',
        'serialport',
      ],
      'shared/ is pure domain code: no other layer, no Node, no DOM libraries',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      ...layerRule(
        ['electron', 'server', 'tests', 'bench'],
        [...nodeBuiltins, 'electron', 'node-hid', 'serialport'],
        'renderer/ may import shared/ only',
      ),
      // The card lookup and the everyday sale read and write with IndexedDB's own calls
      // (renderer/db/raw-transaction.ts): a Dexie hook, middleware or liveQuery would not
      // see them, so none may be added without changing those paths too.
      'no-restricted-syntax': [
        'error',
        NAMED_EXPORTS,
        {
          selector:
            'CallExpression[callee.property.name=/^(hook|use)$/], ImportSpecifier[imported.name=/^(liveQuery|useLiveQuery)$/]',
          message:
            'No Dexie hooks, middleware or liveQuery in the renderer: two hot paths bypass Dexie (see renderer/db/raw-transaction.ts).',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: layerRule(
      ['renderer', 'electron', 'tests', 'bench'],
      ['electron', 'react', 'dexie', 'node-hid', 'serialport'],
      'server/ may import shared/ only',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/devices/**', 'electron/device-host/**'],
    rules: layerRule(
      ['renderer', 'server', 'tests', 'bench'],
      ['react', 'dexie'],
      'electron/ may import shared/ only',
    ),
  },
  {
    // The device drivers and the browser-mode device host that serves them run in plain Node.
    files: ['electron/devices/**/*.ts', 'electron/device-host/**/*.ts'],
    rules: layerRule(
      ['renderer', 'server', 'tests', 'bench'],
      ['electron', 'react', 'dexie'],
      'electron/devices/ and electron/device-host/ are plain Node: they never import electron',
    ),
  },
  {
    files: ['**/*.test.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests build deliberately odd values and assert on them.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
