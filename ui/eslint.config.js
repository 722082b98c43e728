import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'src/lib/bindings/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      // Imported text is never markup: no {@html}, no innerHTML (charts are shown as <img> of the
      // SVG the Rust core draws, so even a chart label cannot run).
      'svelte/no-at-html-tags': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Untrusted text is rendered as text.' },
        { property: 'outerHTML', message: 'Untrusted text is rendered as text.' },
        { property: 'insertAdjacentHTML', message: 'Untrusted text is rendered as text.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The typed API layer is the only place that may call invoke().
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/api.ts', 'src/lib/api.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@tauri-apps/api/core', message: 'Use src/lib/api.ts.' }] }],
    },
  },
);
