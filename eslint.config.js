// Lint for ShopPlan: typescript-eslint's recommended rules, the layer order of src/ (docs/architecture.md)
// and the purity of the engine. Runs in `npm test` (npm run lint), with zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import astroParser from 'astro-eslint-parser';
import globals from 'globals';
import { LAYERS } from './scripts/layers.ts';

const mayImport = (layer, i) => layer.only ?? LAYERS.slice(0, i).map((l) => l.folder);

// Each folder may import itself and what its layer allows; anything else in src/ is reported with the
// policy's message (a disallow policy, so the message is the one that names what is allowed).
const layerPolicies = LAYERS.flatMap((layer, i) => {
  const allowed = mayImport(layer, i);
  const forbidden = LAYERS.map((l) => l.folder).filter((f) => f !== layer.folder && !allowed.includes(f));
  const from = { element: { type: layer.folder } };
  return [
    { from, allow: { to: { element: { types: { anyOf: [layer.folder, ...allowed] } } } } },
    ...(forbidden.length
      ? [{
          from,
          disallow: { to: { element: { types: { anyOf: forbidden } } } },
          message:
            'src/{{from.type}} must not import src/{{to.type}} ({{{dependency.source}}}): imports go one way, and ' +
            `src/${layer.folder} may import only ${allowed.length ? allowed.map((f) => `src/${f}`).join(', ') : 'itself'} (docs/architecture.md).`,
        }]
      : []),
  ];
});

const ENGINE_PURITY = 'The engine is pure (docs/architecture.md): no file system, clock, randomness or process; pass what it needs in as input.';

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', '.astro/**', '.shopplan-cache/**', 'test/fixtures/**', 'test/architecture/fixtures/**', 'src/model/plan-input.generated.ts', 'src/validate/validators.generated.js', 'src/validate/validators-check.generated.js', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
    },
  },
  {
    // Tests and generators edit parsed YAML of any shape.
    files: ['test/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.astro'],
    languageOptions: {
      parser: astroParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.astro'], sourceType: 'module' },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['src/site/scripts/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,astro}', 'test/architecture/**/*.{ts,astro}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map((l) => ({ type: l.folder, pattern: `src/${l.folder}`})),
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.astro'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: layerPolicies }],
    },
  },
  {
    // One error type (src/diagnostics/errors.ts): user-facing failures are ShopPlanErrors, broken invariants go
    // through invariant() (src/model/invariant.ts), so the CLI's one catch knows every error it gets.
    files: ['src/**/*.{ts,astro}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ThrowStatement > NewExpression[callee.name=/^(Error|TypeError|RangeError|SyntaxError)$/]',
          message: 'Throw a ShopPlanError (src/diagnostics/errors.ts) for a failure users should see, or call invariant() (src/model/invariant.ts) for a condition the code guarantees.',
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^node:', message: ENGINE_PURITY }, { regex: '^(fs|path|os|child_process|crypto|http|https|url|worker_threads)(/|$)', message: ENGINE_PURITY }] }],
      'no-restricted-globals': ['error', ...['Date', 'process', 'performance', 'setTimeout', 'setInterval', 'fetch', 'crypto'].map((name) => ({ name, message: ENGINE_PURITY }))],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: ENGINE_PURITY }],
    },
  },
);
