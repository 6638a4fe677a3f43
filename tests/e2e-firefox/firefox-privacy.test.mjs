// Privacy, proven in Firefox: a user uses every feature and nothing at all leaves the browser but
// the test's own page loads, page text reaches no other part of the extension nor storage.
//
// What counts as a network request: any http:, https:, ws: or wss: request that leaves Firefox. The
// browser sends every one through a recording proxy (loopback included), whatever made it: page,
// content script, extension page or background. Firefox's own background traffic is switched off
// (its Remote Settings sync is the only one left under puppeteer's automation preferences), so there
// is no exception to make. Not counted: GETs of exactly the fixture pages the test opened, from the
// fixture server on 127.0.0.1, and the add-on's own files (moz-extension://), which never reach
// the network.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  PAGE_SECRET,
  PRIVATE_PAGE,
  PRIVATE_PAGE_TERMS,
  startRecordingProxy,
  storedAsText,
} from '../e2e/privacy-kit.mjs';
import {
  clickReadMore,
  FIREFOX_EXTENSION_DIR,
  highlightCount,
  launchFirefox,
  openCardOn,
  poll,
  sleep,
  startServer,
} from './firefox-harness.mjs';

/** After the last action, how long anything delayed (a timer, a retry, a beacon) gets to show up. */
const QUIET_PERIOD_MS = 2_000;

let server;
let proxy;
let firefox;
const opened = new Set();

before(async () => {
  server = await startServer({ routes: { '/private.html': PRIVATE_PAGE } });
  proxy = await startRecordingProxy({ fixturePort: server.port });
  firefox = await launchFirefox({
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own Remote Settings sync; the server preference only counts with the variable below.
      'services.settings.server': 'data:,#remote-settings-off/v1',
    },
    env: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  // Runtime messages reach every extension page, so the harness's own extension page hears what the
  // content script and the popup tell the background; it also hears every storage change.
  await firefox.control.evaluate(() => {
    window.privacyAudit = { messages: [], storageChanges: [] };
    browser.runtime.onMessage.addListener((message) => {
      window.privacyAudit.messages.push(message);
    });
    browser.storage.onChanged.addListener((changes, area) => {
      window.privacyAudit.storageChanges.push({ area, changes });
    });
  });
});

after(async () => {
  await firefox?.close();
  await proxy?.close();
  await server?.close();
});

function visit(pagePath) {
  const url = server.url(pagePath);
  opened.add(url);
  return url;
}

async function waitForTerms(page) {
  await poll(async () => (await highlightCount(page)) >= PRIVATE_PAGE_TERMS, { message: 'the page’s highlights' });
}

test('Firefox: using every feature sends nothing anywhere and keeps page text in the tab', async () => {
  // Highlights, the hover card and "Read in the series".
  const { page, tabId } = await firefox.openTab(visit('private.html'));
  await waitForTerms(page);
  await openCardOn(page, 'ketamine');
  await clickReadMore(page);
  const reader = await firefox.findPage(firefox.extensionUrl('reader.html#'));
  await reader.waitForSelector('.is-target', { timeout: 10_000 });

  // The popup: search (and choosing a result), the reader in a tab, the site switch.
  const popup = await firefox.openPopup(tabId);
  await popup.waitForSelector('article#part-1 h2', { timeout: 10_000 });
  // "Need help now?" opened: its help line and directory are links, followed only when clicked.
  await popup.click('details.help-now summary');
  await popup.waitForSelector('details.help-now[open] .help-directory a', { timeout: 5_000 });
  await popup.type('#series-search', 'glutamte');
  const result = await popup.waitForSelector('.results .result::-p-text(Glutamate)', { timeout: 5_000 });
  await result.click();
  await popup.click('button::-p-text(Open the series in a tab)');
  await poll(
    async () => {
      let readers = 0;
      for (const tab of await firefox.browser.pages()) {
        const href = await tab.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(firefox.extensionUrl('reader.html'))) readers++;
      }
      // The harness's own reader, the one from the card and the one from the popup.
      return readers >= 3;
    },
    { message: 'the popup to open the reader in a tab' },
  );
  await popup.click('[role="switch"]');
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the site to switch off' });
  await popup.click('[role="switch"]');
  await waitForTerms(page);

  // The options page, if the build has one.
  const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
  if (optionsPage) {
    const options = await firefox.openExtensionPage(optionsPage);
    await poll(() => options.evaluate(() => document.body.textContent.trim().length > 0), {
      message: 'the options page to render',
    });
  }

  await sleep(QUIET_PERIOD_MS);

  assert.deepEqual(proxy.foreign(), [], 'requests that left the browser');
  assert.deepEqual(
    proxy.fixture().filter(({ method, url }) => method !== 'GET' || !opened.has(url)),
    [],
    'requests to the fixture server beyond the pages the test opened',
  );

  // Page text reached no other part of the extension nor storage (read inflated where compressed).
  const recorded = await firefox.control.evaluate(() => window.privacyAudit);
  assert.ok(recorded.messages.length > 0, 'the audit heard the messages of "Read in the series"');
  const audit = await firefox.control.evaluate(storedAsText, recorded);
  assert.equal(audit.text.includes(PAGE_SECRET), false, `page text in a message or in storage: ${audit.text}`);
  assert.ok(
    Object.keys(audit.keys).some((area) => audit.keys[area].length > 0),
    'the site switch stored a setting',
  );
});

test('Firefox: the proxy sees page requests, and extension pages cannot send any', async () => {
  const { page } = await firefox.openTab(visit('private.html'));
  await waitForTerms(page);
  const before = proxy.foreign().length;
  await page.evaluate(() => fetch('https://page.canary.invalid/').catch(() => {}));
  await poll(() => proxy.foreign().some(({ url }) => url === 'page.canary.invalid:443'), {
    message: 'the proxy to see the canary request',
  });
  const refused = await firefox.control.evaluate(() =>
    fetch('http://extension-page.canary.invalid/').then(
      () => 'sent',
      (error) => error.name,
    ),
  );
  assert.equal(refused, 'TypeError', "the extension's CSP refuses the request");
  await sleep(500);
  assert.equal(proxy.foreign().length, before + 1, 'only the page’s canary left the browser');
});
