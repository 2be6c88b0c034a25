import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite drives Debian's Firefox ESR through Puppeteer (WebDriver
// BiDi), one browser at a time. No retry: a step that fails in Firefox is a failure.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
