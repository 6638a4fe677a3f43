// User paths for the modes and site rules: the modes (the default judges whether a page is about mental
// health), the popup's scope choice, the toolbar badge, import and export on the options page, rules
// that survive a browser restart, and the keyboard command.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ARTICLE_TERM_COUNT,
  assertNoErrors,
  badgeText,
  contentScriptStarted,
  highlightCount,
  launchExtension,
  markDocument,
  openOptions,
  poll,
  ROOT,
  sameDocument,
  setHighlightMode,
  setHighlightModeFor,
  test,
  useSession,
  virtualDisplay,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';

/** tests/fixtures/pages/novel.html says "depression" twice and nothing else of the glossary. */
const NOVEL_TERM_COUNT = 2;
const RESEARCHER_FILE = path.join(ROOT, 'tests/fixtures/settings/researcher.json');
const SWITCH = '[role="switch"]';
/** The popup's choice of where the switch applies ("Switch applies to"). */
const SCOPE = '.site-scope select';
/** The import form's two ways, labelled "Merge: …" and "Replace: …" in that order. */
const IMPORT_HOW = { merge: '.import fieldset label:nth-of-type(1)', replace: '.import fieldset label:nth-of-type(2)' };

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({ launch: { preferences: { highlightDensity: 'every' } } });

const badge = (tabId) => badgeText(env.session, tabId);

/** Imports `file` (a path, or { name, buffer }) on the options page, replacing or merging. */
async function importSettings(options, file, how = 'replace') {
  await options.setInputFile('#import-file', file);
  assert.match(await options.text(IMPORT_HOW[how]), how === 'replace' ? /^Replace/u : /^Merge/u);
  await options.check(`${IMPORT_HOW[how]} input[type="radio"]`);
  await options.click('.import button', { hasText: /^Import$/u });
}

/** Clicks Export and returns the saved file's bytes. */
async function exportSettings(options) {
  const { fileName, bytes } = await options.captureDownload(() =>
    options.click('.transfer button', { hasText: /^Export settings$/u }),
  );
  assert.equal(fileName, 'mental-health-explainer-settings.json');
  return bytes;
}

/** Chooses where the popup's switch applies, by the option's words. */
async function chooseScope(popup, label) {
  const value = await popup.onElement(
    SCOPE,
    (select, label) => [...select.options].find((option) => option.textContent === label)?.value ?? null,
    label,
  );
  assert.ok(value, `the popup offers "${label}"`);
  await popup.selectOption(SCOPE, value);
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
  const article = await env.session.openTab(env.server.url('article.html'));
  const novel = await env.session.openTab(env.server.url('novel.html'));
  const history = await env.session.openTab(env.server.url('great-depression.html'));

  await waitForHighlights(article, { exact: ARTICLE_TERM_COUNT });
  for (const page of [novel, history]) {
    await waitForScan(page);
    await markDocument(page);
  }
  assert.equal(await highlightCount(novel), 0, 'a novel that says "depression" twice stays quiet');
  assert.equal(await highlightCount(history), 0, 'a history of the Great Depression stays quiet');
  await poll(async () => (await badge(article.tabId)) === String(ARTICLE_TERM_COUNT), {
    message: 'the badge to count',
  });
  assert.equal(await badge(novel.tabId), '', 'no badge where nothing is highlighted');

  const popup = await env.session.openPopup(novel.tabId);
  await popup.waitFor('.site-status', {
    hasText: 'Not shown: this page does not look like it is about mental health',
  });
  assert.equal(await popup.isChecked(SWITCH), false);
  await popup.screenshot('popup-not-relevant.png');
  await popup.close();

  // Everywhere: the novel lights up at once, in the same document.
  await setHighlightMode(env.session, 'everywhere');
  await waitForHighlights(novel, { exact: NOVEL_TERM_COUNT });
  assert.equal(await sameDocument(novel), true, 'no reload');
  await poll(async () => (await badge(novel.tabId)) === String(NOVEL_TERM_COUNT), { message: 'the novel badge' });

  // Only on sites I choose, with no rules: nothing anywhere, badges cleared.
  await setHighlightMode(env.session, 'chosen-sites');
  for (const page of [article, novel]) {
    await poll(async () => (await highlightCount(page)) === 0, { message: 'highlights to go' });
  }
  await poll(async () => (await badge(article.tabId)) === '', { message: 'the badge to clear' });

  await setHighlightMode(env.session, 'mental-health-pages');
  await waitForHighlights(article, { exact: ARTICLE_TERM_COUNT });
  assertNoErrors(article, novel, history);
  await Promise.all([article.close(), novel.close(), history.close()]);
});

test('a single-page app judged about mental health is judged again when it moves to another page', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
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
  assertNoErrors(page);
  await page.close();
});

test('the popup switches a path, then the whole site, in every tab of that site only', async (t) => {
  await setHighlightModeFor(t, env.session, 'everywhere');
  const a = await env.session.openTab(env.server.url('article.html?tab=a'));
  const b = await env.session.openTab(env.server.url('article.html?tab=b'));
  const novel = await env.session.openTab(env.server.url('novel.html'));
  const other = await env.session.openTab(env.server.url('article.html?tab=other', 'localhost'));
  for (const page of [a, b, other]) await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  await waitForHighlights(novel, { exact: NOVEL_TERM_COUNT });
  for (const page of [a, b, novel, other]) await markDocument(page);

  const popup = await env.session.openPopup(a.tabId);
  await popup.waitFor(SCOPE);
  assert.equal(await popup.text(`#${await popup.attribute(SCOPE, 'aria-labelledby')}`), 'Switch applies to');
  assert.deepEqual(await popup.texts(`${SCOPE} option`), [
    'This site (127.0.0.1 and its subdomains)',
    'This path (127.0.0.1/article.html)',
  ]);
  await chooseScope(popup, 'This path (127.0.0.1/article.html)');
  await popup.uncheck(SWITCH);
  await popup.waitFor('.site-why', {
    hasText: 'Your rule for 127.0.0.1/article.html and below turns it off.',
    timeout: 5_000,
  });
  for (const page of [a, b]) {
    await poll(async () => (await highlightCount(page)) === 0, { message: 'the article tabs to go off' });
  }
  assert.equal(await highlightCount(novel), NOVEL_TERM_COUNT, 'another path of the same site keeps its highlights');
  assert.equal(await highlightCount(other), ARTICLE_TERM_COUNT, 'another site keeps its highlights');
  await popup.screenshot('popup-path-rule.png');

  // The whole site back on: the narrower path rule that said otherwise goes.
  await chooseScope(popup, 'This site (127.0.0.1 and its subdomains)');
  await popup.check(SWITCH);
  for (const page of [a, b]) await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  await popup.waitFor('.site-why', {
    hasText: 'Your rule for 127.0.0.1 and its subdomains turns it on.',
    timeout: 5_000,
  });
  for (const page of [a, b, novel, other]) assert.equal(await sameDocument(page), true, 'no reloads');
  await popup.close();

  const options = await openOptions(env.session);
  assert.deepEqual(await options.texts('table.rules tbody tr td:first-child'), ['127.0.0.1']);
  await options.close();
  await Promise.all([a, b, novel, other].map((page) => page.close()));
});

test('import a file, export it back byte for byte; an invalid file changes nothing', async () => {
  const options = await openOptions(env.session);
  await importSettings(options, RESEARCHER_FILE);
  await options.waitFor('[role="status"]', { hasText: 'Replaced your settings with researcher.json' });
  // The page redraws from storage as the write lands (Firefox tells it a moment after the status).
  await poll(async () => (await options.count('table.rules tbody tr')) === 5, { message: 'the 5 imported rules' });
  assert.equal(await options.isChecked('input[name="mode"][value="everywhere"]'), true);
  await options.screenshot('options.png', { fullPage: true });

  // The imported rules apply: localhost is off, and so is the novel's path on 127.0.0.1.
  const novel = await env.session.openTab(env.server.url('novel.html'));
  const other = await env.session.openTab(env.server.url('article.html', 'localhost'));
  const yardstick = await env.session.openTab(env.server.url('corner.html'));
  // Switched-off pages never scan: they have had their chance once the content script has started
  // there and a page opened after them has been highlighted.
  for (const page of [novel, other]) await poll(() => contentScriptStarted(page), { message: 'the content script' });
  await waitForHighlights(yardstick, { exact: 1 });
  assert.equal(await highlightCount(novel), 0, "the novel's path is off");
  assert.equal(await highlightCount(other), 0, 'localhost is off');

  const exported = await exportSettings(options);
  assert.ok(exported.equals(readFileSync(RESEARCHER_FILE)), 'the export is the imported file, byte for byte');

  await importSettings(options, { name: 'broken.json', buffer: Buffer.from('{"rules": [') });
  await options.waitFor('[role="alert"]');
  assert.match(await options.text('[role="alert"]'), /^Nothing was changed\. This file is not valid JSON/u);
  await importSettings(options, {
    name: 'wrong.json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'mental-health-explainer-settings',
        version: 2,
        rules: [{ scope: 'site', pattern: 'a.org', enabled: true }],
      }),
    ),
  });
  await options.waitFor('[role="alert"]', { hasText: 'rules[0].scope: must be one of' });
  await options.screenshot('options-import-error.png');
  assert.ok((await exportSettings(options)).equals(readFileSync(RESEARCHER_FILE)), 'nothing changed');
  assertNoErrors(options);
  await Promise.all([options.close(), novel.close(), yardstick.close(), other.close()]);
});

test('5,000 rules are kept in sync storage, exported byte for byte, and persist across a restart', async (t) => {
  const file = researcherFile(5_000);
  let options = await openOptions(env.session);
  await importSettings(options, { name: 'many.json', buffer: file });
  await options.waitFor('[role="status"]', { hasText: 'Replaced your settings with many.json' });
  await options.waitFor('caption', { hasText: '5000 rules', timeout: 15_000 });
  await options.waitFor('.storage-place', { hasText: 'Saved in your browser account' });
  // Both browsers enforce sync's quota (100 KB, 8 KB an item) even without an account: the write succeeded.
  const used = await env.session.inExtension(() => chrome.storage.sync.getBytesInUse(null));
  assert.ok(used <= 102_400, `sync holds ${used} bytes`);
  t.diagnostic(`5,000 rules: ${used} bytes in storage.sync`);
  assert.ok((await exportSettings(options)).equals(file), 'the export is the imported file, byte for byte');

  const userDataDir = env.session.userDataDir;
  await env.session.close({ keepProfile: true });
  env.session = await launchExtension({ userDataDir });
  options = await openOptions(env.session);
  await options.waitFor('caption', { hasText: '5000 rules', timeout: 15_000 });
  assert.equal(await options.isChecked('input[name="highlightDensity"][value="first-on-page"]'), true);
  assert.ok((await exportSettings(options)).equals(file), 'after a restart the same settings export the same bytes');

  // Back to a small list for the test that follows.
  await importSettings(options, RESEARCHER_FILE);
  await options.waitFor('caption', { hasText: '5 rules', timeout: 15_000 });
  await options.close();
});

test('Alt+Shift+H turns highlighting off and on again for the current site', async (t) => {
  const display = await virtualDisplay(t);
  if (!display) return;
  const userDataDir = env.session.userDataDir;
  await env.session.close({ keepProfile: true });
  env.session = await launchExtension({ userDataDir, display });
  try {
    const page = await env.session.openTab(env.server.url('article.html'));
    const { tabId } = page;
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
    env.session = await launchExtension({ userDataDir });
  }
});
