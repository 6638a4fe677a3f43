// User paths for the modes and site rules: the modes (the default judges whether a page is about mental
// health), the popup's scope choice, the toolbar badge, import and export on the options page, rules
// that survive a browser restart, and the keyboard command.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  collectErrors,
  contentScriptStarted,
  highlightCount,
  launchExtension,
  openPopup,
  openTab,
  poll,
  ROOT,
  screenshotPath,
  setHighlightMode,
  startVirtualDisplay,
  useServerAndExtension,
  waitForHighlights,
  waitForScan,
} from './harness.mjs';

const ARTICLE_TERM_COUNT = 20;
/** tests/fixtures/pages/novel.html says "depression" twice and nothing else of the glossary. */
const NOVEL_TERM_COUNT = 2;
const RESEARCHER_FILE = path.join(ROOT, 'tests/fixtures/settings/researcher.json');

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useServerAndExtension({ launch: { highlightDensity: 'every' } });

const badge = (tabId) => env.session.inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

async function markDocument(page) {
  await page.evaluate(() => {
    window.sameDocument = true;
  });
}
const sameDocument = (page) => page.evaluate(() => window.sameDocument === true);

async function openOptions() {
  const page = await env.session.context.newPage();
  // Playwright's actions wait forever by default: a broken page should fail the test, not hang it.
  page.setDefaultTimeout(15_000);
  await page.goto(env.session.extensionUrl('options.html'));
  await page.locator('h1').waitFor();
  return page;
}

/** Imports `file` (a path, or { name, mimeType, buffer }) on the options page, replacing or merging. */
async function importSettings(options, file, how = 'replace') {
  await options.setInputFiles('#import-file', file);
  await options.getByRole('radio', { name: how === 'replace' ? /^Replace/u : /^Merge/u }).check();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
}

/** Clicks Export and returns the downloaded file's bytes. */
async function exportSettings(options) {
  const [download] = await Promise.all([
    options.waitForEvent('download', { timeout: 10_000 }),
    options.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'mental-health-explainer-settings.json');
  return readFile(await download.path());
}

/** Random but repeatable host names, as a researcher's long list would have. */
function researcherFile(count) {
  // mulberry32: a seeded generator good enough to give 5,000 different names.
  let state = 42;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () =>
    Array.from({ length: 4 + Math.floor(random() * 8) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join('');
  const rules = new Map();
  while (rules.size < count) {
    const domain = `${word()}.${['com', 'org', 'net', 'de', 'co.uk'][Math.floor(random() * 5)]}`;
    const rule =
      random() < 0.85
        ? { scope: 'domain', pattern: domain, enabled: random() < 0.3 }
        : { scope: 'path', pattern: `${domain}/${word()}/`, enabled: random() < 0.5 };
    rules.set(`${rule.scope} ${rule.pattern}`, rule);
  }
  const file = {
    format: 'mental-health-explainer-settings',
    version: 3,
    mode: 'mental-health-pages',
    highlightDensity: 'first-on-page',
    highlightStyle: 'background',
    hoverDelayMs: 400,
    cardTrigger: 'hover',
    cardTriggerKey: 'Alt',
    cardTextSize: 'normal',
    hiddenTerms: [],
    helpLines: true,
    helpCountry: 'auto',
    rules: [...rules.values()],
  };
  return Buffer.from(`${JSON.stringify(file, null, 2)}\n`);
}

test('by default only pages about mental health are highlighted; the mode applies live; the badge counts', async () => {
  const article = await openTab(env.session, env.server.url('article.html'));
  const novel = await openTab(env.session, env.server.url('novel.html'));
  const history = await openTab(env.session, env.server.url('great-depression.html'));
  const errors = [article, novel, history].flatMap(({ page }) => collectErrors(page));

  await waitForHighlights(article.page, { exact: ARTICLE_TERM_COUNT });
  for (const { page } of [novel, history]) {
    await waitForScan(page);
    await markDocument(page);
  }
  assert.equal(await highlightCount(novel.page), 0, 'a novel that says "depression" twice stays quiet');
  assert.equal(await highlightCount(history.page), 0, 'a history of the Great Depression stays quiet');
  await poll(async () => (await badge(article.tabId)) === String(ARTICLE_TERM_COUNT), {
    message: 'the badge to count',
  });
  assert.equal(await badge(novel.tabId), '', 'no badge where nothing is highlighted');

  const popup = await openPopup(env.session, novel.tabId);
  await popup
    .locator('.site-status', { hasText: 'Not shown: this page does not look like it is about mental health' })
    .waitFor({ timeout: 10_000 });
  assert.equal(await popup.getByRole('switch').isChecked(), false);
  await popup.screenshot({ path: screenshotPath('popup-not-relevant.png') });
  await popup.close();

  // Everywhere: the novel lights up at once, in the same document.
  await setHighlightMode(env.session, 'everywhere');
  await waitForHighlights(novel.page, { exact: NOVEL_TERM_COUNT });
  assert.equal(await sameDocument(novel.page), true, 'no reload');
  await poll(async () => (await badge(novel.tabId)) === String(NOVEL_TERM_COUNT), { message: 'the novel badge' });

  // Only on sites I choose, with no rules: nothing anywhere, badges cleared.
  await setHighlightMode(env.session, 'chosen-sites');
  for (const { page } of [article, novel]) {
    await poll(async () => (await highlightCount(page)) === 0, { message: 'highlights to go' });
  }
  await poll(async () => (await badge(article.tabId)) === '', { message: 'the badge to clear' });

  await setHighlightMode(env.session, 'mental-health-pages');
  await waitForHighlights(article.page, { exact: ARTICLE_TERM_COUNT });
  assert.deepEqual(errors, []);
  await Promise.all([article.page.close(), novel.page.close(), history.page.close()]);
});

test('a single-page app judged about mental health is judged again when it moves to another page', async () => {
  const { page } = await openTab(env.session, env.server.url('article.html'));
  const errors = collectErrors(page);
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const article = await page.evaluate(() => document.body.innerHTML);
  const novel = await page.evaluate(async (url) => (await fetch(url)).text(), env.server.url('novel.html'));
  // The app shows a novel at another address: highlights go, as on the novel loaded on its own.
  await page.evaluate((html) => {
    history.pushState({}, '', '/reading/novel');
    document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  }, novel);
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the novel view to lose its highlights' });
  // Back to the article: they come back.
  await page.evaluate((html) => {
    history.pushState({}, '', '/reading/article');
    document.body.innerHTML = html;
  }, article);
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the popup switches a path, then the whole site, in every tab of that site only', async (t) => {
  await setHighlightMode(env.session, 'everywhere');
  t.after(() => setHighlightMode(env.session, 'mental-health-pages'));
  const a = await openTab(env.session, env.server.url('article.html?tab=a'));
  const b = await openTab(env.session, env.server.url('article.html?tab=b'));
  const novel = await openTab(env.session, env.server.url('novel.html'));
  const other = await openTab(env.session, env.server.url('article.html?tab=other', 'localhost'));
  for (const { page } of [a, b, other]) await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  await waitForHighlights(novel.page, { exact: NOVEL_TERM_COUNT });
  for (const { page } of [a, b, novel, other]) await markDocument(page);

  const popup = await openPopup(env.session, a.tabId);
  const scope = popup.getByRole('combobox', { name: 'Switch applies to' });
  await scope.waitFor({ timeout: 10_000 });
  assert.deepEqual(await scope.locator('option').allTextContents(), [
    'This site (127.0.0.1 and its subdomains)',
    'This path (127.0.0.1/article.html)',
  ]);
  await scope.selectOption({ label: 'This path (127.0.0.1/article.html)' });
  await popup.getByRole('switch').uncheck();
  await popup.getByText('Your rule for 127.0.0.1/article.html and below turns it off.').waitFor({ timeout: 5_000 });
  for (const { page } of [a, b]) {
    await poll(async () => (await highlightCount(page)) === 0, { message: 'the article tabs to go off' });
  }
  assert.equal(
    await highlightCount(novel.page),
    NOVEL_TERM_COUNT,
    'another path of the same site keeps its highlights',
  );
  assert.equal(await highlightCount(other.page), ARTICLE_TERM_COUNT, 'another site keeps its highlights');
  await popup.screenshot({ path: screenshotPath('popup-path-rule.png') });

  // The whole site back on: the narrower path rule that said otherwise goes.
  await scope.selectOption({ label: 'This site (127.0.0.1 and its subdomains)' });
  await popup.getByRole('switch').check();
  for (const { page } of [a, b]) await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  await popup.getByText('Your rule for 127.0.0.1 and its subdomains turns it on.').waitFor({ timeout: 5_000 });
  for (const { page } of [a, b, novel, other]) assert.equal(await sameDocument(page), true, 'no reloads');
  await popup.close();

  const options = await openOptions();
  assert.deepEqual(await options.locator('table.rules tbody tr td:first-child').allTextContents(), ['127.0.0.1']);
  await options.close();
  await Promise.all([a, b, novel, other].map(({ page }) => page.close()));
});

test('import a file, export it back byte for byte; an invalid file changes nothing', async () => {
  const options = await openOptions();
  const errors = collectErrors(options);
  await importSettings(options, RESEARCHER_FILE);
  await options.getByRole('status').filter({ hasText: 'Replaced your settings with researcher.json' }).waitFor();
  assert.equal(await options.getByRole('radio', { name: /^Everywhere/u }).isChecked(), true);
  assert.equal(await options.locator('table.rules tbody tr').count(), 5);
  await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });

  // The imported rules apply: localhost is off, and so is the novel's path on 127.0.0.1.
  const novel = await openTab(env.session, env.server.url('novel.html'));
  const other = await openTab(env.session, env.server.url('article.html', 'localhost'));
  const yardstick = await openTab(env.session, env.server.url('corner.html'));
  // Switched-off pages never scan: they have had their chance once the content script has started
  // there and a page opened after them has been highlighted.
  for (const { page } of [novel, other])
    await poll(() => contentScriptStarted(page), { message: 'the content script' });
  await waitForHighlights(yardstick.page, { exact: 1 });
  assert.equal(await highlightCount(novel.page), 0, "the novel's path is off");
  assert.equal(await highlightCount(other.page), 0, 'localhost is off');

  const exported = await exportSettings(options);
  assert.ok(exported.equals(readFileSync(RESEARCHER_FILE)), 'the export is the imported file, byte for byte');

  await importSettings(options, {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"rules": ['),
  });
  const alert = options.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^Nothing was changed\. This file is not valid JSON/u);
  await importSettings(options, {
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'mental-health-explainer-settings',
        version: 2,
        rules: [{ scope: 'site', pattern: 'a.org', enabled: true }],
      }),
    ),
  });
  await options.getByRole('alert').filter({ hasText: 'rules[0].scope: must be one of' }).waitFor();
  await options.screenshot({ path: screenshotPath('options-import-error.png') });
  assert.ok((await exportSettings(options)).equals(readFileSync(RESEARCHER_FILE)), 'nothing changed');
  assert.deepEqual(errors, []);
  await Promise.all([options.close(), novel.page.close(), yardstick.page.close(), other.page.close()]);
});

test('5,000 rules are kept in sync storage, exported byte for byte, and persist across a restart', async (t) => {
  const file = researcherFile(5_000);
  let options = await openOptions();
  await importSettings(options, { name: 'many.json', mimeType: 'application/json', buffer: file });
  await options.getByRole('status').filter({ hasText: 'Replaced your settings with many.json' }).waitFor();
  await options.locator('caption', { hasText: '5000 rules' }).waitFor({ timeout: 15_000 });
  await options.getByText('Saved in your browser account').waitFor();
  // Chrome enforces sync's quota (100 KB, 8 KB an item) even without an account: the write succeeded.
  const used = await env.session.inWorker(() => chrome.storage.sync.getBytesInUse(null));
  assert.ok(used <= 102_400, `sync holds ${used} bytes`);
  t.diagnostic(`5,000 rules: ${used} bytes in storage.sync`);
  assert.ok((await exportSettings(options)).equals(file), 'the export is the imported file, byte for byte');

  const userDataDir = env.session.userDataDir;
  await env.session.close({ keepProfile: true });
  env.session = await launchExtension({ userDataDir });
  options = await openOptions();
  await options.locator('caption', { hasText: '5000 rules' }).waitFor({ timeout: 15_000 });
  assert.equal(await options.getByRole('radio', { name: /^Only the first time on a page/u }).isChecked(), true);
  assert.ok((await exportSettings(options)).equals(file), 'after a restart the same settings export the same bytes');

  // Back to a small list for the test that follows.
  await importSettings(options, RESEARCHER_FILE);
  await options.locator('caption', { hasText: '5 rules' }).waitFor({ timeout: 15_000 });
  await options.close();
});

test('Alt+Shift+H turns highlighting off and on again for the current site', async (t) => {
  const display = await startVirtualDisplay();
  if (!display) {
    t.skip('needs Xvfb and xdotool (apt-get install xvfb xdotool): browser shortcuts ignore DevTools key events');
    return;
  }
  const userDataDir = env.session.userDataDir;
  await env.session.close({ keepProfile: true });
  env.session = await launchExtension({ userDataDir, display });
  try {
    const { page, tabId } = await openTab(env.session, env.server.url('article.html'));
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    await markDocument(page);
    await page.bringToFront();
    await display.press('alt+shift+h');
    await poll(async () => (await highlightCount(page)) === 0, { message: 'Alt+Shift+H to switch the site off' });
    await poll(async () => (await badge(tabId)) === '', { message: 'the badge to clear' });
    await display.press('alt+shift+h');
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    assert.equal(await sameDocument(page), true, 'no reload');
  } finally {
    await env.session.close({ keepProfile: true });
    display.close();
    env.session = await launchExtension({ userDataDir });
  }
});
