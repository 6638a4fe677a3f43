// User paths for the card's own controls and the reader's card choices (issue 20): "Not on this
// site" clears every open tab of the site and Undo brings them back, by pointer and by keyboard;
// "Hide this term" hides a term everywhere; pages that swallow clicks still let the card's controls
// work; cards open on hover with a key held, or on click only, and keyboard reading works in every
// choice; the card's text size, still inside the window at 200 % zoom; the highlight styles on light
// and dark pages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  assertInViewport,
  assertNoErrors,
  axeViolations,
  CARD,
  cardText,
  EXTENSION_DIR,
  highlightCount,
  openCardOn,
  poll,
  setPreferences,
  sleep,
  termRect,
  test,
  useSession,
  waitForCardClosed,
  waitForCardPlaced,
  waitForHighlights,
} from '../support/e2e.mjs';

const NOTICE = 'mhx-explainer >>> .undo-notice';

/** A page that swallows clicks and cancels pointer presses in every way a page's script can. */
const SWALLOWING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Swallowing</title>
<script>
  window.pageClicks = 0;
  for (const target of [window, document]) {
    target.addEventListener('click', (event) => { window.pageClicks++; event.stopPropagation(); event.preventDefault(); }, true);
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
      target.addEventListener(type, (event) => { event.stopPropagation(); event.preventDefault(); }, true);
    }
    target.addEventListener('touchstart', (event) => event.preventDefault(), { capture: true, passive: false });
  }
</script></head><body><main><h1>Notes on treatment</h1>
<p>Ketamine acts on glutamate, unlike SSRIs, which act on serotonin.</p>
<p>Depression and anxiety are often treated with psychotherapy too.</p></main></body></html>`;

/** A dark page, for the highlight colours chosen against it. */
const DARK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Dark</title>
<style>body { background: #121212; color: #e6e6e6; font: 18px/1.6 Georgia, serif; max-width: 40rem; margin: 2rem auto; }</style>
</head><body><main><h1>Notes on treatment</h1>
<p>Ketamine acts on glutamate, unlike SSRIs, which act on serotonin.</p>
<p>Depression and anxiety are often treated with psychotherapy too.</p></main></body></html>`;

const env = useSession({
  routes: { '/swallowing.html': SWALLOWING, '/dark.html': DARK },
  launch: { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } },
});

/** The article's 20 highlights, every occurrence (see highlights.test.mjs). */
const ARTICLE_TERMS = 20;

/** The card's and the notice's buttons, as deep selectors. */
const cardButton = `${CARD} button`;
const noticeButton = `${NOTICE} button`;

test('"Not on this site" clears every open tab of the site at once; Undo brings them back', async () => {
  const first = await env.session.openTab(env.server.url('article.html'));
  const second = await env.session.openTab(env.server.url('article.html'));
  const elsewhere = await env.session.openTab(env.server.url('article.html', 'localhost'));
  try {
    for (const tab of [first, second, elsewhere]) await waitForHighlights(tab, { exact: ARTICLE_TERMS });
    await first.bringToFront();
    const { card } = await openCardOn(first, 'SSRIs');
    assert.equal(card.title, 'SSRI');
    const box = await waitForCardPlaced(first);
    await first.click(cardButton, { hasText: 'Not on this site' });
    const notice = await first.waitFor(NOTICE);
    assert.match(notice.text, /^Highlighting is off on 127\.0\.0\.1\s*—\s*Undo/u);
    // Where the card was.
    assert.ok(
      Math.abs(notice.box.x - box.x) <= 1 && Math.abs(notice.box.y - box.y) <= 1,
      'the notice is where the card was',
    );
    assert.deepEqual(await first.focused(), {
      localName: 'button',
      id: '',
      text: 'Undo',
      className: 'undo',
      host: 'mhx-explainer',
    });
    for (const tab of [first, second]) {
      await poll(async () => (await highlightCount(tab)) === 0, {
        message: 'every tab of the site to lose its highlights',
      });
    }
    await waitForCardClosed(first);
    assert.equal(await highlightCount(elsewhere), ARTICLE_TERMS, 'another site keeps its highlights');
    await first.screenshot('card-undo-notice.png');

    await first.click(noticeButton, { hasText: 'Undo' });
    for (const tab of [first, second]) await waitForHighlights(tab, { exact: ARTICLE_TERMS });
    await first.waitFor(NOTICE, { hasText: 'Highlighting is back on 127.0.0.1' });
    // No rule is left behind: the page is on because of the mode, as before.
    const popup = await env.session.openPopup(first.tabId);
    try {
      await popup.waitFor('.site-why', { hasText: 'No rule here' });
    } finally {
      await popup.close();
    }
    assertNoErrors(first, second, elsewhere);
  } finally {
    await Promise.all([first.close(), second.close(), elsewhere.close()]);
  }
});

test('by keyboard alone: the card from the popup’s list, Tab to "Not on this site", Enter, then Enter on Undo', async () => {
  const article = await env.session.openTab(env.server.url('article.html'));
  try {
    await waitForHighlights(article, { exact: ARTICLE_TERMS });
    const popup = await env.session.openPopup(article.tabId);
    await popup.click('.page-term', { hasText: 'Ketamine' });
    await poll(async () => (await cardText(article))?.title === 'Ketamine', { message: 'the card from the list' });
    await popup.close();
    await article.bringToFront();
    // Tab goes into the card, then along its controls to "Not on this site".
    for (let step = 0; step < 12; step++) {
      await article.press('Tab');
      if ((await article.focused())?.text === 'Not on this site') break;
    }
    assert.equal((await article.focused())?.text, 'Not on this site');
    await article.press('Enter');
    await poll(async () => (await article.focused())?.text === 'Undo', { message: 'Undo to take focus' });
    await poll(async () => (await highlightCount(article)) === 0, { message: 'the highlights to go' });
    await article.press('Enter');
    await waitForHighlights(article, { exact: ARTICLE_TERMS });
    assertNoErrors(article);
  } finally {
    await article.close();
  }
});

test('"Hide this term" hides it on every page; the options page brings it back', async () => {
  const first = await env.session.openTab(env.server.url('article.html'));
  const second = await env.session.openTab(env.server.url('article.html', 'localhost'));
  try {
    await waitForHighlights(first, { exact: ARTICLE_TERMS });
    await waitForHighlights(second, { exact: ARTICLE_TERMS });
    await first.bringToFront();
    await openCardOn(first, 'glutamate');
    await first.click(cardButton, { hasText: 'Hide this term' });
    await first.waitFor(NOTICE, { hasText: '“Glutamate” is no longer highlighted anywhere' });
    const withoutGlutamate = ARTICLE_TERMS - 1;
    for (const tab of [first, second]) await waitForHighlights(tab, { exact: withoutGlutamate });
    const options = await env.session.openExtensionPage('options.html');
    try {
      await options.waitFor('.hidden-term-name', { hasText: 'Glutamate' });
      await options.click('button[aria-label="Show again: Glutamate"]');
      await options.waitFor('.hidden-terms-empty');
    } finally {
      await options.close();
    }
    for (const tab of [first, second]) await waitForHighlights(tab, { exact: ARTICLE_TERMS });
    assertNoErrors(first, second);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});

test('a page that swallows clicks and cancels presses: the card’s own controls still work', async () => {
  const page = await env.session.openTab(env.server.url('swallowing.html'));
  try {
    await waitForHighlights(page, { min: 6 });
    await openCardOn(page, 'SSRIs');
    // A click pins the card even though the page stops it: the card is opened, not the page's.
    await page.click(cardButton, { hasText: 'Serotonin' });
    await poll(async () => (await cardText(page))?.title === 'Serotonin', { message: 'the related term to show' });
    await page.click(cardButton, { hasText: 'Hide this term' });
    await page.waitFor(NOTICE, { hasText: '“Serotonin” is no longer highlighted anywhere' });
    await poll(
      async () =>
        !(await page.evaluate(() =>
          [...(CSS.highlights.get('mhx-term') ?? [])].some((range) => /serotonin/iu.test(range.toString())),
        )),
      { message: 'serotonin to lose its highlight' },
    );
    await page.click(noticeButton, { hasText: 'Undo' });
    await page.waitFor(NOTICE, { hasText: '“Serotonin” is highlighted again' });
    await page.click(`${NOTICE} button.close`);
    await page.waitFor(NOTICE, { state: 'detached' });
    // And the card's close button.
    await openCardOn(page, 'glutamate');
    await page.click(`${CARD} button.close`);
    await waitForCardClosed(page);
    assert.ok((await page.evaluate(() => window.pageClicks)) > 0, 'the page did swallow the clicks');
    assertNoErrors(page);
  } finally {
    await page.close();
  }
});

test('cards open only while the chosen key is held, and the keyboard still opens them', async () => {
  await setPreferences(env.session, { cardTrigger: 'hover-with-key' });
  const article = await env.session.openTab(env.server.url('article.html'));
  try {
    await waitForHighlights(article, { exact: ARTICLE_TERMS });
    await article.mouse.move(2, 2);
    const rect = await termRect(article, 'glutamate');
    await article.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
    // Well past the hover delay: resting without the key opens nothing.
    await sleep(900);
    assert.equal(await cardText(article), null);
    // The key (Alt by default) pressed while resting opens the card at once.
    await article.keyDown('Alt');
    await poll(async () => (await cardText(article))?.title === 'Glutamate', { message: 'the card with Alt held' });
    await article.keyUp('Alt');
    await article.mouse.move(2, 2, { steps: 4 });
    await waitForCardClosed(article);
    // The popup's list (the keyboard's way in) opens cards whatever the choice.
    const popup = await env.session.openPopup(article.tabId);
    await popup.click('.page-term', { hasText: 'Psychotherapy' });
    await poll(async () => (await cardText(article))?.title === 'Psychotherapy', { message: 'the card from the list' });
    await popup.close();
    assertNoErrors(article);
  } finally {
    await article.close();
    await setPreferences(env.session, { cardTrigger: 'hover' });
  }
});

test('cards open on click only: resting opens nothing, a click opens, a click elsewhere closes', async () => {
  await setPreferences(env.session, { cardTrigger: 'click' });
  const article = await env.session.openTab(env.server.url('article.html'));
  try {
    await waitForHighlights(article, { exact: ARTICLE_TERMS });
    await article.mouse.move(2, 2);
    const rect = await termRect(article, 'glutamate');
    const middle = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    await article.mouse.move(middle.x, middle.y, { steps: 4 });
    await sleep(900);
    assert.equal(await cardText(article), null, 'resting opens nothing');
    await article.mouse.click(middle.x, middle.y);
    await poll(async () => (await cardText(article))?.title === 'Glutamate', { message: 'the card on click' });
    await article.mouse.move(2, 400, { steps: 4 });
    await sleep(600);
    assert.equal((await cardText(article))?.title, 'Glutamate', 'a clicked card stays when the pointer leaves');
    await article.mouse.click(2, 400);
    await waitForCardClosed(article);
    assertNoErrors(article);
  } finally {
    await article.close();
    await setPreferences(env.session, { cardTrigger: 'hover' });
  }
});

test('large card text stays inside the window at 200 % zoom (a 640 × 360 window)', async () => {
  await setPreferences(env.session, { cardTextSize: 'large' });
  const article = await env.session.openTab(env.server.url('article.html'), { viewport: { width: 640, height: 360 } });
  try {
    await waitForHighlights(article, { exact: ARTICLE_TERMS });
    await openCardOn(article, 'SSRIs');
    const box = await waitForCardPlaced(article);
    assertInViewport(box, await article.viewport(), 'the large card', 1);
    const size = await article.onElement(CARD, (card) => getComputedStyle(card).fontSize);
    assert.equal(size, '17px');
    await article.screenshot('card-large-zoomed.png');
    assert.deepEqual(await axeViolations(article, { include: ['mhx-explainer', '.term-card'] }), []);
  } finally {
    await article.close();
    await setPreferences(env.session, { cardTextSize: 'normal' });
  }
});

/** The rule of the extension's highlight in the sheet it adopted into the page; '' when it adopted none. */
const adoptedHighlightRule = (tab) =>
  tab.evaluate(
    () =>
      document.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .find((text) => text.startsWith('::highlight(mhx-term)')) ?? '',
  );

/**
 * The content script's own sheet (in every page before it is parsed), whose rule paints the
 * highlight until the engine adopts a sheet of other colours (decision 026), as the browser writes
 * the rule back.
 */
const DEFAULT_HIGHLIGHT_RULE = (() => {
  const css = readFileSync(path.join(EXTENSION_DIR, 'content-scripts', 'explainer.css'), 'utf8');
  return css.match(/::highlight\(mhx-term\)\{[^}]*\}/u)?.[0] ?? '';
})();

/** The rule that paints the extension's highlight: the adopted sheet's, or else the default sheet's. */
const paintingHighlightRule = async (tab) => (await adoptedHighlightRule(tab)) || DEFAULT_HIGHLIGHT_RULE;

/** What each style's rule says (as the browser writes the rule back). */
const LOOKS = {
  background: (rule) => /dotted/u.test(rule) && !/background-color: (transparent|rgba\(0, 0, 0, 0\))/u.test(rule),
  underline: (rule) => !/dotted/u.test(rule) && /background-color: (transparent|rgba\(0, 0, 0, 0\))/u.test(rule),
  subtle: (rule) =>
    /1px dotted|dotted 1px|1px .*dotted/u.test(rule) &&
    /background-color: (transparent|rgba\(0, 0, 0, 0\))/u.test(rule),
};

for (const style of ['background', 'underline', 'subtle']) {
  test(`the ${style} style on a light and a dark page: colours chosen against each page; screenshots`, async () => {
    await setPreferences(env.session, { highlightStyle: style });
    const light = await env.session.openTab(env.server.url('article.html'), { viewport: { width: 800, height: 500 } });
    const dark = await env.session.openTab(env.server.url('dark.html'), { viewport: { width: 800, height: 400 } });
    try {
      await waitForHighlights(light, { exact: ARTICLE_TERMS });
      await waitForHighlights(dark, { min: 6 });
      const ruleOf = (tab, what) =>
        poll(
          async () => {
            const rule = await paintingHighlightRule(tab);
            return LOOKS[style](rule) ? rule : null;
          },
          { message: `the ${style} style in the ${what} page` },
        );
      const lightRule = await ruleOf(light, 'light');
      const darkRule = await ruleOf(dark, 'dark');
      assert.notEqual(lightRule, darkRule, 'the dark page gets colours of its own');
      if (style === 'background') {
        // The default look on a light page is the content script's own sheet: none is adopted (decision 026).
        assert.equal(await adoptedHighlightRule(light), '', 'no sheet adopted for the default look');
      }
      assert.match(darkRule, /rgba?\(242, 199, 102|rgba?\(170, 150, 110/u, 'the gold made for dark pages');
      await light.screenshot(`highlight-${style}-light.png`);
      await dark.screenshot(`highlight-${style}-dark.png`);
      assertNoErrors(light, dark);
    } finally {
      await Promise.all([light.close(), dark.close()]);
      await setPreferences(env.session, { highlightStyle: 'background' });
    }
  });
}
