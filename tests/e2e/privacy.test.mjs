// Privacy, proven in Chromium: a user uses every feature — highlights, the hover card, "Read in the
// series", the popup's reader, search, help lines and site switch, the options page — and nothing goes on the
// network, page text reaches neither the background nor storage, and only settings are stored.
//
// What counts as a network request: any http:, https:, ws: or wss: request that Chromium reports for
// a page (content scripts' requests included), an extension page or the service worker, and any such
// request that leaves the browser at all: every one passes through a recording proxy, loopback
// included, whatever made it. Not counted: the test's own page loads — GETs of exactly the fixture
// pages the test opened, from the fixture server on 127.0.0.1 — the extension's own files
// (chrome-extension://), data: and blob: URLs, which never reach the network, and, at the proxy
// only, Chromium's own update, sign-in and autofill services, which it calls with no extension
// installed and which no page or worker of the browser reported (tests/e2e-firefox/firefox-privacy.test.mjs
// runs the same check in Firefox, where the browser's own traffic can be switched off: no exception).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  CARD,
  collectErrors,
  EXTENSION_DIR,
  highlightCount,
  openCardOn,
  openPopup,
  openTab,
  poll,
  sleep,
  useServerAndExtension,
  waitForHighlights,
} from './harness.mjs';
import { PAGE_SECRET, PRIVATE_PAGE, PRIVATE_PAGE_TERMS, startRecordingProxy, storedAsText } from './privacy-kit.mjs';

/** After the last action, how long anything delayed (a timer, a retry, a beacon) gets to show up. */
const QUIET_PERIOD_MS = 2_000;

const NOT_NETWORK = /^(chrome-extension|data|blob|about|chrome):/u;
/**
 * Hosts Chromium itself calls in the background whether or not an extension is installed (component
 * updater, account check, autofill), despite --disable-background-networking; the extension's
 * CSP would refuse them, and no page or worker reports them.
 */
const CHROMIUM_OWN_SERVICES = new Set([
  'update.googleapis.com',
  'accounts.google.com',
  'content-autofill.googleapis.com',
  'clients2.google.com',
]);
const hostOf = ({ method, url }) => (method === 'CONNECT' ? url.replace(/:\d+$/u, '') : new URL(url).hostname);
const leftTheBrowser = () => proxy.foreign().filter((request) => !CHROMIUM_OWN_SERVICES.has(hostOf(request)));

/** Requests Chromium reported for any page, extension page or worker of the browser. */
const reported = [];
/** The pages the test itself opened: the only requests allowed. */
const opened = new Set();

let proxy;
const env = useServerAndExtension({
  routes: { '/private.html': PRIVATE_PAGE },
  launch: async (server) => {
    proxy = await startRecordingProxy({ fixturePort: server.port });
    // Every occurrence, as the other suites count them (decision 040).
    return { proxy: { server: `http://127.0.0.1:${proxy.port}` }, highlightDensity: 'every' };
  },
  setUp: async () => {
    env.session.context.on('request', (request) => {
      if (!NOT_NETWORK.test(request.url())) {
        reported.push({ url: request.url(), type: request.resourceType(), worker: request.serviceWorker() !== null });
      }
    });
    // What reaches the background and what is written to storage, recorded where it arrives.
    await env.session.inWorker(() => {
      self.privacyAudit = { messages: [], storageChanges: [] };
      chrome.runtime.onMessage.addListener((message, sender) => {
        self.privacyAudit.messages.push({ message, from: sender.url ?? '' });
      });
      chrome.storage.onChanged.addListener((changes, area) => {
        self.privacyAudit.storageChanges.push({ area, changes });
      });
    });
  },
});

after(() => proxy?.close());

function visit(pagePath) {
  const url = env.server.url(pagePath);
  opened.add(url);
  return url;
}

/** Waits for a tab the extension opens at `prefix`. */
function extensionTab(prefix) {
  return poll(() => env.session.context.pages().find((page) => page.url().startsWith(prefix)) ?? null, {
    message: `a tab at ${prefix}`,
  });
}

test('using every feature sends nothing anywhere and keeps page text in the tab', async () => {
  const errors = [];

  // Highlights and the hover card.
  const { page, tabId } = await openTab(env.session, visit('private.html'));
  errors.push(...collectErrors(page));
  await waitForHighlights(page, { min: PRIVATE_PAGE_TERMS });
  await openCardOn(page, 'ketamine');

  // "Read in the series" from the card opens the reader.
  await page.locator(`${CARD} button.read-more`).click();
  const reader = await extensionTab(env.session.extensionUrl('reader.html#'));
  await reader.locator('.is-target').waitFor({ timeout: 10_000 });

  // The popup: the series, search (and choosing a result), the reader in a tab, the site switch.
  const popup = await openPopup(env.session, tabId);
  errors.push(...collectErrors(popup));
  await popup.locator('article#part-1 h2').waitFor({ timeout: 10_000 });
  // "Need help now?" opened: its help line and directory are links, followed only when clicked.
  await popup.getByText('Need help now?').click();
  await popup.locator('details.help-now[open] .help-directory a').waitFor({ timeout: 5_000 });
  await popup.locator('#series-search').fill('glutamte');
  await popup.locator('.results .result', { hasText: 'Glutamate' }).first().click();
  await popup.getByRole('button', { name: 'Open the series in a tab' }).click();
  await poll(
    () =>
      env.session.context.pages().filter((tab) => tab.url().startsWith(env.session.extensionUrl('reader.html')))
        .length >= 2,
    { message: 'the popup to open a second reader tab' },
  );
  // The switch shows the stored setting, so it flips once the write has landed, not at the click.
  const siteSwitch = popup.getByRole('switch');
  await siteSwitch.click();
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the site to switch off' });
  await poll(async () => !(await siteSwitch.isChecked()), { message: 'the switch to show off' });
  await siteSwitch.click();
  await waitForHighlights(page, { min: PRIVATE_PAGE_TERMS });

  // The options page, if the build has one.
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
  if (optionsPage) {
    const options = await env.session.context.newPage();
    errors.push(...collectErrors(options));
    await options.goto(env.session.extensionUrl(optionsPage));
    await poll(() => options.evaluate(() => document.body.textContent.trim().length > 0), {
      message: 'the options page to render',
    });
  }

  await sleep(QUIET_PERIOD_MS);

  // Nothing left the browser but the test's own page loads.
  assert.deepEqual(leftTheBrowser(), [], 'requests that left the browser');
  assert.deepEqual(
    proxy.fixture().filter(({ method, url }) => method !== 'GET' || !opened.has(url)),
    [],
    'requests to the fixture server beyond the pages the test opened',
  );
  assert.deepEqual(
    reported.filter(({ url }) => !opened.has(url)),
    [],
    'requests Chromium reported for pages, extension pages or the service worker',
  );

  // Page text reached neither the background nor storage (read inflated where it is compressed).
  const recorded = await env.session.inWorker(() => self.privacyAudit ?? null);
  assert.notEqual(recorded, null, 'the service worker kept its audit (it was not restarted)');
  assert.ok(recorded.messages.length > 0, 'the audit heard the messages of "Read in the series"');
  const audit = await env.session.inWorker(storedAsText, recorded);
  assert.equal(audit.text.includes(PAGE_SECRET), false, `page text in a message or in storage: ${audit.text}`);
  assert.ok(
    Object.keys(audit.keys).some((area) => audit.keys[area].length > 0),
    'the site switch stored a setting',
  );
  // Settings only (README, "Privacy"): rules and preferences in sync or local storage, the date the
  // welcome page was shown in local storage, and in session storage (memory, gone when the browser
  // closes) the badge's term count per tab.
  for (const area of ['sync', 'local']) {
    for (const key of audit.keys[area]) {
      assert.match(
        key,
        area === 'local' ? /^(preferences|siteRules)\b|^firstRunShownAt$/u : /^(preferences|siteRules)\b/u,
        `${area} storage: ${key}`,
      );
    }
  }
  for (const [key, value] of Object.entries(audit.stored.session)) {
    assert.match(key, /^badge\.\d+$/u, `session storage: ${key}`);
    assert.ok(
      Object.values(value).every((count) => Number.isInteger(count)),
      `${key} holds counts only`,
    );
  }
  console.log(`# stored: ${JSON.stringify(audit.keys)} (${audit.inflated} compressed values read)`);
  console.log(`# messages to the background: ${recorded.messages.length}`);

  // The extension's origin keeps nothing of its own beyond extension storage.
  const originStorage = await popup.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(originStorage, { localStorage: 0, sessionStorage: 0, indexedDB: 0, caches: 0 });

  assert.deepEqual(errors, []);
});

test('the recorders are not blind, and the extension could not send even if it tried', async () => {
  const { page } = await openTab(env.session, visit('private.html'));
  await waitForHighlights(page, { min: PRIVATE_PAGE_TERMS });
  const before = { left: leftTheBrowser().length, reported: reported.length };

  // A request from the page is seen at the proxy and reported by Chromium…
  await page.evaluate(() => fetch('https://page.canary.invalid/').catch(() => {}));
  // …and so is one made in the content script's own world (reached through the DevTools protocol).
  const cdp = await env.session.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const contentScript = await poll(
    () =>
      contexts.find(
        (context) =>
          context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${env.session.extensionId}`,
      ) ?? null,
    { message: "the content script's world" },
  );
  await cdp.send('Runtime.evaluate', {
    contextId: contentScript.id,
    expression: "fetch('http://content-script.canary.invalid/').catch(() => {})",
    awaitPromise: true,
  });
  await cdp.detach();
  const canaries = ['https://page.canary.invalid/', 'http://content-script.canary.invalid/'];
  await poll(
    () => {
      const atProxy = leftTheBrowser().map(({ url }) => url);
      const inBrowser = reported.map(({ url }) => url);
      return atProxy.includes('page.canary.invalid:443') &&
        atProxy.includes(canaries[1]) &&
        canaries.every((url) => inBrowser.includes(url))
        ? true
        : null;
    },
    { message: 'both recorders to see both canary requests' },
  );

  // The storage reader finds text that was stored compressed.
  const compressedCanary = 'the storage reader reads compressed values too';
  await env.session.inWorker(async (text) => {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    await chrome.storage.session.set({ privacyCanary: btoa(String.fromCharCode(...bytes)) });
  }, compressedCanary);
  const { text } = await env.session.inWorker(storedAsText, null);
  await env.session.inWorker(() => chrome.storage.session.remove('privacyCanary'));
  assert.ok(text.includes(compressedCanary), 'storedAsText inflates compressed values');

  // Extension pages and the service worker cannot connect anywhere: the extension's CSP refuses.
  const extensionPage = await env.session.context.newPage();
  await extensionPage.goto(env.session.extensionUrl('reader.html'));
  const fromPage = await extensionPage.evaluate(() =>
    fetch('http://extension-page.canary.invalid/').then(
      () => 'sent',
      (error) => error.name,
    ),
  );
  const fromWorker = await env.session.inWorker(() =>
    fetch('http://service-worker.canary.invalid/').then(
      () => 'sent',
      (error) => error.name,
    ),
  );
  assert.deepEqual({ fromPage, fromWorker }, { fromPage: 'TypeError', fromWorker: 'TypeError' });
  await sleep(500);
  assert.equal(leftTheBrowser().length, before.left + 2, 'only the two canaries left the browser');
  assert.deepEqual(
    reported.slice(before.reported).map(({ url }) => url),
    canaries,
    'Chromium reported only the two canaries',
  );
});
