// What a browser cannot do that a suite asks, one row per test: the only way a user-path test is
// skipped. The reporter prints the reason with the skip ("# SKIP firefox: …"), docs/browser-quirks.md
// lists the same rows (tests/build/known-differences.test.mjs keeps the two and the suites in step),
// and a row whose test no longer exists fails that check.
import path from 'node:path';

/** @type {{ suite: string, test: string, browser: 'chromium' | 'firefox', reason: string }[]} */
export const KNOWN_DIFFERENCES = [
  {
    suite: 'hover-card.test.mjs',
    test: 'the card script loads with the first card, under a per-session URL',
    browser: 'firefox',
    reason:
      'Firefox has no use_dynamic_url (its moz-extension:// origin is a random UUID of each installation), and WebDriver BiDi reports no request for a file a content script imports from the add-on, so there is nothing to watch',
  },
];

/** The reason `browser` cannot run the test `name` of `suite` (a file name), or null. */
export function knownDifference(suite, name, browser) {
  const row = KNOWN_DIFFERENCES.find(
    (difference) =>
      difference.suite === path.basename(suite) && difference.test === name && difference.browser === browser,
  );
  return row ? row.reason : null;
}
