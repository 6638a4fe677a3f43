// Firefox (Debian's firefox-esr) with the built add-on, driven by puppeteer-core over WebDriver
// BiDi: the Firefox half of the sessions the suites get from e2e.mjs. Same session shape as
// chromium-session.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { BrowserTab, newTabId, withExtensionPages } from './browser-tab.mjs';
import { DEFAULT_VIEWPORT } from './chromium-session.mjs';
import { poll, ROOT } from './polling.mjs';

/** The Firefox build under test; MHX_FIREFOX_EXTENSION_DIR points elsewhere (e.g. a build made with MHX_OUT_DIR). */
export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, process.env.MHX_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
/** The Firefox to run; MHX_FIREFOX points elsewhere (another build, or a broken one to test the failure). */
export const FIREFOX = process.env.MHX_FIREFOX ?? '/usr/bin/firefox-esr';

/** How long Firefox gets to start and answer before the run fails (it must fail, never hang). */
const LAUNCH_TIMEOUT_MS = 60_000;

/** The preferences behind `emulateMedia` (Firefox has no per-page emulation of media features over BiDi). */
const MEDIA_PREFS = {
  colorScheme: {
    name: 'layout.css.prefers-color-scheme.content-override',
    query: 'prefers-color-scheme',
    values: { dark: 0, light: 1 },
  },
  reducedMotion: {
    name: 'ui.prefersReducedMotion',
    query: 'prefers-reduced-motion',
    values: { 'no-preference': 0, reduce: 1 },
  },
};

/**
 * Firefox gives each add-on a random UUID for its moz-extension:// origin at install time; fixing it
 * in the profile gives the tests a known URL for the popup and the reader.
 */
const ADDON_UUID = '5b0c7a44-3f1e-4c36-9d5a-6e2f1b8c0d17';

function readManifest(extensionDir) {
  const file = path.join(extensionDir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(
      `The Firefox add-on is not built: ${path.relative(ROOT, file)} is missing. Run \`npm run build\` (or \`npx wxt build -b firefox\`) first.`,
    );
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or set MHX_FIREFOX to its path).`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Runs in Firefox's own window (privileged, reached over BiDi thanks to --remote-allow-system-access):
 * sets integer preferences (null clears one) and returns what each was (null: not set).
 */
function applyIntPrefs(prefs) {
  const before = {};
  for (const [name, value] of Object.entries(prefs)) {
    before[name] = Services.prefs.prefHasUserValue(name) ? Services.prefs.getIntPref(name) : null;
    if (value === null) Services.prefs.clearUserPref(name);
    else Services.prefs.setIntPref(name, value);
  }
  return JSON.stringify(before);
}

/**
 * Runs in Firefox's own window: the errors its Browser Console holds from documents whose address
 * starts with `prefix` (uncaught exceptions and console.error calls), as text.
 */
function consoleErrors(prefix) {
  const errors = [];
  for (const message of Services.console.getMessageArray() ?? []) {
    if (!(message instanceof Ci.nsIScriptError) || message.flags & Ci.nsIScriptError.warningFlag) continue;
    if ((message.sourceName ?? '').startsWith(prefix)) errors.push(`${message.errorMessage} (${message.sourceName})`);
  }
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  for (const event of storage.getEvents()) {
    if (event.level === 'error' && (event.filename ?? '').startsWith(prefix)) {
      errors.push(`console.error: ${event.arguments.map(String).join(' ')} (${event.filename})`);
    }
  }
  return JSON.stringify(errors);
}

/** Runs `fn(arg)` (it returns a JSON string) in Firefox's own window and returns what it parsed to. */
async function inBrowserWindow(browser, fn, arg) {
  const { result: tree } = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const { result } = await browser.connection.send('script.evaluate', {
    expression: `(${fn})(${JSON.stringify(arg)})`,
    target: { context: tree.contexts[0].context },
    awaitPromise: false,
  });
  if (result.type !== 'success') {
    throw new Error(`${fn.name} failed in Firefox's window: ${result.exceptionDetails?.text}`);
  }
  return JSON.parse(result.result.value);
}

/** Rejects when `promise` has not settled within `ms`, naming `what`. */
function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Navigates `page` to a moz-extension:// URL and waits until it has loaded. Firefox loads the page,
 * but puppeteer never hears that the navigation ended (its `goto` would time out), so this starts
 * the navigation, waits on the document itself, and then stops waiting for puppeteer's event.
 */
async function gotoExtensionPage(page, url) {
  const stop = new AbortController();
  const navigation = page.goto(url, { signal: stop.signal }).catch(() => {});
  try {
    await poll(
      () => page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url),
      { timeout: 15_000, message: `${url} to load` },
    );
  } finally {
    stop.abort();
    await navigation;
  }
}

/**
 * What tabs emulate of the media features, for one browser. Firefox emulates them browser-wide
 * (preferences, set by `setPrefs`, which returns what they were): the first change of a preference
 * records its value before, and every recorded value is put back once the last tab that emulated
 * closes, whatever order the tabs close in.
 */
function mediaEmulation(setPrefs) {
  const emulating = new Set();
  const original = {};
  return {
    async emulate(page, media) {
      const prefs = {};
      for (const [feature, value] of Object.entries(media)) {
        if (value !== undefined) prefs[MEDIA_PREFS[feature].name] = MEDIA_PREFS[feature].values[value];
      }
      emulating.add(page);
      const before = await setPrefs(prefs);
      for (const [name, value] of Object.entries(before)) if (!(name in original)) original[name] = value;
      // A preference reaches the page's process a moment later: resolve once its media queries see it,
      // as Chromium's emulation does, so a style read next is the emulated one.
      const queries = Object.entries(media)
        .filter(([, value]) => value !== undefined)
        .map(([feature, value]) => `(${MEDIA_PREFS[feature].query}: ${value})`);
      await poll(() => page.evaluate((list) => list.every((query) => matchMedia(query).matches), queries), {
        timeout: 5_000,
        message: `the page to see ${queries.join(' and ')}`,
      });
    },
    async release(page) {
      if (!emulating.delete(page) || emulating.size > 0) return;
      await this.releaseAll();
    },
    /** Back to the browser's own media features, whichever tabs still emulate (a test that failed may not have closed its own). */
    async releaseAll() {
      emulating.clear();
      if (Object.keys(original).length === 0) return;
      const restore = { ...original };
      for (const name of Object.keys(original)) delete original[name];
      await setPrefs(restore);
    },
  };
}

/**
 * Adapts a puppeteer page to what BrowserTab drives; `media` is the browser's `mediaEmulation`.
 */
export function puppeteerDriver(page, media) {
  return {
    url: () => page.url(),
    evaluate: (fn, arg) => (typeof fn === 'string' ? page.evaluate(fn) : page.evaluate(fn, arg)),
    goto: (url, options) => (url.startsWith('moz-extension:') ? gotoExtensionPage(page, url) : page.goto(url, options)),
    async reload() {
      const url = page.url();
      if (url.startsWith('moz-extension:')) {
        await page.evaluate(() => location.reload()).catch(() => {});
        await gotoExtensionPage(page, url);
      } else {
        await page.reload();
      }
    },
    async close() {
      await media.release(page);
      await page.close();
    },
    bringToFront: () => page.bringToFront(),
    setViewport: (size) => page.setViewport(size),
    addInitScript: (fn) => page.evaluateOnNewDocument(fn),
    // A sandbox of puppeteer's own (a WebDriver BiDi sandbox): the page's DOM through Xray wrappers,
    // with the built-ins as Firefox made them, whatever the page did to its own.
    evaluateIsolated: (fn, arg) =>
      page
        .mainFrame()
        .isolatedRealm()
        .evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`),
    frames: () =>
      page.frames().map((frame) => ({
        url: () => frame.url(),
        evaluate: (fn, arg) => (typeof fn === 'string' ? frame.evaluate(fn) : frame.evaluate(fn, arg)),
      })),
    mouse: page.mouse,
    keyboard: page.keyboard,
    wheel: (deltaX, deltaY) => page.mouse.wheel({ deltaX, deltaY }),
    tap: (x, y) => page.touchscreen.tap(x, y),
    async setInputFile(selector, file) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no element matches ${selector}`);
      await input.uploadFile(file);
    },
    async captureDownload(action) {
      // Firefox under BiDi reports no download events: the page's save is caught where it starts,
      // the click on a link to a blob (how extension pages save a file). The blob is read as an
      // object, kept when its URL was made: an extension page's CSP (connect-src 'none') refuses a
      // fetch of the URL.
      await page.evaluate(() => {
        window.mhxTestDownloads = [];
        const blobs = new Map();
        const createObjectURL = URL.createObjectURL;
        URL.createObjectURL = (object) => {
          const url = createObjectURL.call(URL, object);
          blobs.set(url, object);
          return url;
        };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function captureDownload() {
          if (this.download && blobs.has(this.href)) {
            window.mhxTestDownloads.push(
              blobs
                .get(this.href)
                .arrayBuffer()
                .then((buffer) => ({
                  fileName: this.download,
                  base64: btoa(Array.from(new Uint8Array(buffer), (byte) => String.fromCharCode(byte)).join('')),
                })),
            );
            return;
          }
          click.call(this);
        };
      });
      await action();
      const { fileName, base64 } = await poll(
        () => page.evaluate(() => (window.mhxTestDownloads.length > 0 ? window.mhxTestDownloads.shift() : null)),
        // A file the page builds in a worker may take a while on a busy machine.
        { timeout: 30_000, message: 'the page to save a file' },
      );
      const bytes = Buffer.from(base64, 'base64');
      return { fileName, bytes, text: bytes.toString('utf8') };
    },
    screenshot: (options) => page.screenshot(options),
    emulateMedia: (features) => media.emulate(page, features),
    onError(report) {
      page.on('console', (message) => {
        if (message.type() === 'error') report(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => report(`pageerror: ${error.message}`));
    },
  };
}

/**
 * Firefox with the built add-on installed. `locale` is the requested UI language: it sets
 * `navigator.language`, but `browser.i18n.getUILanguage()` stays that of an installed language pack
 * (en-US only in Debian's firefox-esr). `prefs` are extra Firefox preferences (e.g. a proxy),
 * `env` extra environment variables for the browser. Pass the `userDataDir` of an earlier session
 * (closed with `{ keepProfile: true }`) to start the same profile again: the add-on is installed
 * anew (a temporary add-on goes when Firefox closes) and finds its storage as it left it.
 */
export async function launchFirefox({
  userDataDir,
  extensionDir = FIREFOX_EXTENSION_DIR,
  prefs = {},
  env = {},
  display,
  viewport = DEFAULT_VIEWPORT,
  locale,
  colorScheme,
  touch = false,
  extension = true,
} = {}) {
  const manifest = readManifest(extensionDir);
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error('The Firefox manifest has no browser_specific_settings.gecko.id');
  const profile = userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'mhx-firefox-')));
  const browser = await within(
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: display === undefined,
      userDataDir: profile,
      // Lets BiDi install an add-on from a folder (webExtension.install) and set preferences (emulateMedia).
      args: ['--remote-allow-system-access'],
      defaultViewport: viewport,
      env: { ...process.env, ...(display === undefined ? {} : { DISPLAY: display.name }), ...env },
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: LAUNCH_TIMEOUT_MS,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: ADDON_UUID }),
        // The add-on's storage and origin outlive an uninstall and a new install of it in one run. A
        // restart needs neither (the profile keeps a temporary add-on's storage, and its origin is
        // pinned above): site-switch-persistence.test.mjs restarts Firefox and finds the rules.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        ...(locale ? { 'intl.locale.requested': locale, 'intl.accept_languages': locale } : {}),
        ...(colorScheme ? { 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 } : {}),
        ...(touch ? { 'dom.w3c_touch_events.enabled': 1 } : {}),
        ...prefs,
      },
    }),
    LAUNCH_TIMEOUT_MS,
    `Starting ${FIREFOX}`,
  );
  const extensionUrl = (page) => `moz-extension://${ADDON_UUID}/${page.replace(/^\//u, '')}`;
  const media = mediaEmulation((values) => inBrowserWindow(browser, applyIntPrefs, values));
  const wrap = (page, tabId) =>
    new BrowserTab({ browserName: 'firefox', page, tabId, driver: puppeteerDriver(page, media) });
  try {
    // Firefox wants an absolute path.
    if (extension)
      await within(browser.installExtension(path.resolve(ROOT, extensionDir)), 30_000, 'Installing the add-on');
    // An extension page of our own to reach the extension API and ask which tab is which: without
    // the "tabs" permission it tells ids and nothing else, so a new tab is the one id that was not
    // there before. It hears runtime messages and storage changes too.
    let controlPage = (await browser.pages())[0] ?? (await browser.newPage());
    if (extension) await gotoExtensionPage(controlPage, extensionUrl('reader.html'));
    /** The control page; opened again when the add-on closed it (a reload closes its pages). */
    const control = async () => {
      // puppeteer may not have heard yet that the page went: asked, a closed page fails.
      const alive = await controlPage.evaluate(() => typeof browser?.tabs?.query === 'function').catch(() => false);
      if (alive) return controlPage;
      const page = await browser.newPage();
      await poll(
        async () => {
          await gotoExtensionPage(page, extensionUrl('reader.html'));
          return page.evaluate(() => typeof browser?.tabs?.query === 'function');
        },
        { timeout: 20_000, message: 'the add-on to be back after a reload' },
      );
      controlPage = page;
      return page;
    };
    // Requests of every tab, for onRequest: WebDriver BiDi reports a tab's requests, not the background's.
    const requestListeners = new Set();
    const reportRequests = (page) =>
      page.on('request', (request) => {
        for (const listener of requestListeners) listener({ url: request.url(), type: null, worker: false });
      });
    for (const page of await browser.pages()) reportRequests(page);
    browser.on('targetcreated', async (target) => {
      const page = await target.page().catch(() => null);
      if (page) reportRequests(page);
    });
    const tabIds = async () =>
      (await control()).evaluate(() => browser.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id)));

    const session = {
      browserName: 'firefox',
      /** puppeteer's Browser, for what only Firefox can do. */
      browser,
      addonId,
      userDataDir: profile,
      /** The folder of the build under test. */
      extensionDir,
      extensionUrl,
      /** Runs `fn(arg)` in an extension page of the add-on; `chrome.*` and `browser.*` are there. */
      inExtension: async (fn, arg) => (await control()).evaluate(fn, arg),

      async openTab(url, { viewport: size, initScript, identify = extension } = {}) {
        const before = identify ? new Set(await tabIds()) : null;
        const page = await browser.newPage();
        if (size) await page.setViewport(size);
        if (initScript) await page.evaluateOnNewDocument(initScript);
        const tab = wrap(page, identify ? await newTabId(tabIds, before) : undefined);
        if (url) await tab.goto(url);
        return tab;
      },

      async waitForTab(prefix, { timeout = 10_000 } = {}) {
        const page = await poll(
          async () => {
            for (const candidate of await browser.pages()) {
              if (candidate === controlPage) continue;
              const href = await candidate.evaluate(() => location.href).catch(() => '');
              if (href.startsWith(prefix)) return candidate;
            }
            return null;
          },
          { timeout, message: `a tab at ${prefix}` },
        );
        return wrap(page);
      },

      /**
       * Errors the add-on's pages and background logged or threw, as the Browser Console keeps them
       * (Chromium's counterpart is chrome://extensions, see tests/hostile/faults-kit.mjs).
       */
      extensionErrors: () => inBrowserWindow(browser, consoleErrors, extensionUrl('')),

      /**
       * Calls `listener({ url, type: null, worker: false })` for each request Firefox reports for a
       * tab (pages with their content scripts' requests, extension pages in tabs; not the add-on's
       * background). Returns the way to stop.
       */
      onRequest(listener) {
        requestListeners.add(listener);
        return () => requestListeners.delete(listener);
      },

      // Asked of each document: puppeteer does not always hear where an add-on's page went.
      tabUrls: async () =>
        Promise.all(
          (await browser.pages())
            .filter((page) => page !== controlPage)
            .map((page) => page.evaluate(() => location.href).catch(() => page.url())),
        ),

      /** After each test: media features emulated browser-wide do not outlast it. */
      endTest: () => media.releaseAll(),

      async close({ keepProfile = false } = {}) {
        await within(browser.close(), 30_000, 'Closing Firefox').catch(() => browser.process()?.kill('SIGKILL'));
        if (!keepProfile) await rm(profile, { recursive: true, force: true });
      },
    };
    return withExtensionPages(session);
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}
