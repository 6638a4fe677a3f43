// The one module every browser suite imports: the fixture server, a browser with the extension
// (Chromium or Firefox, by MHX_BROWSER), its tabs, and what the suites ask of a page. A suite is
// written once and runs in both browsers (`node tests/e2e/run-suite.mjs --browser all`); where a
// browser cannot do what a test asks, known-differences.mjs says so by name.
import path from 'node:path';
import { after, before, test as nodeTest } from 'node:test';
import { launchChromium } from './chromium-session.mjs';
import { launchFirefox } from './firefox-session.mjs';
import { startServer } from './fixture-server.mjs';
import { knownDifference } from './known-differences.mjs';
import { poll } from './polling.mjs';

export { axeViolations } from './accessibility.mjs';
export { startVirtualDisplay } from './chromium-session.mjs';
export { FIXTURES_DIR, startServer } from './fixture-server.mjs';
export * from './page-probes.mjs';
export { poll, ROOT, sleep } from './polling.mjs';

/** The browser this run drives: 'chromium' (the default) or 'firefox'. */
export const BROWSER = process.env.MHX_BROWSER === 'firefox' ? 'firefox' : 'chromium';
export const IN_FIREFOX = BROWSER === 'firefox';

/** The suite file this process runs (node's test runner gives each file a process of its own). */
const SUITE = path.basename(process.argv[1] ?? '');

/**
 * node:test's `test`, except that a test this browser cannot run (a row of known-differences.mjs)
 * is reported as skipped with the reason, never left out in silence.
 */
export function test(name, options, fn) {
  const reason = knownDifference(SUITE, name, BROWSER);
  const [opts, body] = typeof options === 'function' ? [{}, options] : [options ?? {}, fn];
  return nodeTest(name, reason ? { ...opts, skip: `${BROWSER}: ${reason}` } : opts, body);
}

/** The page the extension opens once after it is installed (extension/first-run.ts). */
export const FIRST_RUN_PAGE = 'welcome.html';

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
  const session = IN_FIREFOX ? await launchFirefox(options) : await launchChromium(options);
  if (options.extension !== false && options.userDataDir === undefined && firstRun !== 'keep') {
    const welcome = await session
      .waitForTab(session.extensionUrl(FIRST_RUN_PAGE), { timeout: 10_000 })
      .catch(() => null);
    await welcome?.close();
  }
  if (highlightMode !== undefined) await setHighlightMode(session, highlightMode);
  if (preferences !== undefined) await setPreferences(session, preferences);
  return session;
}

/**
 * Pages in a light or dark colour scheme. Chromium switches a tab's scheme at any time
 * (`BrowserTab.emulateColorScheme`); Firefox under WebDriver BiDi only at launch, so there each scheme
 * gets a session of its own (`launch` options plus `colorScheme`), started when first asked for and
 * closed after the file. `session(scheme)` gives the session to open tabs in, `apply(tab, scheme)`
 * puts a tab of it in that scheme.
 */
export function useColorSchemes(env, launch = {}) {
  const sessions = new Map();
  after(async () => {
    await Promise.all([...sessions.values()].map((session) => session.close()));
  });
  return {
    async session(scheme) {
      if (!IN_FIREFOX) return env.session;
      if (!sessions.has(scheme)) sessions.set(scheme, await launchExtension({ ...launch, colorScheme: scheme }));
      return sessions.get(scheme);
    },
    async apply(tab, scheme) {
      if (!IN_FIREFOX) await tab.emulateColorScheme(scheme);
    },
  };
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
  after(async () => {
    await Promise.all([env.session?.close(), env.plain?.close()]);
    await env.server?.close();
  });
  return env;
}
