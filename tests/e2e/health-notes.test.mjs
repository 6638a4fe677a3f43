// User path: careful with health. A medicine's card carries the editors' safety line, set apart from
// the article's summary; a condition's card ends with a calm pointer to help; the popup's "Need help
// now?" opens to the reader's country's line (from the browser's UI language, or the options), and
// nothing of it is left once help lines are switched off; the card links to "About this content".
// In Chromium and Firefox, in a browser whose UI language is en-US.
import assert from 'node:assert/strict';
import {
  assertNoErrors,
  axeViolations,
  CARD,
  CARD_HOST,
  openCardOn,
  poll,
  test,
  useSession,
  waitForCardClosed,
  waitForHighlights,
} from '../support/e2e.mjs';

const MEDICINE_SAFETY_NOTE = 'Do not start, stop or change a medicine without the person who prescribes it.';
const US_POINTER =
  'If you would like to talk to someone: 988 Suicide & Crisis Lifeline, call 988 · Helplines in other countries';
const UK_POINTER = 'If you would like to talk to someone: Samaritans, call 116 123 · Helplines in other countries';
/** The number of terms in tests/fixtures/pages/article.html (see highlights.test.mjs). */
const ARTICLE_TERM_COUNT = 20;
const HELP_SECTION = 'section[aria-labelledby="help-lines-title"]';

let article;
let popup;
let options;

const env = useSession({
  // Every occurrence: the article's 20 highlights are counted (decision 040).
  launch: { locale: 'en-US', preferences: { highlightDensity: 'every' } },
  setUp: async () => {
    article = await env.session.openTab(env.server.url('article.html'));
    await waitForHighlights(article, { exact: ARTICLE_TERM_COUNT });
  },
});

/** What the open card shows of the editors' words, and how its note is set apart from the summary. */
function cardNotes(tab) {
  return tab.evaluate((host) => {
    const card = document.querySelector(host)?.shadowRoot?.querySelector('.term-card');
    if (!card) return null;
    const summary = card.querySelector('.summary');
    const note = card.querySelector('.editors-note');
    const label = note?.querySelector('.note-label');
    const pointer = card.querySelector('.help-pointer');
    return {
      title: card.querySelector('.term')?.textContent.trim(),
      summary: summary?.textContent.trim(),
      note: note?.textContent.trim() ?? null,
      label: label?.textContent ?? null,
      noteInSummary: summary?.contains(note ?? null) ?? false,
      noteRule: note ? `${getComputedStyle(note).borderLeftStyle} ${getComputedStyle(note).borderLeftWidth}` : null,
      summaryRule: summary ? getComputedStyle(summary).borderLeftStyle : null,
      labelShown: label ? getComputedStyle(label).display !== 'none' && label.getClientRects().length > 0 : false,
      pointer: pointer?.textContent.trim() ?? null,
      pointerIsLast:
        pointer !== null && pointer === [...card.children].filter((child) => !child.matches('.close')).at(-1),
      pointerLinks: [...card.querySelectorAll('.help-pointer a')].map((link) => ({
        text: link.textContent,
        href: link.getAttribute('href'),
        target: link.getAttribute('target'),
      })),
      text: card.textContent,
    };
  }, CARD_HOST);
}

/** Opens the card of the `nth` highlighted `text`, afresh (a card already open is closed first). */
async function freshCard(text, nth = 0) {
  await article.bringToFront();
  await article.mouse.move(2, 2);
  await article.press('Escape');
  await waitForCardClosed(article);
  await openCardOn(article, text, nth);
  return cardNotes(article);
}

/** Screenshots of the tab in the light and the dark colour scheme; light again after. */
async function screenshots(tab, name) {
  for (const colorScheme of ['light', 'dark']) {
    await tab.emulateMedia({ colorScheme });
    await tab.screenshot(`health-${name}-${colorScheme}.png`);
  }
  await tab.emulateMedia({ colorScheme: 'light' });
}

async function assertAccessible(tab, what) {
  const violations = await axeViolations(tab);
  assert.deepEqual(violations, [], `axe in ${what}: ${JSON.stringify(violations, null, 2)}`);
}

/** The popup's help entry as the reader sees it once opened: its text and links. */
async function openedHelp() {
  await popup.waitFor('details.help-now summary');
  if (!(await popup.property('details.help-now', 'open'))) await popup.click('details.help-now summary');
  await popup.waitFor('details.help-now .help-directory a');
  return popup.evaluate(() => {
    const help = document.querySelector('details.help-now');
    return {
      text: help.textContent,
      links: [...help.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]),
    };
  });
}

test("the SSRI and ketamine cards carry the medicine safety line, labelled and styled as the editors' note", async () => {
  for (const [term, title] of [
    ['SSRI', 'SSRI'],
    ['Ketamine', 'Ketamine'],
  ]) {
    const card = await freshCard(term);
    assert.equal(card.title, title);
    assert.equal(card.note, `Editors' note: ${MEDICINE_SAFETY_NOTE}`);
    assert.equal(card.label, "Editors' note");
    assert.equal(card.labelShown, true, 'the label is shown');
    assert.equal(card.noteInSummary, false, "the note is not part of the article's summary");
    assert.equal(card.summary.includes(MEDICINE_SAFETY_NOTE), false);
    assert.equal(card.noteRule, 'solid 3px', 'a rule at the side sets the note apart');
    assert.equal(card.summaryRule, 'none', 'the summary has no such rule');
    assert.equal(card.pointer, null, 'a medicine is no condition: no help pointer');
    if (term === 'SSRI') await screenshots(article, 'ssri-card');
  }
});

test('the depression card ends with a calm pointer to the United States line and the directory', async () => {
  const card = await freshCard('depression');
  assert.equal(card.title, 'Depression');
  assert.equal(card.note, null, 'no editors’ note on a condition');
  assert.equal(card.pointer, US_POINTER);
  assert.equal(card.pointerIsLast, true, 'the pointer ends the card');
  assert.deepEqual(card.pointerLinks, [
    { text: 'call 988', href: 'tel:988', target: null },
    { text: 'Helplines in other countries', href: 'https://findahelpline.com/', target: '_blank' },
  ]);
  await screenshots(article, 'depression-card');
});

test('the card\'s "About this content" opens the About page in the reader, which axe finds no fault with', async () => {
  await freshCard('SSRI');
  await article.click(`${CARD} .about-link`);
  const about = await env.session.waitForTab(env.session.extensionUrl('reader.html#about'));
  try {
    await about.waitFor('h1');
    assert.equal(await about.text('h1'), 'About this content');
    const page = await about.text('main');
    assert.match(page, /announced, not yet written/u);
    assert.match(page, /Last reviewed by the editors on 5 December 2026\./u);
    assert.match(page, /The editors’ words: every line labelled “Editors' note”/u);
    assert.match(page, /Nothing here is medical advice\./u);
    await assertAccessible(about, 'the About page');
    await about.setViewport({ width: 900, height: 1100 });
    await screenshots(about, 'about');
    assertNoErrors(about);
  } finally {
    await about.close();
  }
});

test('the popup\'s "Need help now?" opens to the United States line in an en-US browser', async () => {
  popup = await env.session.openPopup(article.tabId);
  await popup.waitFor('details.help-now summary');
  assert.equal(await popup.text('details.help-now summary'), 'Need help now?');
  assert.equal(await popup.property('details.help-now', 'open'), false, 'one closed line until the reader opens it');
  const help = await openedHelp();
  assert.deepEqual(help.links, [
    ['988 Suicide & Crisis Lifeline', 'https://988lifeline.org/'],
    ['Call 988', 'tel:988'],
    ['Text 988', 'sms:988'],
    ['Chat online', 'https://988lifeline.org/'],
    ['Helplines in other countries', 'https://findahelpline.com/'],
  ]);
  assert.match(help.text, /United States/u);
  await assertAccessible(popup, 'the popup with its help open');
  await popup.evaluate(() => window.scrollTo(0, 0));
  await screenshots(popup, 'popup-help');
});

test('once the options say United Kingdom, the popup and the cards show the UK line', async () => {
  options = await env.session.openExtensionPage('options.html');
  await options.waitFor('#help-country');
  assert.equal(await options.property('#help-country', 'value'), 'auto');
  assert.match(await options.text('#help-country option[value="auto"]'), /^Automatic: United States/u);
  await assertAccessible(options, 'the options page');
  await options.selectOption('#help-country', 'GB');
  // The popup follows the stored settings as they change.
  const help = await poll(
    async () => {
      const now = await openedHelp();
      return now.links[0]?.[0] === 'Samaritans' ? now : null;
    },
    { message: 'the popup to show the United Kingdom line' },
  );
  assert.deepEqual(help.links.slice(0, 2), [
    ['Samaritans', 'https://www.samaritans.org/'],
    ['Call 116 123', 'tel:116123'],
  ]);
  assert.match(help.text, /United Kingdom/u);
  assert.equal(help.text.includes('988'), false, "no other country's number");
  const card = await poll(
    async () => {
      const now = await freshCard('depression');
      return now.pointer === UK_POINTER ? now : null;
    },
    { message: 'the depression card to point to the UK line' },
  );
  assert.deepEqual(card.pointerLinks[0], { text: 'call 116 123', href: 'tel:116123', target: null });
  await options.onElement(HELP_SECTION, (section) => section.scrollIntoView({ block: 'start' }));
  await screenshots(options, 'options-help-lines');
});

test('with help lines switched off, neither the popup nor a card keeps any trace of them', async () => {
  await options.uncheck(`${HELP_SECTION} input[type="checkbox"]`);
  await popup.waitFor('details.help-now', { state: 'detached' });
  const popupText = await popup.text('main');
  for (const trace of ['Need help now?', '988', '116 123', 'helpline']) {
    assert.equal(popupText.includes(trace), false, `"${trace}" in the popup`);
  }
  assert.equal(await popup.count('a[href^="tel:"], a[href^="sms:"], a[href*="findahelpline"]'), 0);
  const card = await poll(
    async () => {
      const now = await freshCard('depression');
      return now.pointer === null ? now : null;
    },
    { message: 'the depression card to drop its pointer' },
  );
  assert.equal(card.pointerLinks.length, 0);
  assert.equal(/talk to someone|helpline|988|116 123/iu.test(card.text), false, card.text);
  // Back as it was for any later test: on, and the country from the browser's language.
  await options.check(`${HELP_SECTION} input[type="checkbox"]`);
  await options.selectOption('#help-country', 'auto');
});

test('no errors in the page, the popup or the options', () => {
  assertNoErrors(article, popup, options);
});
