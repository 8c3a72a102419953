import { defineConfig } from 'vitest/config';
import { PlainSummaryReporter } from './tests/support/plain-summary-reporter';

export default defineConfig({
  test: {
    include: ['{shared,renderer,electron,server,tests}/**/*.test.ts'],
    reporters: ['default', new PlainSummaryReporter()],
    // Property tests run a fixed number of cases; fast-check prints the seed of a failure.
    testTimeout: 30_000,
  },
});
