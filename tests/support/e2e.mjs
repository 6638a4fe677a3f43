// The one module every browser suite imports: the fixture server, a browser with the extension
// (Chromium or Firefox, by MHX_BROWSER), its tabs, and what the suites ask of a page. A suite is
// written once and runs in both browsers (`node tests/e2e/run-suite.mjs --browser all`); where a
// browser cannot do what a test asks, known-differences.mjs says so by name.
import path from 'node:path';
import { after, afterEach, before, test as nodeTest } from 'node:test';
import { CHROMIUM_EXTENSION_DIR, launchChromium, startVirtualDisplay } from './chromium-session.mjs';
import { FIREFOX_EXTENSION_DIR, launchFirefox } from './firefox-session.mjs';
import { startServer } from './fixture-server.mjs';
import { knownDifference, openBug } from './known-differences.mjs';
import { poll } from './polling.mjs';

export { axeViolations } from './accessibility.mjs';
export { startVirtualDisplay } from './chromium-session.mjs';
export { FIXTURES_DIR, startServer } from './fixture-server.mjs';
export * from './page-probes.mjs';
export { poll, ROOT, sleep } from './polling.mjs';

/** The browser this run drives: 'chromium' (the default) or 'firefox'. */
export const BROWSER = process.env.MHX_BROWSER === 'firefox' ? 'firefox' : 'chromium';
export const IN_FIREFOX = BROWSER === 'firefox';
/** The built extension this run installs. */
export const EXTENSION_DIR = IN_FIREFOX ? FIREFOX_EXTENSION_DIR : CHROMIUM_EXTENSION_DIR;

/** The suite file this process runs (node's test runner gives each file a process of its own). */
const SUITE = path.basename(process.argv[1] ?? '');

/**
 * node:test's `test`, except that a test this browser cannot run (a row of known-differences.mjs)
 * is reported as skipped with the reason, never left out in silence, and one that an open product
 * bug fails in this browser (OPEN_BUGS there) runs as a TODO that names the bug.
 */
export function test(name, options, fn) {
  const reason = knownDifference(SUITE, name, BROWSER);
  const bug = openBug(SUITE, name, BROWSER);
  const [opts, body] = typeof options === 'function' ? [{}, options] : [options ?? {}, fn];
  if (reason) return nodeTest(name, { ...opts, skip: `${BROWSER}: ${reason}` }, body);
  return nodeTest(name, bug ? { ...opts, todo: `${BROWSER}: open bug: ${bug}` } : opts, body);
}

/** The page the extension opens once after it is installed (extension/first-run.ts). */
export const FIRST_RUN_PAGE = 'welcome.html';

/** What launchChromium and launchFirefox take (each ignores the other's own). */
const LAUNCH_OPTIONS = new Set([
  'userDataDir',
  'extensionDir',
  'extension',
  'viewport',
  'touch',
  'locale',
  'colorScheme',
  'display',
  'proxy',
  'prefs',
  'env',
]);

/**
 * The browser of this run with the built extension. Options both browsers take: `userDataDir`
 * (start an earlier session's profile again), `viewport`, `touch`, `locale`, `colorScheme`,
 * `highlightMode` (set on the options page once started), `preferences` (radio choices of the
 * options page by setting name, e.g. { highlightDensity: 'every' }), `firstRun: 'keep'` (leave the
 * first-run page open), `extension: false` (the browser alone). Chromium also takes `display` and
 * `proxy`; Firefox `prefs` and `env`.
 *
 * A fresh profile gets the first-run page in a tab of its own; unless asked to keep it, it is closed
 * before the session is handed over, so no suite takes it for a tab of its own.
 */
export async function launchExtension({ highlightMode, preferences, firstRun, ...options } = {}) {
  // A misspelt or misplaced option (a setting beside `preferences` rather than in it) would
  // otherwise be dropped without a word, and the suite would test the defaults.
  const unknown = Object.keys(options).filter((name) => !LAUNCH_OPTIONS.has(name));
  if (unknown.length > 0) {
    throw new Error(`launchExtension: unknown option ${unknown.join(', ')} (settings go in \`preferences\`)`);
  }
  const session = IN_FIREFOX ? await launchFirefox(options) : await launchChromium(options);
  try {
    if (options.extension !== false && options.userDataDir === undefined && firstRun !== 'keep') {
      const welcome = await session
        .waitForTab(session.extensionUrl(FIRST_RUN_PAGE), { timeout: 10_000 })
        .catch(() => null);
      await welcome?.close();
    }
    if (highlightMode !== undefined) await setHighlightMode(session, highlightMode);
    if (preferences !== undefined) await setPreferences(session, preferences);
  } catch (error) {
    // A browser left running would keep the test process alive: the run would hang, not fail.
    await session.close();
    throw error;
  }
  return session;
}

/**
 * Chooses radio buttons on the options page as a user would, one per setting ({ highlightDensity:
 * 'every', cardTrigger: 'click' }: the radio named after the setting with that value), and waits
 * until a fresh options page shows each stored.
 */
export async function setPreferences(session, preferences) {
  const radios = Object.entries(preferences).map(([name, value]) => `input[name="${name}"][value="${value}"]`);
  const page = await session.openExtensionPage('options.html');
  try {
    for (const radio of radios) await page.check(radio);
    await poll(
      async () => {
        const check = await session.openExtensionPage('options.html');
        try {
          await check.waitFor(radios[0], { state: 'attached' });
          for (const radio of radios) if (!(await check.isChecked(radio))) return false;
          return true;
        } finally {
          await check.close();
        }
      },
      { message: `${JSON.stringify(preferences)} to be stored` },
    );
  } finally {
    await page.close();
  }
}

/** The same browser without the extension: what a page looks like untouched. */
export function launchPlain(options = {}) {
  return launchExtension({ ...options, extension: false });
}

/**
 * Sets the global mode on the options page, as a user would ('everywhere', 'mental-health-pages',
 * 'chosen-sites'), and waits until a fresh options page shows it stored.
 */
export async function setHighlightMode(session, mode) {
  const radio = `input[name="mode"][value="${mode}"]`;
  const page = await session.openExtensionPage('options.html');
  try {
    await page.waitFor(radio, { state: 'attached' });
    await page.check(radio);
    await poll(
      async () => {
        const check = await session.openExtensionPage('options.html');
        try {
          await check.waitFor(radio, { state: 'attached' });
          return await check.isChecked(radio);
        } finally {
          await check.close();
        }
      },
      { message: `the mode "${mode}" to be stored` },
    );
  } finally {
    await page.close();
  }
}

/** The options page in a new tab, once it has rendered. */
export async function openOptions(session) {
  const options = await session.openExtensionPage('options.html');
  await options.waitFor('h1');
  return options;
}

/** The toolbar badge's text for the tab `tabId`, as the browser holds it ('' for none). */
export function badgeText(session, tabId) {
  return session.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

const NO_DISPLAY =
  'needs Xvfb and xdotool (apt-get install xvfb xdotool): browser shortcuts ignore automated key events';

/**
 * A virtual display (startVirtualDisplay) for a test that presses real keys, closed after the test
 * (after the browsers on it: close them first). Where Xvfb or xdotool is missing, null, and the
 * test `t` is reported skipped, saying why.
 */
export async function virtualDisplay(t) {
  const display = await startVirtualDisplay();
  if (!display) {
    t.skip(NO_DISPLAY);
    return null;
  }
  t.after(() => display.close());
  return display;
}

/**
 * The browser with the extension on a virtual display, where real key presses (`display.press`)
 * reach it, for the test `t` alone: `{ display, session }`, both closed after it; null where there
 * is no display (the test is reported skipped).
 */
export async function launchOnVirtualDisplay(t, options = {}) {
  const display = await startVirtualDisplay();
  if (!display) {
    t.skip(NO_DISPLAY);
    return null;
  }
  let session;
  t.after(async () => {
    await session?.close();
    display.close();
  });
  session = await launchExtension({ ...options, display });
  return { display, session };
}

/** Sets the mode (as setHighlightMode) for the test `t` alone: the default mode is back after it. */
export async function setHighlightModeFor(t, session, mode) {
  await setHighlightMode(session, mode);
  t.after(() => setHighlightMode(session, 'mental-health-pages'));
}

/**
 * Zooms the tab `tabId` to `zoom` (1 is 100%). Chromium zooms a whole site by default, so there
 * the tab is first set to zoom alone; Firefox cannot zoom one tab alone (per-tab zoom settings are
 * Chromium's), so there the tab's site is zoomed: zoom back to 1 before the next test.
 */
export async function zoomTab(session, tabId, zoom) {
  if (!IN_FIREFOX) {
    await session.inExtension((tabId) => chrome.tabs.setZoomSettings(tabId, { scope: 'per-tab' }), tabId);
  }
  await session.inExtension(({ tabId, zoom }) => chrome.tabs.setZoom(tabId, zoom), { tabId, zoom });
}

/**
 * Opens `pagePath` of the suite's server in the browser without the extension (useSession's `plain`),
 * and returns what `read(tab)` makes of it: what the page is like untouched.
 */
export async function inPlainBrowser(env, pagePath, read) {
  const tab = await env.plain.openTab(env.server.url(pagePath));
  try {
    return await read(tab);
  } finally {
    await tab.close();
  }
}

/**
 * The set-up most suites share, as node:test hooks: the fixture server (`routes` as for
 * `startServer`), then the browser with the extension (`launch`: options for `launchExtension`, or
 * a function of the server that returns them), with `plain` also the browser without it, and last
 * `setUp(env)`. `env.server`, `env.session` and `env.plain` are filled in by `before`; a test may
 * replace `env.session` (a restart), and `after` closes whatever is there then.
 */
export function useSession({ routes, launch = {}, plain = false, setUp } = {}) {
  const env = { server: undefined, session: undefined, plain: undefined };
  before(async () => {
    env.server = await startServer({ routes });
    const options = typeof launch === 'function' ? await launch(env.server) : launch;
    env.session = await launchExtension(options);
    if (plain) env.plain = await launchPlain();
    await setUp?.(env);
  });
  // Firefox emulates media features for the whole browser: a test that fails before it closes its
  // tab must not leave the next one in the dark.
  afterEach(async () => {
    await env.session?.endTest?.();
  });
  after(async () => {
    await Promise.all([env.session?.close(), env.plain?.close()]);
    await env.server?.close();
  });
  return env;
}
