// Firefox (Debian's firefox-esr) with the built add-on, driven by puppeteer-core over WebDriver
// BiDi: the Firefox half of the sessions the suites get from e2e.mjs. Same session shape as
// chromium-session.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { BrowserTab } from './browser-tab.mjs';
import { DEFAULT_VIEWPORT } from './chromium-session.mjs';
import { poll, ROOT } from './polling.mjs';

/** The Firefox build under test; MHX_FIREFOX_EXTENSION_DIR points elsewhere (e.g. a build made with MHX_OUT_DIR). */
export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, process.env.MHX_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
export const FIREFOX = '/usr/bin/firefox-esr';

/** How long Firefox gets to start and answer before the run fails (it must fail, never hang). */
const LAUNCH_TIMEOUT_MS = 60_000;

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
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (apt-get install firefox-esr).`);
  return JSON.parse(readFileSync(file, 'utf8'));
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

/** Adapts a puppeteer page to what BrowserTab drives. */
export function puppeteerDriver(page) {
  return {
    url: () => page.url(),
    evaluate: (fn, arg) => (typeof fn === 'string' ? page.evaluate(fn) : page.evaluate(fn, arg)),
    goto: (url) => (url.startsWith('moz-extension:') ? gotoExtensionPage(page, url) : page.goto(url)),
    async reload() {
      const url = page.url();
      if (url.startsWith('moz-extension:')) {
        await page.evaluate(() => location.reload()).catch(() => {});
        await gotoExtensionPage(page, url);
      } else {
        await page.reload();
      }
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    setViewport: (size) => page.setViewport(size),
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
      // the click on a link to a blob (how extension pages save a file), and the blob read back.
      await page.evaluate(() => {
        window.mhxTestDownloads = [];
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function captureDownload() {
          if (this.download && this.href.startsWith('blob:')) {
            window.mhxTestDownloads.push(
              fetch(this.href)
                .then((response) => response.text())
                .then((text) => ({ fileName: this.download, text })),
            );
            return;
          }
          click.call(this);
        };
      });
      await action();
      return poll(() => page.evaluate(() => (window.mhxTestDownloads.length > 0 ? window.mhxTestDownloads[0] : null)), {
        message: 'the page to save a file',
      });
    },
    screenshot: (options) => page.screenshot(options),
    emulateColorScheme: (value) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value }]),
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
      headless: true,
      userDataDir: profile,
      // Lets BiDi install an add-on from a folder (webExtension.install).
      args: ['--remote-allow-system-access'],
      defaultViewport: viewport,
      env: { ...process.env, ...env },
      protocolTimeout: LAUNCH_TIMEOUT_MS,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: ADDON_UUID }),
        // A temporary add-on is uninstalled when Firefox closes; a restart test needs its storage kept.
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
  const wrap = (page, tabId) => new BrowserTab({ browserName: 'firefox', page, tabId, driver: puppeteerDriver(page) });
  try {
    // Firefox wants an absolute path.
    if (extension)
      await within(browser.installExtension(path.resolve(ROOT, extensionDir)), 30_000, 'Installing the add-on');
    // An extension page of our own to reach the extension API and ask which tab is which: without
    // the "tabs" permission it tells ids and nothing else, so a new tab is the one id that was not
    // there before. It hears runtime messages and storage changes too.
    const controlPage = (await browser.pages())[0] ?? (await browser.newPage());
    if (extension) await gotoExtensionPage(controlPage, extensionUrl('reader.html'));
    const tabIds = () => controlPage.evaluate(() => browser.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id)));

    const session = {
      browserName: 'firefox',
      /** puppeteer's Browser, for what only Firefox can do. */
      browser,
      addonId,
      userDataDir: profile,
      extensionUrl,
      /** The extension page the session keeps open (the reader), as a tab. */
      control: wrap(controlPage),

      /** Runs `fn(arg)` in an extension page of the add-on; `chrome.*` and `browser.*` are there. */
      inExtension: (fn, arg) => controlPage.evaluate(fn, arg),

      async openTab(url, { viewport: size } = {}) {
        const before = extension ? new Set(await tabIds()) : null;
        const page = await browser.newPage();
        if (size) await page.setViewport(size);
        const tabId = extension
          ? await poll(
              async () => {
                const added = (await tabIds()).filter((id) => !before.has(id));
                return added.length === 1 ? added[0] : null;
              },
              { message: 'the new tab to show up in browser.tabs' },
            )
          : undefined;
        const tab = wrap(page, tabId);
        if (url) await tab.goto(url);
        return tab;
      },

      openExtensionPage(pagePath, options) {
        return session.openTab(extensionUrl(pagePath), options);
      },

      openPopup(tabId, { viewport: size = { width: 400, height: 600 } } = {}) {
        return session.openExtensionPage(`popup.html?tab=${tabId}`, { viewport: size });
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

      // puppeteer may still report about:blank for a tab the extension opened: ask the document.
      tabUrls: async () =>
        Promise.all(
          (await browser.pages())
            .filter((page) => page !== controlPage)
            .map((page) => page.evaluate(() => location.href).catch(() => page.url())),
        ),

      async close({ keepProfile = false } = {}) {
        await within(browser.close(), 30_000, 'Closing Firefox').catch(() => browser.process()?.kill('SIGKILL'));
        if (!keepProfile) await rm(profile, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}
