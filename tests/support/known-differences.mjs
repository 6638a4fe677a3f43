// What a browser cannot do that a suite asks, one row per test: the only way a user-path test is
// skipped. The reporter prints the reason with the skip ("# SKIP firefox: …"), docs/browser-quirks.md
// lists the same rows (tests/build/known-differences.test.mjs keeps the two and the suites in step),
// and a row whose test no longer exists fails that check.
//
// OPEN_BUGS are not differences: product bugs found in one browser and not fixed yet. The test still
// runs there, and the reporter shows how it went as "# TODO firefox: open bug: …" without failing the
// run; the docs list them beside the differences. The fix removes the row.
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
  {
    suite: 'live-pages.test.mjs',
    test: 'reloading the extension under an open page cleans up without errors',
    browser: 'firefox',
    reason:
      "Firefox injects the reloaded add-on's content script into open tabs, so the page is highlighted again rather than left bare; that takeover is what hostile/faults-reload.test.mjs checks in both browsers",
  },
  {
    suite: 'privacy.test.mjs',
    test: 'a request from the content script is seen by both recorders, and the service worker could not send',
    browser: 'firefox',
    reason:
      "no automation protocol reaches a Firefox content script's sandbox to make a request from it, and the add-on's background is an event page no protocol evaluates in (the extension pages' CSP is checked in both browsers)",
  },
  {
    suite: 'faults-reload.test.mjs',
    test: 'after an update without injection (Chrome), the old script lets go and a reloaded page is highlighted once',
    browser: 'firefox',
    reason:
      'Firefox always injects an updated add-on’s content script into open tabs: there is no update without injection to provoke (the update with injection runs in both browsers)',
  },
  {
    suite: 'faults-worker.test.mjs',
    test: 'hover cards, the reader link, the popup and its switch work after the worker is stopped',
    browser: 'firefox',
    reason:
      "the fault is a Chromium service worker stopped through the DevTools protocol (ServiceWorker.stopAllWorkers); Firefox runs the add-on's background as an event page, and no protocol it speaks stops one",
  },
  {
    suite: 'faults-worker.test.mjs',
    test: 'keyboard commands reach the page through a worker the browser had stopped',
    browser: 'firefox',
    reason:
      'the worker is stopped through the DevTools protocol, which Firefox does not speak (its background is an event page); the real key presses themselves run in Firefox in keyboard-reading.test.mjs',
  },
  {
    suite: 'faults-storage.test.mjs',
    test: 'sync and local storage full: nothing is kept, the user is told, the controls go back',
    browser: 'firefox',
    reason:
      "Firefox sets no quota on an add-on's storage.local (nor reports its bytes in use), so local storage cannot be filled until it refuses a write; the sync-full case runs in both browsers",
  },
  {
    suite: 'faults-storage.test.mjs',
    test: 'no sync storage in the browser: the switch is kept on this device, and the user is told so',
    browser: 'firefox',
    reason:
      "Firefox always has storage.sync (on the device alone without a Firefox account; webextensions.storage.sync.enabled no longer turns it off), and runs no WebDriver BiDi preload script in an add-on's own pages, so the popup cannot be started without it",
  },
  {
    suite: 'faults-storage.test.mjs',
    test: "sync's writes per minute used up: the switch is kept on this device, and the user is told so",
    browser: 'firefox',
    reason: "Firefox's storage.sync limits size, not writes per minute or hour: there is no write limit to use up",
  },
];

/** @type {{ suite: string, test: string, browser: 'chromium' | 'firefox', bug: string }[]} */
export const OPEN_BUGS = [
  {
    suite: 'modes-and-rules.test.mjs',
    test: 'Alt+Shift+H turns highlighting off and on again for the current site',
    browser: 'firefox',
    bug: "Firefox gives Alt+Shift+H to its menu bar's access key (Help, H) and never delivers the site switch's command (seen on Linux; Windows has the same access keys); Alt+Shift+O and Alt+Shift+L reach the add-on in both browsers",
  },
  {
    suite: 'documents.test.mjs',
    test: 'XML in the browser’s viewer: the shown tree is highlighted once, not its hidden source; no card, no error',
    browser: 'firefox',
    bug: "Firefox's XML viewer draws its tree where no content script can reach (no shadow root, not even openOrClosedShadowRoot), so the engine highlights the document's own elements, which are not drawn: three highlights no reader can see, counted on the badge and in the popup. The engine should leave a document whose text has no layout unhighlighted",
  },
];

const rowOf = (rows, suite, name, browser) =>
  rows.find((row) => row.suite === path.basename(suite) && row.test === name && row.browser === browser);

/** The open bug that makes the test `name` of `suite` fail in `browser`, or null. */
export function openBug(suite, name, browser) {
  return rowOf(OPEN_BUGS, suite, name, browser)?.bug ?? null;
}

/** The reason `browser` cannot run the test `name` of `suite` (a file name), or null. */
export function knownDifference(suite, name, browser) {
  return rowOf(KNOWN_DIFFERENCES, suite, name, browser)?.reason ?? null;
}
