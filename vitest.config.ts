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
          // A stack is seven processes (subgraphs, sandboxes, gateway) started at once: on a loaded
          // two-core machine that alone can take a minute.
          hookTimeout: 120_000,
          // Each e2e file starts its own stack of processes; two cores cannot run many at once.
          fileParallelism: false,
        },
      },
    ],
  },
});
