// User path: rest the pointer on a highlighted term, read its card, follow it into the series.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CARD,
  collectErrors,
  loadGlossary,
  openCardOn,
  openTab,
  screenshotPath,
  setHighlightMode,
  sleep,
  useServerAndExtension,
  waitForHighlights,
} from './harness.mjs';

const glossary = loadGlossary();
const summaryOf = (id) => glossary.find((entry) => entry.id === id).summary;
const MEDICAL_NOTE = 'Educational content, not medical advice.';
/** Longer than the card's close delay (250 ms): a card that should close has closed by then. */
const LONGER_THAN_CLOSE_DELAY = 700;

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useServerAndExtension({ launch: { highlightDensity: 'every' } });

function assertInViewport(box, viewport, what) {
  assert.ok(box.x >= 0 && box.y >= 0, `${what} starts inside the viewport: ${JSON.stringify(box)}`);
  assert.ok(
    box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
    `${what} ends inside the ${viewport.width}x${viewport.height} viewport: ${JSON.stringify(box)}`,
  );
}

async function cardText(page) {
  const card = page.locator(CARD);
  return {
    title: (await card.locator('.term').textContent()).trim(),
    summary: (await card.locator('.summary').textContent()).trim(),
    source: (await card.locator('.source').textContent()).trim(),
    note: (await card.locator('.medical-note').textContent()).trim(),
    readMore: (await card.locator('button.read-more').textContent()).trim(),
  };
}

test('resting on a term opens its card, which stays while the pointer is on it and closes after', async () => {
  const { page } = await openTab(env.session, env.server.url('article.html'));
  const errors = collectErrors(page);
  await waitForHighlights(page, { min: 20 });

  const { card, rect } = await openCardOn(page, 'SSRI');
  assert.deepEqual(await cardText(page), {
    title: 'SSRI',
    summary: summaryOf('ssri'),
    source: 'Source: Part I · Beyond Daily Medication',
    note: MEDICAL_NOTE,
    readMore: 'Read in the series',
  });
  const box = await card.boundingBox();
  assertInViewport(box, page.viewportSize(), 'the card');
  assert.ok(box.y >= rect.y + rect.height, 'the card opens below the term');
  assert.ok(box.x < rect.x + rect.width && box.x + box.width > rect.x, 'the card is horizontally next to the term');
  await page.screenshot({
    path: screenshotPath('card.png'),
    clip: {
      x: Math.max(0, Math.min(rect.x, box.x) - 40),
      y: Math.max(0, rect.y - 60),
      width: Math.min(page.viewportSize().width, box.width + 80 + Math.abs(box.x - rect.x)),
      height: box.y + box.height - rect.y + 90,
    },
  });

  // Into the card, across the gap between term and card: it stays.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await sleep(LONGER_THAN_CLOSE_DELAY);
  assert.equal(await card.isVisible(), true, 'the card stays open while the pointer is on it');

  // Away from both, onto blank margin: it closes.
  await page.mouse.move(5, page.viewportSize().height - 5, { steps: 5 });
  await card.waitFor({ state: 'hidden', timeout: 5_000 });

  // Escape closes an open card.
  await openCardOn(page, 'glutamate');
  assert.equal((await cardText(page)).title, 'Glutamate');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden', timeout: 5_000 });

  assert.deepEqual(errors, []);
  await page.close();
});

test('a term in the bottom-right corner gets a card inside the viewport', async (t) => {
  // One term on the page: not about mental health, so the default mode would rightly show nothing.
  await setHighlightMode(env.session, 'everywhere');
  t.after(() => setHighlightMode(env.session, 'mental-health-pages'));
  const { page } = await openTab(env.session, env.server.url('corner.html'));
  await waitForHighlights(page, { exact: 1 });
  const { card, rect } = await openCardOn(page, 'psychotherapy');
  const viewport = page.viewportSize();
  assert.ok(rect.x + rect.width > viewport.width - 40 && rect.y + rect.height > viewport.height - 40, 'term in corner');
  assert.deepEqual(await cardText(page), {
    title: 'Psychotherapy',
    summary: summaryOf('psychotherapy'),
    source: 'Source: Part I · A Holistic Healing Approach',
    note: MEDICAL_NOTE,
    readMore: 'Read in the series',
  });
  const box = await card.boundingBox();
  assertInViewport(box, viewport, 'the card');
  assert.ok(box.y + box.height <= rect.y, 'the card flips above the term');
  await page.screenshot({
    path: screenshotPath('card-corner.png'),
    clip: { x: viewport.width - 480, y: viewport.height - 400, width: 480, height: 400 },
  });
  await page.close();
});

test('"Read in the series" opens the reader at the section the card cites', async () => {
  const { page } = await openTab(env.session, env.server.url('article.html'));
  await waitForHighlights(page, { min: 20 });
  const { card } = await openCardOn(page, 'SSRI');

  const anchor = 'part-1/beyond-daily-medication';
  const [reader] = await Promise.all([
    env.session.context.waitForEvent('page', { timeout: 10_000 }),
    card.locator('button.read-more').click(),
  ]);
  const errors = collectErrors(reader);
  await reader.waitForURL(env.session.extensionUrl(`reader.html#${anchor}`), { timeout: 10_000 });
  const section = reader.locator(`[id="${anchor}"]`);
  await section.waitFor({ state: 'visible', timeout: 10_000 });
  await reader.waitForFunction((id) => document.getElementById(id)?.classList.contains('is-target'), anchor, {
    timeout: 10_000,
  });
  assert.equal(await section.evaluate((element) => element.localName), 'section');
  assert.equal((await section.locator('h3').textContent()).trim(), 'Beyond Daily Medication');
  assert.equal(await reader.locator('.is-target').count(), 1, 'only the cited section is marked');
  assert.ok(await section.evaluate((element) => element.getBoundingClientRect().top < innerHeight), 'scrolled to');
  assert.deepEqual(errors, []);
  await Promise.all([reader.close(), page.close()]);
});

test('the card script loads with the first card, under a per-session URL, and leaves the page nothing', async () => {
  const requested = [];
  const onRequest = (request) => {
    if (request.url().endsWith('/term-card.js')) requested.push(new URL(request.url()).host);
  };
  env.session.context.on('request', onRequest);
  try {
    const { page } = await openTab(env.session, env.server.url('article.html'));
    await waitForHighlights(page, { exact: 20 });
    await sleep(LONGER_THAN_CLOSE_DELAY);
    assert.deepEqual(requested, [], 'a page nobody hovers does not load the card');
    await openCardOn(page, 'SSRI');
    assert.equal((await cardText(page)).title, 'SSRI');
    // Chromium may fetch the file again by the extension's id behind the dynamic URL; what the
    // content script asks for is the per-session URL, never the id a page could probe.
    assert.ok(requested.length > 0 && requested[0] !== env.session.extensionId, `asked for ${requested.join(', ')}`);
    const seenByPage = await page.evaluate(() => ({
      handoff: Object.keys(window).filter((key) => key.startsWith('mhx')),
      resources: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => !name.startsWith('http')),
    }));
    assert.deepEqual(seenByPage, { handoff: [], resources: [] }, 'the page sees no trace of the card script');
  } finally {
    env.session.context.off('request', onRequest);
  }
});
