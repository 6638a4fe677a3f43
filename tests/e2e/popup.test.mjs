// User path: open the toolbar popup on an article, read the series in it and search it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  collectErrors,
  openPopup,
  openTab,
  screenshotPath,
  useServerAndExtension,
  waitForHighlights,
} from './harness.mjs';

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
let errors;

const env = useServerAndExtension({
  setUp: async () => {
    const { page, tabId } = await openTab(env.session, env.server.url('article.html'));
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    popup = await openPopup(env.session, tabId);
    errors = collectErrors(popup);
    await popup.locator('article#part-1 h2').waitFor({ timeout: 10_000 });
  },
});

const texts = async (locator) => (await locator.allTextContents()).map((text) => text.trim());

test('the popup is about the article tab and counts its terms', async () => {
  const siteSwitch = popup.getByRole('switch');
  await siteSwitch.waitFor({ timeout: 10_000 });
  assert.equal(await siteSwitch.isChecked(), true);
  assert.equal((await popup.locator('.site-switch label').textContent()).trim(), 'Highlight terms on 127.0.0.1');
  await popup
    .locator('.site-switch p', { hasText: `${ARTICLE_TERM_COUNT} highlighted terms on this page` })
    .waitFor({ timeout: 5_000 });
});

test('the popup shows Part I with its sections and text', async () => {
  const part1 = popup.locator('article#part-1');
  assert.equal((await part1.locator('h2').textContent()).trim(), PART_1_HEADING);
  assert.deepEqual(await texts(part1.locator('section h3')), PART_1_SECTIONS);
  assert.ok((await part1.textContent()).includes(KNOWN_SENTENCE), 'a sentence of Part I is shown');
  assert.equal(await part1.locator('.announced').count(), 0);
});

test("the series reads at body size in the popup and the reader, not at Chrome's 75 % default", async () => {
  const fontSize = (locator) => locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  assert.equal(await fontSize(popup.locator('article#part-1 p').first()), 14);
  const reader = await env.session.context.newPage();
  try {
    await reader.goto(env.session.extensionUrl('reader.html'));
    const part1 = reader.locator('article#part-1');
    const text = await fontSize(part1.locator('p').first());
    assert.equal(text, 16);
    assert.ok((await fontSize(part1.locator('section h3').first())) > text, 'section headings above the text');
    assert.ok((await fontSize(part1.locator('h2'))) > text, 'the part heading above the text');
  } finally {
    await reader.close();
  }
});

test('announced parts are marked as announced and have no body text', async () => {
  for (const { id, heading } of ANNOUNCED) {
    const part = popup.locator(`article[id="${id}"]`);
    assert.equal((await part.locator('h2').textContent()).trim(), heading);
    assert.equal(await part.locator('.announced').count(), 1, `${id} says it is announced`);
    assert.equal(await part.locator('section').count(), 0, `${id} has no sections`);
    const children = await part.evaluate((element) =>
      [...element.children].map((child) => child.className || child.localName),
    );
    assert.deepEqual(children, ['h2', 'announced'], `${id} holds only its heading and the announcement`);
    const tocEntry = popup.locator('.toc li', { hasText: heading });
    assert.equal((await tocEntry.locator('.badge').textContent()).trim(), 'Announced');
  }
  assert.equal(await popup.locator('.toc li', { hasText: PART_1_HEADING }).locator('.badge').count(), 0);
});

test('search finds terms despite a typo and by their aliases', async () => {
  const box = popup.locator('#series-search');
  const titles = () => texts(popup.locator('.results .result-title'));

  await box.fill('glutamte');
  await popup.locator('.results .result-title', { hasText: /^Glutamate$/u }).waitFor({ timeout: 5_000 });
  assert.ok((await titles()).includes('Glutamate'));

  await box.fill('reuptake');
  await popup.locator('.results .result-title', { hasText: /^SSRI$/u }).waitFor({ timeout: 5_000 });
  assert.ok((await titles()).includes('SSRI'));

  await box.fill('');
  await popup.locator('.results').waitFor({ state: 'detached', timeout: 5_000 });
});

test('popup screenshot and no errors', async () => {
  await popup.locator('#series-search').blur();
  await popup.evaluate(() => window.scrollTo(0, 0));
  await popup.screenshot({ path: screenshotPath('popup.png') });
  await popup.locator('#series-search').fill('glutamte');
  await popup.locator('.results .result-title', { hasText: /^Glutamate$/u }).waitFor({ timeout: 5_000 });
  await popup.screenshot({ path: screenshotPath('popup-search.png') });
  assert.deepEqual(errors, []);
});
