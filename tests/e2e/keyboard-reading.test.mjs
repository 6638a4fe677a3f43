// User path: reading a page's terms without a mouse — the keyboard commands step through them in
// document order, the card takes Tab and gives focus back on Escape, a screen reader hears the
// term, and the popup lists the page's terms and opens any of them.
import assert from 'node:assert/strict';
import {
  ARTICLE_TERM_COUNT,
  assertNoErrors,
  axeViolations,
  CARD,
  cardTitle,
  highlightedRanges,
  launchOnVirtualDisplay,
  loadGlossary,
  poll,
  test,
  useSession,
  waitForCardPlaced,
  waitForHighlights,
} from '../support/e2e.mjs';

const glossary = loadGlossary();
const entry = (id) => glossary.find((candidate) => candidate.id === id);
/** The popup's list of the terms on the page. */
const PAGE_TERMS = 'section.page-terms';

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({ launch: { preferences: { highlightDensity: 'every' } } });

/** Sends the tab's top frame what the background sends when a term command is pressed. */
async function step(tabId, direction) {
  const answer = await env.session.inExtension(
    ({ tabId, direction }) =>
      chrome.tabs.sendMessage(
        tabId,
        { id: 1, type: 'showAdjacentTerm', data: direction, timestamp: Date.now() },
        { frameId: 0 },
      ),
    { tabId, direction },
  );
  assert.deepEqual(answer, { res: true }, `the page answers the ${direction} step`);
}

/**
 * Which occurrence the open card explains: its place among the page's highlighted terms in
 * document order (the extension marks it with a highlight of its own), its text, and whether it is
 * in the viewport.
 */
function currentTerm(page) {
  return page.evaluate(() => {
    const [current] = CSS.highlights.get('mhx-term-current') ?? [];
    if (!current) return null;
    const ranges = [...(CSS.highlights.get('mhx-term') ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const rect = current.getBoundingClientRect();
    return {
      index: ranges.findIndex(
        (range) =>
          range.startContainer === current.startContainer &&
          range.startOffset === current.startOffset &&
          range.endContainer === current.endContainer &&
          range.endOffset === current.endOffset,
      ),
      text: current.toString(),
      inView: rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth,
    };
  });
}

/** The element focused in the page, looking into the card's shadow root. */
async function focused(page) {
  const active = await page.focused();
  return active ? { tag: active.localName, id: active.id, text: active.text } : null;
}

test('the commands ship with default shortcuts the browser accepts', async () => {
  const commands = await env.session.inExtension(() => chrome.commands.getAll());
  const shortcuts = Object.fromEntries(commands.map((command) => [command.name, command.shortcut]));
  // Chromium drops a suggested key that clashes with its own shortcuts, leaving the command unbound.
  assert.equal(shortcuts['next-term'], 'Alt+Shift+J');
  assert.equal(shortcuts['previous-term'], 'Alt+Shift+K');
});

test('next steps through every term in document order and wraps round; previous goes back', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  const { tabId } = page;
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const inOrder = (await highlightedRanges(page)).map((range) => range.text);

  const visited = [];
  for (let expected = 0; expected <= ARTICLE_TERM_COUNT; expected++) {
    await step(tabId, 'next');
    const index = expected % ARTICLE_TERM_COUNT;
    const current = await poll(
      async () => {
        const found = await currentTerm(page);
        return found?.index === index ? found : null;
      },
      { message: `the card of term #${index} (${inOrder[index]})` },
    );
    await page.waitFor(CARD, { timeout: 5_000 });
    assert.ok(current.inView, `term #${index} "${current.text}" is scrolled into view`);
    visited.push(current.text);
  }
  assert.deepEqual(visited, [...inOrder, inOrder[0]], 'every term once, in document order, then the first again');

  await step(tabId, 'previous');
  await poll(async () => (await currentTerm(page))?.index === ARTICLE_TERM_COUNT - 1, {
    message: 'previous from the first term to wrap round to the last',
  });
  await step(tabId, 'previous');
  await poll(async () => (await currentTerm(page))?.index === ARTICLE_TERM_COUNT - 2, {
    message: 'previous to step back once more',
  });
  assertNoErrors(page);
  await page.close();
});

test('from nowhere, next starts at the first term in view; terms in scrolled boxes are revealed', async () => {
  const page = await env.session.openTab(env.server.url('tricky.html'));
  const { tabId } = page;
  await waitForHighlights(page, { min: 6 });
  const texts = (await highlightedRanges(page)).map((range) => range.text);
  const introspection = texts.indexOf('introspection');
  assert.ok(introspection > 0);

  await step(tabId, 'next');
  // The first term in the document is in the fixed header, which is always in view.
  await poll(async () => (await currentTerm(page))?.text === 'depression', { message: 'the header term' });
  for (let index = 1; index <= introspection; index++) await step(tabId, 'next');
  const current = await poll(
    async () => {
      const found = await currentTerm(page);
      return found?.text === 'introspection' ? found : null;
    },
    { message: 'the term inside the scrolled box' },
  );
  assert.ok(current.inView);
  const insideBox = await page.evaluate(() => {
    const [range] = CSS.highlights.get('mhx-term-current');
    const term = range.getBoundingClientRect();
    const box = document.getElementById('scroller').getBoundingClientRect();
    return term.top >= box.top && term.bottom <= box.bottom;
  });
  assert.ok(insideBox, 'the box was scrolled to show the term');
  const card = await waitForCardPlaced(page);
  assert.ok(card.y >= 0 && card.y + card.height <= (await page.viewport()).height, 'the card is in the viewport');
  await page.close();
});

test('the card takes Tab, its button works with Enter, and Escape gives focus back', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  const { tabId } = page;
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  // Focus a field far down the page while reading from the top.
  await page.evaluate(() => {
    document.querySelector('input').focus({ preventScroll: true });
    scrollTo(0, 0);
  });

  await step(tabId, 'next');
  await page.waitFor(CARD, { timeout: 5_000 });
  assert.equal(await cardTitle(page), 'Ketamine');
  assert.equal((await focused(page)).tag, 'input', 'opening a card does not take focus');
  assert.equal(await page.attribute(CARD, 'role'), 'dialog');
  assert.equal(await page.attribute(CARD, 'aria-labelledby'), 'term-card-ketamine-title');

  // Screen readers hear the term and its summary from a live region in the card's shadow root.
  const announced = await poll(
    () =>
      page.evaluate(() => {
        const status = document.querySelector('mhx-explainer').shadowRoot.querySelector('[role="status"]');
        return status.textContent || null;
      }),
    { message: 'the announcement' },
  );
  assert.equal(announced, `Ketamine: ${entry('ketamine').summary}`);

  await page.press('Tab');
  assert.deepEqual(await focused(page), { tag: 'button', id: '', text: 'Read in the series' });
  const order = [];
  for (let press = 0; press < 9; press++) {
    await page.press('Tab');
    const now = await focused(page);
    order.push(now.text || now.tag);
  }
  assert.deepEqual(order, [
    'About this content',
    'Glutamate',
    'SSRI',
    'Psychotherapy',
    'Not on this site',
    'Hide this term',
    '×',
    'Read in the series',
    'About this content',
  ]);
  await page.press('Shift+Tab');
  await page.press('Shift+Tab');
  assert.equal((await focused(page)).text, '×', 'Shift+Tab wraps round to the last control');

  await page.press('Escape');
  await page.waitFor(CARD, { state: 'hidden', timeout: 5_000 });
  assert.equal((await focused(page)).tag, 'input', 'Escape gives focus back to where it was');

  // Enter on "Read in the series" opens the reader at the cited section.
  await step(tabId, 'next');
  await poll(async () => (await cardTitle(page).catch(() => null)) === 'Depression', { message: 'the next card' });
  await page.press('Tab');
  assert.equal((await focused(page)).text, 'Read in the series');
  await page.press('Enter');
  const reader = await env.session.waitForTab(env.session.extensionUrl('reader.html#part-1/'));
  await reader.close();
  await page.close();
});

test('the popup lists the terms on the page; choosing one scrolls to it and opens its card', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const counts = await page.evaluate(() => {
    const ranges = [...CSS.highlights.get('mhx-term')];
    return ranges.length;
  });
  assert.equal(counts, ARTICLE_TERM_COUNT);

  const popup = await env.session.openPopup(page.tabId);
  await popup.waitFor(`${PAGE_TERMS} button`);
  assert.equal(await popup.attribute(PAGE_TERMS, 'aria-labelledby'), 'page-terms-title');
  assert.equal(await popup.text('#page-terms-title'), 'On this page');
  const labels = await popup.texts(`${PAGE_TERMS} button`);
  const total = labels.reduce((sum, label) => sum + Number(/, (\d+) times?$/u.exec(label)[1]), 0);
  assert.equal(total, ARTICLE_TERM_COUNT, `the counts add up to the page's terms: ${labels.join(' | ')}`);
  await popup.screenshot('popup-page-terms.png');

  await popup.click(`${PAGE_TERMS} button`, { hasText: /^Psychedelic integration\b/u });
  await page.bringToFront();
  const current = await poll(
    async () => {
      const found = await currentTerm(page);
      return found?.text === 'psychedelic integration' ? found : null;
    },
    { message: 'the card of psychedelic integration' },
  );
  const firstOccurrence = (await highlightedRanges(page)).findIndex((range) =>
    /^psychedelic integration$/iu.test(range.text),
  );
  assert.equal(current.index, firstOccurrence, 'the first occurrence is shown');
  assert.ok(current.inView, 'scrolled into view');
  // The card is drawn once its script has loaded, a moment after the term is marked current.
  assert.equal(await poll(() => cardTitle(page), { message: 'the card to be drawn' }), 'Psychedelic integration');
  assertNoErrors(popup);
  await popup.close();
  await page.close();
});

test('axe finds no accessibility violations in the popup, light or dark', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const popup = await env.session.openPopup(page.tabId);
  await popup.waitFor(PAGE_TERMS);
  for (const colorScheme of ['light', 'dark']) {
    await popup.emulateMedia({ colorScheme });
    assert.deepEqual(await axeViolations(popup), [], `${colorScheme}: no violations`);
  }
  await popup.close();
  await page.close();
});

test('a real key press runs the command through the background to the page', async (t) => {
  const headed = await launchOnVirtualDisplay(t, { preferences: { highlightDensity: 'every' } });
  if (!headed) return;
  const { display, session } = headed;
  const page = await session.openTab(env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  await page.bringToFront();
  await display.press('alt+shift+j');
  await poll(async () => (await currentTerm(page))?.index === 0, { message: 'Alt+Shift+J to open the first term' });
  await display.press('alt+shift+j');
  await poll(async () => (await currentTerm(page))?.index === 1, { message: 'Alt+Shift+J to step on' });
  await display.press('alt+shift+k');
  await display.press('alt+shift+k');
  await poll(async () => (await currentTerm(page))?.index === ARTICLE_TERM_COUNT - 1, {
    message: 'Alt+Shift+K twice to wrap round to the last term',
  });
  await page.waitFor(CARD, { timeout: 5_000 });
});
