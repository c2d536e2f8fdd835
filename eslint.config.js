// ESLint with typescript-eslint's type-aware rules: floating and misused promises and unsafe
// `any` are errors everywhere (the kernel, server and editor glue are promise-heavy), formatting
// is Prettier's job (npm run format), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.cache/', 'test-results/', 'test/fixtures/', 'samples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Interface methods (kernel host, engines, commands) are async by contract even when one
      // implementation has nothing to await.
      '@typescript-eslint/require-await': 'off',
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // Tests index parsed JSON (CLI results, LSP payloads, published values) whose shape the
    // assertions themselves check; promise rules stay on there too.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Assertion messages print whatever they got; control characters are what some tests look for.
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // What the web build bundles (dist/web: a web worker, no Node.js): the language core, the
    // notebook format, the browser entries and siblings. The build fails on a Node module too;
    // this says so at the line, and catches the Node globals a bundler lets through.
    files: [
      'server/src/language/**/*.ts',
      'server/src/notebook-file/**/*.ts',
      '**/*.browser.ts',
      'client/src/web/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'The web build runs without Node.js (see scripts/build.mjs).' }] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    // Node scripts (scripts/build.mjs).
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
