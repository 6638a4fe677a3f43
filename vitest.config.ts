import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/support/xpath-visible-text.ts', 'tests/support/patient-waits.ts'],
    // Tests assert behaviour, never time: on a loaded machine a test waits as long as it must.
    testTimeout: 30_000,
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/dom/**/*.test.{ts,tsx}', 'tests/property/**/*.test.{ts,tsx}'],
  },
});
