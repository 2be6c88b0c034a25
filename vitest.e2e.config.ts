import { defineConfig } from 'vitest/config';

// The end-to-end suite drives one real Chromium at a time: files run one after another.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One retry: on 2 busy cores a real browser occasionally misses a step (seen ~1 in 10
    // full runs in the hostile-page file); a test that fails twice is a real failure.
    retry: 1,
  },
});
