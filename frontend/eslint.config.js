// ESLint for the SPA: recommended JavaScript and TypeScript rules, the React Hooks rules, and no imports across
// src/features/*. Formatting is Prettier's (eslint-config-prettier turns off the rules that would disagree).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { noCrossFeatureImports } from './eslint/noCrossFeatureImports.js';

export default tseslint.config(
  { ignores: ['dist/', 'target/', 'src/gql/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  { files: ['src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { m365: { rules: { 'no-cross-feature-imports': noCrossFeatureImports } } },
    rules: {
      'm365/no-cross-feature-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['eslint/**/*.js', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Journeys run in Node, and the functions they hand to page.evaluate run in the browser
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
