import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,renderer,electron,server,tests}/**/*.test.ts'],
    // Property tests run a fixed number of cases with a logged seed, so failures reproduce.
    testTimeout: 30_000,
  },
});
