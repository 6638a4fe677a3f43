// The core user paths in Firefox (the ESR that Debian ships): terms are highlighted, a card opens on
// hover and leads into the series, the popup reads and searches the series and switches the site.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchExtension, openTab, waitForHighlights as waitForChromiumHighlights } from '../e2e/harness.mjs';
import {
  cardText,
  clickReadMore,
  HIGHLIGHT,
  highlightCount,
  launchFirefox,
  loadGlossary,
  openCardOn,
  poll,
  screenshotPath,
  startServer,
  VIEWPORT,
  waitForHighlights,
} from './firefox-harness.mjs';

/** The number of terms in tests/fixtures/pages/article.html (see tests/e2e/highlights.test.mjs). */
const ARTICLE_TERM_COUNT = 20;
const summaryOf = (id) => loadGlossary().find((entry) => entry.id === id).summary;

/** The highlighted texts in document order; runs the same in either browser's page. */
function highlightedTexts(page) {
  return page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => range.toString());
  }, HIGHLIGHT);
}

let server;
let firefox;
let article;

before(async () => {
  server = await startServer();
  // Every occurrence: the article's 20 are counted (the default is the first in each section, decision 040).
  firefox = await launchFirefox({ highlightDensity: 'every' });
  article = await firefox.openTab(server.url('article.html'));
  await waitForHighlights(article.page, ARTICLE_TERM_COUNT);
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

test('Firefox highlights the same terms as Chromium and leaves the page’s text alone', async () => {
  const firefoxTerms = await highlightedTexts(article.page);
  const chromium = await launchExtension();
  try {
    const { page } = await openTab(chromium, server.url('article.html'));
    await waitForChromiumHighlights(page, { exact: ARTICLE_TERM_COUNT });
    assert.deepEqual(firefoxTerms, await highlightedTexts(page));
  } finally {
    await chromium.close();
  }
  assert.equal(firefoxTerms.length, ARTICLE_TERM_COUNT);
  // Highlights are ranges over the page's own text: no element of ours is inside <body>.
  assert.equal(await article.page.evaluate(() => document.body.querySelector('mhx-explainer')), null);
});

test('Firefox opens the card when the pointer rests on a term', async () => {
  const { card, rect } = await openCardOn(article.page, 'SSRI');
  assert.deepEqual(
    { ...card, box: undefined },
    {
      title: 'SSRI',
      summary: summaryOf('ssri'),
      source: 'Source: Part I · Beyond Daily Medication',
      note: 'Educational content, not medical advice.',
      readMore: 'Read in the series',
      box: undefined,
    },
  );
  const { box } = card;
  assert.ok(box.x >= 0 && box.y >= 0, `the card starts in the viewport: ${JSON.stringify(box)}`);
  assert.ok(box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height, 'and ends in it');
  assert.ok(box.y >= rect.y + rect.height, 'the card opens below the term');
  await article.page.screenshot({
    path: screenshotPath('firefox-card.png'),
    clip: { x: Math.max(0, box.x - 40), y: Math.max(0, rect.y - 60), width: box.width + 80, height: box.height + 120 },
  });

  // Away onto blank margin: it closes.
  await article.page.mouse.move(5, VIEWPORT.height - 5, { steps: 5 });
  await poll(async () => (await cardText(article.page)) === null, { message: 'the card to close' });
});

test('Firefox: "Read in the series" opens the reader at the cited section', async () => {
  await openCardOn(article.page, 'SSRI');
  await clickReadMore(article.page);
  const anchor = 'part-1/beyond-daily-medication';
  const reader = await firefox.findPage(firefox.extensionUrl(`reader.html#${anchor}`));
  const section = await poll(
    () =>
      reader.evaluate((id) => {
        const element = document.getElementById(id);
        if (!element?.classList.contains('is-target')) return null;
        return {
          tag: element.localName,
          heading: element.querySelector('h3')?.textContent?.trim(),
          marked: document.querySelectorAll('.is-target').length,
          inView: element.getBoundingClientRect().top < innerHeight,
        };
      }, anchor),
    { message: 'the reader to mark the cited section' },
  );
  assert.deepEqual(section, { tag: 'section', heading: 'Beyond Daily Medication', marked: 1, inView: true });
  await reader.close();
});

test('Firefox popup: reads the series, searches it, and switches the site off and on', async () => {
  const popup = await firefox.openPopup(article.tabId);
  await popup.waitForSelector('article#part-1 h2', { timeout: 10_000 });
  assert.equal(
    await popup.$eval('article#part-1 h2', (heading) => heading.textContent.trim()),
    'Ketamine vs. SSRI: Part I - Biology',
  );
  assert.deepEqual(
    await popup.$$eval('article#part-1 section h3', (headings) =>
      headings.map((heading) => heading.textContent.trim()),
    ),
    [
      'Empowering Minds Beyond Traditional Medication',
      'Beyond Daily Medication',
      'Rapid Relief with Lasting Impact',
      'A Holistic Healing Approach',
    ],
  );

  // It is about the article's tab and counts its terms.
  const status = () => popup.$eval('.site-switch', (element) => element.textContent.replace(/\s+/gu, ' ').trim());
  await poll(async () => (await status()).includes(`${ARTICLE_TERM_COUNT} highlighted terms on this page`), {
    message: 'the popup to count the article’s terms',
  });
  assert.ok((await status()).startsWith('Highlight terms on 127.0.0.1'));

  // Search forgives a typo.
  await popup.type('#series-search', 'glutamte');
  await poll(
    () =>
      popup.$$eval('.results .result-title', (titles) =>
        titles.some((title) => title.textContent.trim() === 'Glutamate'),
      ),
    { message: 'search results with Glutamate' },
  );
  await popup.screenshot({ path: screenshotPath('firefox-popup-search.png') });

  // Off: the article loses its highlights at once, without a reload.
  await article.page.evaluate(() => {
    window.sameDocument = true;
  });
  await popup.click('.site-switch input[role="switch"]');
  await poll(async () => (await status()).includes('Off for this site'), { message: 'the popup to say off' });
  await poll(async () => (await highlightCount(article.page)) === 0, { message: 'the article to lose its highlights' });

  // On again: they come back.
  await popup.click('.site-switch input[role="switch"]');
  await waitForHighlights(article.page, ARTICLE_TERM_COUNT);
  assert.equal(await article.page.evaluate(() => window.sameDocument), true, 'no reload');
  await popup.close();
});

test('Firefox reads a shadow root attached to an element already on the page', async () => {
  const { page } = await firefox.openTab(server.url('article.html'));
  await waitForHighlights(page, ARTICLE_TERM_COUNT);
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'late-host';
    document.body.append(host);
  });
  // The host's own addition is read first; then a root attached to it tells nothing to the DOM.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await page.evaluate(() => {
    document.getElementById('late-host').attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate, late</p>';
  });
  await waitForHighlights(page, ARTICLE_TERM_COUNT + 1);
  await page.close();
});
