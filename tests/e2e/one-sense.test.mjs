// One sense of a word per page: a page that uses "depression" in another sense (a storm, a slump)
// has its bare mentions read in that sense too, while a health page that names the Great Depression
// once keeps its mood-disorder highlights. Each fixture lists in its body's data-expect what
// "everywhere" highlights, in document order.
import assert from 'node:assert/strict';
import {
  highlightedTexts as highlightedTextList,
  poll,
  setHighlightMode,
  test,
  useSession,
  waitForScan,
} from '../support/e2e.mjs';

const PAGES = ['weather-bulletin.html', 'depression-economics.html', 'depression-health.html', 'great-depression.html'];

// Every occurrence: data-expect lists each one (the default is the first in each section, decision 040).
const env = useSession({ launch: { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } } });

const expected = (page) => page.evaluate(() => document.body.dataset.expect ?? '');
const highlightedTexts = async (page) => (await highlightedTextList(page)).join('|');

test('everywhere: a word’s other sense, once a page uses it, holds for its bare mentions there', async () => {
  for (const name of PAGES) {
    const page = await env.session.openTab(env.server.url(name));
    await waitForScan(page);
    assert.equal(await highlightedTexts(page), await expected(page), name);
    assert.deepEqual(page.errors, [], name);
    await page.close();
  }
});

test('only pages about mental health: the health page is shown with its depression, the others are left alone', async (t) => {
  await setHighlightMode(env.session, 'mental-health-pages');
  t.after(() => setHighlightMode(env.session, 'everywhere'));
  for (const name of PAGES) {
    const page = await env.session.openTab(env.server.url(name));
    await waitForScan(page);
    const shown = name === 'depression-health.html' ? await expected(page) : '';
    // Judged relevant once the pass ends: wait for the highlights to be shown, not only found.
    await poll(async () => (await highlightedTexts(page)) === shown, { message: `${name} to show "${shown}"` });
    await page.close();
  }
});
