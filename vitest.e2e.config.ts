import { defineConfig } from 'vitest/config';

// The end-to-end suite drives one real Chromium at a time: files run one after another.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // No retry: a flaky step is a race to fix, not to hide.
    retry: 0,
  },
});
