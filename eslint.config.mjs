import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
      // Only the config class reads the environment (STYLE.md); tests go through libs/testing.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through AppConfig (libs/core config).' }],
    },
  },
  {
    files: ['libs/core/src/config/**', 'libs/testing/src/**', '**/*.spec.ts', '**/*.int-spec.ts', 'test/**', 'bench/**', 'demo/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', fetch: 'readonly', setTimeout: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Browser scripts served by the api's pages: classic scripts (no modules), browser globals only.
    files: ['apps/api/src/respond-page/assets/**/*.js', 'apps/api/src/dashboard/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        self: 'readonly',
        document: 'readonly',
        location: 'readonly',
        history: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        crypto: 'readonly',
        fetch: 'readonly',
        Intl: 'readonly',
        FormData: 'readonly',
        CSS: 'readonly',
        setTimeout: 'readonly',
        process: 'off',
        require: 'off',
        module: 'off',
        __dirname: 'off',
      },
    },
  },
);
