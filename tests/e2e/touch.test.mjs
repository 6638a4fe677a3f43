// Touch screens (issue 20), on a 360 px wide phone screen: a tap on a term opens its card, a tap
// elsewhere or on its close button closes it; a term inside a link keeps the link working and its
// card is still reachable from the popup's list; rapid taps, and a mouse on a device that also has a
// touch screen, open one card at most; the card's controls work by touch. The popup, the options
// page, the reader and the first-run page fit the screen's width, light and dark.
import assert from 'node:assert/strict';
import {
  assertInViewport,
  assertNoErrors,
  CARD,
  CARD_HOST,
  cardText,
  highlightCount,
  launchExtension,
  poll,
  termRect,
  test,
  useSession,
  waitForCardClosed,
  waitForCardPlaced,
  waitForHighlights,
} from '../support/e2e.mjs';

const PHONE = { width: 360, height: 740 };

const LINKED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="icon" href="data:,"><title>Linked</title></head><body><main><h1>Reading list</h1>
<p>Start with <a id="link" href="/article.html">why clinics offer ketamine</a>, then read on.</p>
<p>SSRIs act on serotonin; glutamate is another messenger, and anxiety is common.</p></main></body></html>`;

const env = useSession({
  routes: { '/linked.html': LINKED },
  launch: {
    touch: true,
    viewport: PHONE,
    highlightMode: 'everywhere',
    preferences: { highlightDensity: 'every' },
  },
});

/** The middle of the `nth` highlighted `text`, scrolled into view. */
async function middleOfTerm(tab, text, nth = 0) {
  const rect = await termRect(tab, text, nth);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

async function tapTerm(tab, text, nth = 0) {
  const { x, y } = await middleOfTerm(tab, text, nth);
  await tab.tap(x, y);
}

const cardCount = (tab) =>
  tab.evaluate(
    (host) =>
      [...document.querySelectorAll(host)].reduce(
        (sum, el) => sum + (el.shadowRoot?.querySelectorAll('.term-card').length ?? 0),
        0,
      ),
    CARD_HOST,
  );

test('a tap on a term opens its card; a tap elsewhere, or on its close button, closes it', async () => {
  const article = await env.session.openTab(env.server.url('article.html'));
  try {
    await waitForHighlights(article, { exact: 20 });
    await tapTerm(article, 'glutamate');
    await poll(async () => (await cardText(article))?.title === 'Glutamate', { message: 'the card after a tap' });
    const box = await waitForCardPlaced(article);
    assertInViewport(box, await article.viewport(), 'the card on a phone', 1);
    await article.screenshot('phone-card.png');
    // A tap on plain text closes it.
    await article.tap(8, 8);
    await waitForCardClosed(article);
    // The close button, by touch.
    await tapTerm(article, 'psychotherapy');
    await poll(async () => (await cardText(article))?.title === 'Psychotherapy', { message: 'the second card' });
    await waitForCardPlaced(article);
    const close = await article.middleOf(`${CARD} button.close`);
    await article.tap(close.x, close.y);
    await waitForCardClosed(article);
    assertNoErrors(article);
  } finally {
    await article.close();
  }
});

test('a term inside a link: the tap follows the link; the popup’s list still opens its card', async () => {
  const page = await env.session.openTab(env.server.url('linked.html'));
  try {
    await waitForHighlights(page, { min: 5 });
    const popup = await env.session.openPopup(page.tabId, { viewport: PHONE });
    try {
      await popup.click('.page-term', { hasText: 'Ketamine' });
      // The popup stays until the card is open: closing it could cut its message short.
      await poll(async () => (await cardText(page))?.title === 'Ketamine', {
        message: 'the linked term’s card from the list',
      });
    } finally {
      await popup.close();
    }
    await page.tap(8, 8);
    await waitForCardClosed(page);
    await tapTerm(page, 'ketamine');
    await poll(() => page.url().endsWith('/article.html'), { message: 'the tap to follow the link' });
    await waitForHighlights(page, { exact: 20 });
    assert.equal(await cardText(page), null, 'no card came with the link');
  } finally {
    await page.close();
  }
});

test('rapid taps on different terms, and a mouse resting on another, open one card at most', async () => {
  const page = await env.session.openTab(env.server.url('linked.html'));
  try {
    await waitForHighlights(page, { min: 5 });
    // From the last term up: a card opens below its term, so it never covers the next one tapped.
    const points = [];
    for (const text of ['anxiety', 'glutamate', 'serotonin', 'SSRIs']) points.push(await middleOfTerm(page, text));
    for (const { x, y } of points) await page.tap(x, y);
    await poll(async () => (await cardText(page))?.title === 'SSRI', { message: 'the last tapped term’s card' });
    assert.equal(await cardCount(page), 1);
    assert.equal(await page.count(CARD_HOST), 1, 'one card host');
    // The same device's mouse now rests on another term: still one card.
    const other = points[2];
    await page.mouse.move(other.x, other.y, { steps: 3 });
    await poll(async () => (await cardText(page)) !== null, { message: 'a card' });
    assert.equal(await cardCount(page), 1);
    assertNoErrors(page);
  } finally {
    await page.close();
  }
});

test('the card’s controls work by touch: "Not on this site", then Undo', async () => {
  const page = await env.session.openTab(env.server.url('linked.html'));
  try {
    await waitForHighlights(page, { min: 5 });
    await tapTerm(page, 'glutamate');
    await poll(async () => (await cardText(page))?.title === 'Glutamate', { message: 'the card' });
    await waitForCardPlaced(page);
    const pause = await page.middleOf(`${CARD} button`, { hasText: 'Not on this site' });
    await page.tap(pause.x, pause.y);
    await poll(async () => (await highlightCount(page)) === 0, { message: 'the highlights to go' });
    const undo = await page.middleOf('mhx-explainer >>> .undo-notice button', { hasText: 'Undo' });
    await page.screenshot('phone-undo-notice.png');
    await page.tap(undo.x, undo.y);
    await waitForHighlights(page, { min: 5 });
    assertNoErrors(page);
  } finally {
    await page.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`the popup, options page, reader and first-run page fit a 360 px wide screen (${scheme})`, async () => {
    const phone =
      scheme === 'light' ? env.session : await launchExtension({ touch: true, viewport: PHONE, colorScheme: scheme });
    try {
      const article = await phone.openTab(env.server.url('article.html'));
      for (const [name, pagePath] of [
        ['popup', `popup.html?tab=${article.tabId}`],
        ['options', 'options.html'],
        ['reader', 'reader.html'],
        ['welcome', 'welcome.html'],
      ]) {
        const page = await phone.openExtensionPage(pagePath, { viewport: PHONE });
        try {
          await page.waitFor('h1');
          const widths = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
          }));
          assert.ok(widths.page <= widths.viewport, `${name} is ${widths.page} px wide at ${widths.viewport} px`);
          await page.screenshot(`phone-${name}-${scheme}.png`);
          assertNoErrors(page);
        } finally {
          await page.close();
        }
      }
      await article.close();
    } finally {
      if (phone !== env.session) await phone.close();
    }
  });
}
