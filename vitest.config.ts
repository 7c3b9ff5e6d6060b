import { defineConfig } from 'vitest/config';

// Tests import `@courseware-check/checker-core` from its TypeScript sources (the package's
// `@courseware-check/source` export condition), so they test the tree as it is even before a build;
// tests that spawn the command run packages/cli/bin, which `pnpm test` builds first.
// The rest are Vite's defaults for server code (tests run as such), which a `conditions` list replaces.
const conditions = ['@courseware-check/source', 'module', 'node', 'development|production'];

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/reporters/plain-summary.ts'],
    globalSetup: ['./test/helpers/cache-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Media generation and decoding are processes of their own; two at a time suits two cores.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
