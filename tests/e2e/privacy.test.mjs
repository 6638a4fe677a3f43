// Privacy, proven in both browsers: a user uses every feature — highlights, the hover card, "Read in
// the series", the popup's reader, search, help lines and site switch, the options page — and nothing goes on
// the network, page text reaches neither the background nor storage, and only settings are stored.
//
// What counts as a network request: any http:, https:, ws: or wss: request that the browser reports
// for a page (content scripts' requests included), an extension page or (Chromium) the service
// worker, and any such request that leaves the browser at all: every one passes through a recording
// proxy, loopback included, whatever made it. Not counted: the test's own page loads — GETs of
// exactly the fixture pages the test opened, from the fixture server on 127.0.0.1 — the extension's
// own files (chrome-extension://, moz-extension://), data: and blob: URLs, which never reach the
// network, and, at the proxy only, Chromium's own update, sign-in and autofill services, which it
// calls with no extension installed and which no page or worker of the browser reported. Firefox's
// own background traffic is switched off instead, so there it has no exception.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';
import {
  assertNoErrors,
  CARD,
  highlightCount,
  openCardOn,
  poll,
  sleep,
  test,
  useSession,
  waitForHighlights,
} from '../support/e2e.mjs';
import {
  BROWSER_OWN_SERVICES,
  PAGE_SECRET,
  PRIVATE_PAGE,
  PRIVATE_PAGE_TERMS,
  recordedLaunch,
  startRecordingProxy,
  storedAsText,
} from '../support/privacy-kit.mjs';

/** After the last action, how long anything delayed (a timer, a retry, a beacon) gets to show up. */
const QUIET_PERIOD_MS = 2_000;
const SWITCH = '[role="switch"]';

const NOT_NETWORK = /^(chrome-extension|moz-extension|data|blob|about|chrome):/u;
const hostOf = ({ method, url }) => (method === 'CONNECT' ? url.replace(/:\d+$/u, '') : new URL(url).hostname);
const leftTheBrowser = () => proxy.foreign().filter((request) => !BROWSER_OWN_SERVICES.has(hostOf(request)));

/** Requests the browser reported for any page, extension page or worker of its own. */
const reported = [];
/** The pages the test itself opened: the only requests allowed. */
const opened = new Set();

let proxy;
const env = useSession({
  routes: { '/private.html': PRIVATE_PAGE },
  launch: async (server) => {
    proxy = await startRecordingProxy({ fixturePort: server.port });
    // Every occurrence, as the other suites count them (decision 040).
    return { ...recordedLaunch(proxy), preferences: { highlightDensity: 'every' } };
  },
  setUp: async () => {
    env.session.onRequest((request) => {
      if (!NOT_NETWORK.test(request.url)) reported.push(request);
    });
    // What reaches the background and what is written to storage, recorded where it arrives (the
    // service worker in Chromium; in Firefox an extension page, which hears runtime messages too).
    await env.session.inExtension(() => {
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

/** Runs where the extension runs: 'sent' if a request to `url` went out, else the error's name. */
function tryToSend(url) {
  return fetch(url).then(
    () => 'sent',
    (error) => error.name,
  );
}

/** Since `before` (the counts then), the canary is the one request that left the browser, and the one reported. */
async function assertOnlyCanary(before, canary) {
  await sleep(500);
  assert.equal(leftTheBrowser().length, before.left + 1, 'only the canary left the browser');
  assert.deepEqual(
    reported.slice(before.reported).map(({ url }) => url),
    [canary],
    'the browser reported only the canary',
  );
}

function visit(pagePath) {
  const url = env.server.url(pagePath);
  opened.add(url);
  return url;
}

test('using every feature sends nothing anywhere and keeps page text in the tab', async () => {
  // Highlights and the hover card.
  const page = await env.session.openTab(visit('private.html'));
  await waitForHighlights(page, { min: PRIVATE_PAGE_TERMS });
  await openCardOn(page, 'ketamine');

  // "Read in the series" from the card opens the reader.
  await page.click(`${CARD} button.read-more`);
  const reader = await env.session.waitForTab(env.session.extensionUrl('reader.html#'));
  await reader.waitFor('.is-target');

  // The popup: the series, search (and choosing a result), the reader in a tab, the site switch.
  const popup = await env.session.openPopup(page.tabId);
  await popup.waitFor('article#part-1 h2');
  // "Need help now?" opened: its help line and directory are links, followed only when clicked.
  // (The popup may draw its help entry again once its settings are read: opened until it stays so.)
  await poll(
    async () => {
      if (!(await popup.property('details.help-now', 'open'))) await popup.click('details.help-now summary');
      return (await popup.count('details.help-now[open] .help-directory a')) > 0;
    },
    { message: '"Need help now?" to open' },
  );
  await popup.fill('#series-search', 'glutamte');
  await popup.click('.results .result', { hasText: 'Glutamate' });
  await popup.click('button', { hasText: /^Open the series in a tab$/u });
  await poll(
    async () =>
      (await env.session.tabUrls()).filter((url) => url.startsWith(env.session.extensionUrl('reader.html'))).length >=
      2,
    { message: 'the popup to open a second reader tab' },
  );
  // The switch shows the stored setting, so it flips once the write has landed, not at the click.
  await popup.click(SWITCH);
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the site to switch off' });
  await poll(async () => !(await popup.isChecked(SWITCH)), { message: 'the switch to show off' });
  await popup.click(SWITCH);
  await waitForHighlights(page, { min: PRIVATE_PAGE_TERMS });

  // The options page, if the build has one.
  const manifest = JSON.parse(readFileSync(path.join(env.session.extensionDir, 'manifest.json'), 'utf8'));
  const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
  let options = null;
  if (optionsPage) {
    options = await env.session.openExtensionPage(optionsPage);
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
    'requests the browser reported for pages, extension pages or the service worker',
  );

  // Page text reached neither the background nor storage (read inflated where it is compressed).
  const recorded = await env.session.inExtension(() => self.privacyAudit ?? null);
  assert.notEqual(recorded, null, 'the audit was kept (the context recording it was not restarted)');
  assert.ok(recorded.messages.length > 0, 'the audit heard the messages of "Read in the series"');
  const audit = await env.session.inExtension(storedAsText, recorded);
  assert.equal(audit.text.includes(PAGE_SECRET), false, `page text in a message or in storage: ${audit.text}`);
  assert.ok(
    Object.keys(audit.keys).some((area) => audit.keys[area].length > 0),
    'the site switch stored a setting',
  );
  // Settings only (README, "Privacy"): rules and preferences in sync or local storage, in local
  // storage also the rules' unpacked copy and when the first-run page was shown (a date, so that it
  // opens once), and in session
  // storage (memory, gone when the browser closes) the badge's term count per tab.
  for (const area of ['sync', 'local']) {
    const allowed =
      area === 'local'
        ? /^(preferences|siteRules)\b|^siteRulesUnpacked$|^firstRunShownAt$/u
        : /^(preferences|siteRules)\b/u;
    for (const key of audit.keys[area]) assert.match(key, allowed, `${area} storage: ${key}`);
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

  assertNoErrors(page, popup, ...(options ? [options] : []));
});

test('the recorders are not blind, and extension pages could not send even if they tried', async () => {
  const page = await env.session.openTab(visit('private.html'));
  await waitForHighlights(page, { min: PRIVATE_PAGE_TERMS });
  const before = { left: leftTheBrowser().length, reported: reported.length };

  // A request from the page is seen at the proxy and reported by the browser.
  const canary = 'https://page.canary.invalid/';
  await page.evaluate((url) => fetch(url).catch(() => {}), canary);
  await poll(
    () =>
      leftTheBrowser().some(({ url }) => url === 'page.canary.invalid:443') &&
      reported.some(({ url }) => url === canary),
    { message: 'both recorders to see the canary request' },
  );

  // The storage reader finds text that was stored compressed.
  const compressedCanary = 'the storage reader reads compressed values too';
  await env.session.inExtension(async (text) => {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    await chrome.storage.session.set({ privacyCanary: btoa(String.fromCharCode(...bytes)) });
  }, compressedCanary);
  const { text } = await env.session.inExtension(storedAsText, null);
  await env.session.inExtension(() => chrome.storage.session.remove('privacyCanary'));
  assert.ok(text.includes(compressedCanary), 'storedAsText inflates compressed values');

  // Extension pages cannot connect anywhere: the extension's CSP refuses.
  const extensionPage = await env.session.openExtensionPage('reader.html');
  assert.equal(await extensionPage.evaluate(tryToSend, 'http://extension-page.canary.invalid/'), 'TypeError');
  await assertOnlyCanary(before, canary);
  await Promise.all([extensionPage.close(), page.close()]);
});

test('a request from the content script is seen by both recorders, and the service worker could not send', async () => {
  // Chromium only (see known-differences.mjs): the DevTools protocol reaches the content script's world.
  const page = await env.session.openTab(visit('private.html'));
  await waitForHighlights(page, { min: PRIVATE_PAGE_TERMS });
  const before = { left: leftTheBrowser().length, reported: reported.length };

  const cdp = await env.session.context.newCDPSession(page.page);
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
  const canary = 'http://content-script.canary.invalid/';
  await cdp.send('Runtime.evaluate', {
    contextId: contentScript.id,
    expression: `fetch(${JSON.stringify(canary)}).catch(() => {})`,
    awaitPromise: true,
  });
  await cdp.detach();
  await poll(() => leftTheBrowser().some(({ url }) => url === canary) && reported.some(({ url }) => url === canary), {
    message: 'both recorders to see the content script canary',
  });

  // The service worker cannot connect anywhere either: the extension's CSP refuses.
  assert.equal(await env.session.inExtension(tryToSend, 'http://service-worker.canary.invalid/'), 'TypeError');
  await assertOnlyCanary(before, canary);
  await page.close();
});
