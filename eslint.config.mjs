import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'test/fixtures/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'dockerode', message: 'Only src/engine/ imports dockerode.' }] }],
    },
  },
  { files: ['src/engine/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['test/integration/global-setup.ts', 'test/integration/global-teardown.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-imports': 'off', '@typescript-eslint/unbound-method': 'off' } },
);
