// Firefox for the end-to-end suite: Debian's firefox-esr, headless, driven by puppeteer-core over
// WebDriver BiDi, with the built Firefox add-on installed. The static server, polling and glossary
// helpers are the Chromium suite's (tests/e2e/harness.mjs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { HIGHLIGHT, poll, ROOT } from '../e2e/harness.mjs';

export { HIGHLIGHT, loadGlossary, poll, ROOT, screenshotPath, sleep, startServer } from '../e2e/harness.mjs';

/** The Firefox build under test; MHX_FIREFOX_EXTENSION_DIR points elsewhere (e.g. a build made with MHX_OUT_DIR). */
export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, process.env.MHX_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
export const FIREFOX = '/usr/bin/firefox-esr';

/**
 * Firefox gives each add-on a random UUID for its moz-extension:// origin at install time; fixing it
 * in the profile gives the tests a known URL for the popup and the reader.
 */
const ADDON_UUID = '5b0c7a44-3f1e-4c36-9d5a-6e2f1b8c0d17';

export const VIEWPORT = { width: 1280, height: 720 };

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

/**
 * Firefox with the built add-on installed. `prefs` are extra Firefox preferences (e.g. a proxy),
 * `env` extra environment variables for the browser.
 */
export async function launchFirefox({
  extensionDir = FIREFOX_EXTENSION_DIR,
  prefs = {},
  env = {},
  highlightDensity,
} = {}) {
  const manifest = readManifest(extensionDir);
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error('The Firefox manifest has no browser_specific_settings.gecko.id');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets BiDi install an add-on from a folder (webExtension.install).
    args: ['--remote-allow-system-access'],
    defaultViewport: VIEWPORT,
    env: { ...process.env, ...env },
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: ADDON_UUID }), ...prefs },
  });
  try {
    // Firefox wants an absolute path.
    await browser.installExtension(path.resolve(ROOT, extensionDir));
    const extensionUrl = (page) => `moz-extension://${ADDON_UUID}/${page.replace(/^\//u, '')}`;
    // The first-run page opens in a tab of its own after the install: closed, so no test takes it for its own.
    const welcome = await poll(
      async () => {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(extensionUrl('welcome.html'))) return page;
        }
        return null;
      },
      { timeout: 10_000, message: 'the first-run page' },
    ).catch(() => null);
    await welcome?.close();
    // An extension page of our own to ask the tabs API which tab is which: without the "tabs"
    // permission it tells ids and nothing else, so a new tab is the one id that was not there before.
    const control = await browser.newPage();
    await gotoExtensionPage(control, extensionUrl('reader.html'));
    // How many occurrences are highlighted, chosen on the options page as a user would (the tests
    // that count every occurrence say 'every'; the default is the first in each section, decision 040).
    if (highlightDensity !== undefined) {
      const radio = `input[name="highlightDensity"][value="${highlightDensity}"]`;
      const options = await browser.newPage();
      await gotoExtensionPage(options, extensionUrl('options.html'));
      await options.waitForSelector(radio);
      await options.click(radio);
      await poll(
        async () => {
          await gotoExtensionPage(options, extensionUrl('options.html'));
          await options.waitForSelector(radio);
          return options.$eval(radio, (input) => input.checked);
        },
        { message: `the density "${highlightDensity}" to be stored` },
      );
      await options.close();
    }
    const tabIds = () => control.evaluate(() => browser.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id)));
    return {
      browser,
      addonId,
      /** The extension page the harness keeps open (the reader); it hears runtime messages too. */
      control,
      extensionUrl,
      tabIds,
      /** Opens a new tab at `url` and returns it with its extension tab id. */
      async openTab(url) {
        const before = new Set(await tabIds());
        const page = await browser.newPage();
        const tabId = await poll(
          async () => {
            const added = (await tabIds()).filter((id) => !before.has(id));
            return added.length === 1 ? added[0] : null;
          },
          { message: 'the new tab to show up in browser.tabs' },
        );
        if (url) await page.goto(url);
        return { page, tabId };
      },
      /** The popup as a normal tab, about the tab `tabId`. */
      async openPopup(tabId) {
        const page = await browser.newPage();
        await page.setViewport({ width: 400, height: 600 });
        await gotoExtensionPage(page, extensionUrl(`popup.html?tab=${tabId}`));
        return page;
      },
      async openExtensionPage(pagePath) {
        const page = await browser.newPage();
        await gotoExtensionPage(page, extensionUrl(pagePath));
        return page;
      },
      /** The open page whose document is at `prefix` (e.g. a tab the extension opened). */
      async findPage(prefix, { timeout = 10_000 } = {}) {
        return poll(
          async () => {
            for (const page of await browser.pages()) {
              const href = await page.evaluate(() => location.href).catch(() => '');
              if (href.startsWith(prefix)) return page;
            }
            return null;
          },
          { timeout, message: `a tab at ${prefix}` },
        );
      },
      async close() {
        await browser.close().catch(() => {});
      },
    };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

/**
 * Navigates `page` to a moz-extension:// URL and waits until it has loaded. Firefox loads the page,
 * but puppeteer never hears that the navigation ended (its `goto` would time out), so this starts
 * the navigation, waits on the document itself, and then stops waiting for puppeteer's event.
 */
export async function gotoExtensionPage(page, url) {
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

export function highlightCount(page) {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT);
}

/** Waits until the page has exactly `exact` highlighted terms. */
export function waitForHighlights(page, exact, { timeout = 15_000 } = {}) {
  return poll(async () => ((await highlightCount(page)) === exact ? exact : null), {
    timeout,
    message: `exactly ${exact} highlights`,
  });
}

/** The card in the page's shadow root, as text, or null while it is not shown. */
export function cardText(page) {
  return page.evaluate(() => {
    const card = document.querySelector('mhx-explainer')?.shadowRoot?.querySelector('.term-card');
    if (!card || card.getClientRects().length === 0) return null;
    const text = (selector) => card.querySelector(selector)?.textContent?.trim() ?? null;
    const rect = card.getBoundingClientRect();
    return {
      title: text('.term'),
      summary: text('.summary'),
      source: text('.source'),
      note: text('.medical-note'),
      readMore: text('button.read-more'),
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  });
}

/** Scrolls the first highlighted `text` into view and returns its viewport rect. */
export function termRect(page, text) {
  return page.evaluate(
    ({ name, text }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].filter((range) => range.toString() === text);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[0];
      if (!range) throw new Error(`no highlighted "${text}"`);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    { name: HIGHLIGHT, text },
  );
}

/** Rests the pointer on the middle of the first highlighted `text` and waits for its card to settle. */
export async function openCardOn(page, text) {
  await page.mouse.move(2, 2);
  const rect = await termRect(page, text);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
  await poll(() => cardText(page), { message: `the card for "${text}"` });
  // Its fade-in (when motion is not reduced) has ended, so it is where and how it will stay.
  await poll(
    () =>
      page.evaluate(() => {
        const card = document.querySelector('mhx-explainer')?.shadowRoot?.querySelector('.term-card');
        return card?.getAnimations().every((animation) => animation.playState === 'finished') ?? false;
      }),
    { message: `the card for "${text}" to finish appearing` },
  );
  return { card: await cardText(page), rect };
}

/** Clicks the card's "Read in the series" button (inside the shadow root). */
export async function clickReadMore(page) {
  const button = await page.waitForSelector('mhx-explainer >>> .term-card button.read-more', { timeout: 5_000 });
  await button.click();
}
