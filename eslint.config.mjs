import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

const frameworkImports = ['@nestjs/*', 'typeorm', '@tarojs/*', 'react', 'react-dom', 'class-validator', 'class-transformer', 'pg', 'fastify'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.swc', 'test/output', '**/*.config.js', '**/jest.config.*', '**/babel.config.js', '**/vite.config.*', 'apps/miniprogram/config/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:miniprogram', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:sandbox', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', '@tarojs/*', 'react', 'react-dom', 'pg', 'fastify'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Nest resolves constructor injection from emitted decorator metadata, so those imports are values.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    // The mini-program must never pull class-validator into the WeChat package.
    files: ['apps/miniprogram/src/**/*.ts', 'apps/miniprogram/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@glow/contracts', message: 'Import contracts as types only.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts', 'apps/miniprogram/src/**/*.tsx', 'apps/miniprogram/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Command-line tools and tests may print.
    files: ['tools/**', 'bench/**', 'test/**', '**/*.spec.ts', '**/*.e2e-spec.ts', '**/main.ts', '**/*.cli.ts', '**/seed*.ts'],
    rules: { 'no-console': 'off' },
  },
];
