// ESLint for the TypeScript code: `npm run lint` (CI fails on any finding).
//
// The linters live in tools/eslint with their own lockfile: the type-aware rules need the
// classic TypeScript compiler API, which TypeScript 7 (what `npm run typecheck` uses) does not
// ship. tools/eslint pins a classic TypeScript for ESLint alone.
//
// Rules are about correctness (promises, types, import cycles, undeclared imports); layout is
// prettier's job, so no stylistic rules here. The GraphQL schema is linted separately
// (`npm run lint:graphql`), not by this config.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const requireLinter = createRequire(new URL('./tools/eslint/package.json', import.meta.url));
const js = requireLinter('@eslint/js');
const tseslint = requireLinter('typescript-eslint');
const importX = requireLinter('eslint-plugin-import-x');

const root = fileURLToPath(new URL('.', import.meta.url));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/__generated__/**',
      'web/dist/**',
      'coverage/**',
      '.data/**',
      '.scratch/**',
      'tools/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    plugins: { 'import-x': importX.default ?? importX },
    settings: {
      // import-x reads the imported TypeScript modules itself (for cycles and exports)
      'import-x/extensions': ['.ts', '.js'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // Node's own resolution, which follows package.json "imports" (#packages/*, #gateway/*, …).
      'import-x/resolver-next': [
        importX.createNodeResolver({
          extensions: ['.ts', '.js', '.json'],
          extensionAlias: { '.js': ['.ts', '.js'] },
        }),
      ],
    },
    rules: {
      // Promises: every promise is awaited, returned, or explicitly `void`-ed with a comment.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',

      // Imports: no cycles between modules, nothing imported that package.json does not declare.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-extraneous-dependencies': ['error', { packageDir: [root], includeTypes: true }],

      // An `async` function without `await` is how a port that returns a promise is implemented
      // (`readiness: async () => ({ ready: true })`); removing `async` would turn a rejection
      // into a synchronous throw. A style preference, not a defect.
      '@typescript-eslint/require-await': 'off',
      // graphql-js's string enums (Kind, OperationTypeNode) are compared with their literal values
      // across this code base, as graphql-js documents them.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',

      // TypeScript already reports these (and better); the ESLint copies only add noise.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests, their support code and benchmarks read JSON answers as `any` and hand methods to
    // `expect`/spies; the type-safety rules that guard production code only add casts there.
    files: ['**/*.test.ts', '**/*.e2e.ts', '**/test/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
