// User path: open the toolbar popup on an article, read the series in it and search it.
import assert from 'node:assert/strict';
import { assertNoErrors, test, useSession, waitForHighlights } from '../support/e2e.mjs';

const PART_1_HEADING = 'Ketamine vs. SSRI: Part I - Biology';
const PART_1_SECTIONS = [
  'Empowering Minds Beyond Traditional Medication',
  'Beyond Daily Medication',
  'Rapid Relief with Lasting Impact',
  'A Holistic Healing Approach',
];
const KNOWN_SENTENCE = 'SSRIs take weeks, sometimes months, to show effects.';
const ANNOUNCED = [
  { id: 'part-2', heading: 'Ketamine vs. SSRI: Part II Patient Experience' },
  { id: 'psychedelic-integration', heading: 'What is Psychedelic Integration?' },
];
/** The number of terms in tests/fixtures/pages/article.html (see highlights.test.mjs). */
const ARTICLE_TERM_COUNT = 20;

let popup;

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({
  launch: { preferences: { highlightDensity: 'every' } },
  setUp: async () => {
    const article = await env.session.openTab(env.server.url('article.html'));
    await waitForHighlights(article, { exact: ARTICLE_TERM_COUNT });
    popup = await env.session.openPopup(article.tabId);
    await popup.waitFor('article#part-1 h2', { state: 'attached' });
  },
});

test('the popup is about the article tab and counts its terms', async () => {
  await popup.waitFor('[role="switch"]');
  assert.equal(await popup.isChecked('[role="switch"]'), true);
  assert.equal(await popup.text('.site-switch label'), 'Highlight terms on 127.0.0.1');
  await popup.waitFor('.site-switch p', { hasText: `${ARTICLE_TERM_COUNT} highlighted terms on this page` });
});

test('the popup shows Part I with its sections and text', async () => {
  assert.equal(await popup.text('article#part-1 h2'), PART_1_HEADING);
  assert.deepEqual(await popup.texts('article#part-1 section h3'), PART_1_SECTIONS);
  assert.ok((await popup.text('article#part-1')).includes(KNOWN_SENTENCE), 'a sentence of Part I is shown');
  assert.equal(await popup.count('article#part-1 .announced'), 0);
});

test("the series reads at body size in the popup and the reader, not at the browser's small default", async () => {
  const fontSize = (tab, selector) =>
    tab.onElement(selector, (element) => Number.parseFloat(getComputedStyle(element).fontSize));
  assert.equal(await fontSize(popup, 'article#part-1 p'), 14);
  const reader = await env.session.openExtensionPage('reader.html');
  try {
    await reader.waitFor('article#part-1 p');
    const text = await fontSize(reader, 'article#part-1 p');
    assert.equal(text, 16);
    assert.ok((await fontSize(reader, 'article#part-1 section h3')) > text, 'section headings above the text');
    assert.ok((await fontSize(reader, 'article#part-1 h2')) > text, 'the part heading above the text');
  } finally {
    await reader.close();
  }
});

/** The badge of the contents entry for `heading`; null when it has none. */
const badgeOf = (heading) =>
  popup.evaluate(
    (heading) =>
      [...document.querySelectorAll('.toc li')]
        .find((entry) => entry.textContent.includes(heading))
        ?.querySelector('.badge')
        ?.textContent.trim() ?? null,
    heading,
  );

test('announced parts are marked as announced and have no body text', async () => {
  for (const { id, heading } of ANNOUNCED) {
    const part = `article[id="${id}"]`;
    assert.equal(await popup.text(`${part} h2`), heading);
    assert.equal(await popup.count(`${part} .announced`), 1, `${id} says it is announced`);
    assert.equal(await popup.count(`${part} section`), 0, `${id} has no sections`);
    const children = await popup.onElement(part, (element) =>
      [...element.children].map((child) => child.className || child.localName),
    );
    assert.deepEqual(children, ['h2', 'announced'], `${id} holds only its heading and the announcement`);
    assert.equal(await badgeOf(heading), 'Announced');
  }
  assert.equal(await badgeOf(PART_1_HEADING), null);
});

test('search finds terms despite a typo and by their aliases', async () => {
  const box = '#series-search';
  await popup.fill(box, 'glutamte');
  await popup.waitFor('.results .result-title', { hasText: /^Glutamate$/u, timeout: 5_000 });
  assert.ok((await popup.texts('.results .result-title')).includes('Glutamate'));

  await popup.fill(box, 'reuptake');
  await popup.waitFor('.results .result-title', { hasText: /^SSRI$/u, timeout: 5_000 });
  assert.ok((await popup.texts('.results .result-title')).includes('SSRI'));

  await popup.fill(box, '');
  await popup.waitFor('.results', { state: 'detached', timeout: 5_000 });
});

test('popup screenshot and no errors', async () => {
  await popup.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await popup.screenshot('popup.png');
  await popup.fill('#series-search', 'glutamte');
  await popup.waitFor('.results .result-title', { hasText: /^Glutamate$/u, timeout: 5_000 });
  await popup.screenshot('popup-search.png');
  assertNoErrors(popup);
});
