// One linter for the whole tree. The domain boundary is enforced here: packages/domain is pure
// TypeScript that imports no framework or driver and never reads the clock.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const frameworkImports = [
  'typeorm',
  'typeorm/*',
  'graphql',
  'graphql/*',
  'type-graphql',
  '@apollo/*',
  'pg',
  'pg/*',
  '@electric-sql/*',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'react-admin',
  'ra-*',
  'node:*',
  'fs',
  'path',
  'http',
  'net',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.turbo/**',
      '**/.pglite/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The console runs in the browser (its vite.config.ts and e2e scripts run in Node too).
    files: ['apps/console/**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts', 'packages/domain/src/**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: frameworkImports,
              message:
                'packages/domain is pure: no frameworks, drivers or I/O. Put this in apps/api.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain never reads the clock: take "now" as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain never reads the clock: take "now" as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
          message: 'The domain never reads the clock: take "now" as an argument.',
        },
      ],
    },
  },
  {
    // Only repositories, entities and database/ speak TypeORM: services take repositories and
    // transactions from the composition root (services.ts), so the persistence stays in one
    // place and the rest of the API reads as the application it is. Tests may reach in.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/**/*.entity.ts',
      'apps/api/src/database/**',
      'apps/api/src/**/*.test.ts',
      'apps/api/src/test/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'typeorm/*'],
              message:
                'Only *.repository.ts, *.entity.ts and database/ import TypeORM: take a repository or a Transaction (database/transactions.ts) instead.',
            },
          ],
        },
      ],
    },
  },
);
