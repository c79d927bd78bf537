import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql@16 ships index.js and index.mjs without an exports map: vite would load the .mjs
// while the CommonJS @apollo/* packages require the .js, giving two graphql "realms".
const graphqlSingleRealm = { find: /^graphql$/, replacement: require.resolve('graphql') };

export default defineConfig({
  resolve: { alias: [graphqlSingleRealm] },
  test: {
    projects: [
      {
        resolve: { alias: [graphqlSingleRealm] },
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'dist/**'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        resolve: { alias: [graphqlSingleRealm] },
        test: {
          name: 'e2e',
          include: ['**/*.e2e.ts'],
          exclude: ['node_modules/**', 'dist/**'],
          testTimeout: 60_000,
          // Starting a whole stack (17 sandboxes, the subgraphs, a gateway, each compiled by tsx) takes
          // 30-50 s on a loaded 2-core machine. Above launchStack's own deadline (150 s), so that a
          // stack too slow to start fails with its own message and is stopped, never left running.
          hookTimeout: 180_000,
          // Each e2e file starts its own stack of processes; two cores cannot run many at once.
          fileParallelism: false,
        },
      },
    ],
  },
});
