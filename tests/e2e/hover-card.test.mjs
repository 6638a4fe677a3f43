// User path: rest the pointer on a highlighted term, read its card, follow it into the series.
import assert from 'node:assert/strict';
import {
  assertInViewport,
  assertNoErrors,
  CARD,
  cardText,
  loadGlossary,
  openCardOn,
  setHighlightModeFor,
  sleep,
  test,
  useSession,
  waitForHighlights,
} from '../support/e2e.mjs';

const glossary = loadGlossary();
const summaryOf = (id) => glossary.find((entry) => entry.id === id).summary;
const MEDICAL_NOTE = 'Educational content, not medical advice.';
/** Longer than the card's close delay (250 ms): a card that should close has closed by then. */
const LONGER_THAN_CLOSE_DELAY = 700;

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({ launch: { preferences: { highlightDensity: 'every' } } });

/** What a reader reads on the card: its title, summary, source, note and link into the series. */
async function cardWords(page) {
  const { title, summary, source, note, readMore } = await cardText(page);
  return { title, summary, source, note, readMore };
}

test('resting on a term opens its card, which stays while the pointer is on it and closes after', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(page, { min: 20 });

  const { card, rect } = await openCardOn(page, 'SSRI');
  assert.deepEqual(await cardWords(page), {
    title: 'SSRI',
    summary: summaryOf('ssri'),
    source: 'Source: Part I · Beyond Daily Medication',
    note: MEDICAL_NOTE,
    readMore: 'Read in the series',
  });
  const { box } = card;
  const viewport = await page.viewport();
  assertInViewport(box, viewport, 'the card');
  assert.ok(box.y >= rect.y + rect.height, 'the card opens below the term');
  assert.ok(box.x < rect.x + rect.width && box.x + box.width > rect.x, 'the card is horizontally next to the term');
  await page.screenshot('card.png', {
    clip: {
      x: Math.max(0, Math.min(rect.x, box.x) - 40),
      y: Math.max(0, rect.y - 60),
      width: Math.min(viewport.width, box.width + 80 + Math.abs(box.x - rect.x)),
      height: box.y + box.height - rect.y + 90,
    },
  });

  // Into the card, across the gap between term and card: it stays.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await sleep(LONGER_THAN_CLOSE_DELAY);
  assert.equal(await page.isVisible(CARD), true, 'the card stays open while the pointer is on it');

  // Away from both, onto blank margin: it closes.
  await page.mouse.move(5, viewport.height - 5, { steps: 5 });
  await page.waitFor(CARD, { state: 'hidden', timeout: 5_000 });

  // Escape closes an open card.
  await openCardOn(page, 'glutamate');
  assert.equal((await cardWords(page)).title, 'Glutamate');
  await page.press('Escape');
  await page.waitFor(CARD, { state: 'hidden', timeout: 5_000 });

  assertNoErrors(page);
  await page.close();
});

test('a term in the bottom-right corner gets a card inside the viewport', async (t) => {
  // One term on the page: not about mental health, so the default mode would rightly show nothing.
  await setHighlightModeFor(t, env.session, 'everywhere');
  const page = await env.session.openTab(env.server.url('corner.html'));
  await waitForHighlights(page, { exact: 1 });
  const { card, rect } = await openCardOn(page, 'psychotherapy');
  const viewport = await page.viewport();
  assert.ok(rect.x + rect.width > viewport.width - 40 && rect.y + rect.height > viewport.height - 40, 'term in corner');
  assert.deepEqual(await cardWords(page), {
    title: 'Psychotherapy',
    summary: summaryOf('psychotherapy'),
    source: 'Source: Part I · A Holistic Healing Approach',
    note: MEDICAL_NOTE,
    readMore: 'Read in the series',
  });
  assertInViewport(card.box, viewport, 'the card');
  assert.ok(card.box.y + card.box.height <= rect.y, 'the card flips above the term');
  await page.screenshot('card-corner.png', {
    clip: { x: viewport.width - 480, y: viewport.height - 400, width: 480, height: 400 },
  });
  await page.close();
});

test('"Read in the series" opens the reader at the section the card cites', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(page, { min: 20 });
  await openCardOn(page, 'SSRI');

  const anchor = 'part-1/beyond-daily-medication';
  await page.click(`${CARD} button.read-more`);
  const reader = await env.session.waitForTab(env.session.extensionUrl(`reader.html#${anchor}`));
  const section = `[id="${anchor}"]`;
  await reader.waitFor(section);
  await reader.waitFor(`${section}.is-target`, { state: 'attached' });
  assert.equal(await reader.onElement(section, (element) => element.localName), 'section');
  assert.equal(await reader.text(`${section} h3`), 'Beyond Daily Medication');
  assert.equal(await reader.count('.is-target'), 1, 'only the cited section is marked');
  assert.ok(
    await reader.onElement(section, (element) => element.getBoundingClientRect().top < innerHeight),
    'scrolled to',
  );
  assertNoErrors(reader);
  await Promise.all([reader.close(), page.close()]);
});

test('the card script loads with the first card, under a per-session URL', async () => {
  const requested = [];
  const stop = env.session.onRequest(({ url }) => {
    if (url.endsWith('/term-card.js')) requested.push(new URL(url).host);
  });
  try {
    const page = await env.session.openTab(env.server.url('article.html'));
    await waitForHighlights(page, { exact: 20 });
    await sleep(LONGER_THAN_CLOSE_DELAY);
    assert.deepEqual(requested, [], 'a page nobody hovers does not load the card');
    await openCardOn(page, 'SSRI');
    assert.equal((await cardWords(page)).title, 'SSRI');
    // Chromium may fetch the file again by the extension's id behind the dynamic URL; what the
    // content script asks for is the per-session URL, never the id a page could probe.
    assert.ok(requested.length > 0 && requested[0] !== env.session.extensionId, `asked for ${requested.join(', ')}`);
    await page.close();
  } finally {
    stop();
  }
});

test('an open card leaves the page no trace of the card script', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(page, { exact: 20 });
  await openCardOn(page, 'SSRI');
  assert.equal((await cardWords(page)).title, 'SSRI');
  const seenByPage = await page.evaluate(() => ({
    handoff: Object.keys(window).filter((key) => key.startsWith('mhx')),
    resources: performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => !name.startsWith('http')),
  }));
  assert.deepEqual(seenByPage, { handoff: [], resources: [] }, 'the page sees no trace of the card script');
  await page.close();
});
