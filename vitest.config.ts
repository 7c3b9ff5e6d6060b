import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/reporters/plain-summary.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Media generation and decoding are processes of their own; two at a time suits two cores.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
