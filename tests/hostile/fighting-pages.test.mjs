// Pages that fight the extension: CSS aimed at custom elements and at ::highlight(), overlays over
// the text, a page that sweeps away elements it does not know, built-ins replaced in the page's
// world, document.open() rewrites and closed shadow roots. The page's DOM stays its own, nothing
// errors, the terms are found, and the card opens wherever a reader can reach the term.
import assert from 'node:assert/strict';
import {
  assertNoErrors,
  CARD,
  cardTitle,
  highlightCount,
  openCardOn,
  poll,
  sleep,
  test,
  useSession,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';
import { cardOnTop, HOST, highlightTexts, html, ownMarkup, rangeRect, restOn } from './hostile-kit.mjs';

const ARTICLE = '<main><h1>Notes</h1><p>Ketamine acts on glutamate, unlike SSRIs.</p><p>Anxiety is common.</p></main>';
const ARTICLE_TERMS = ['Anxiety', 'Ketamine', 'SSRIs', 'glutamate'];

const CSS_ATTACKS = {
  // Everything a stylesheet can aim at an unknown element, with the strongest weight it has.
  'custom elements and ::highlight restyled': `<style>
    :not(:defined), html > :not(head):not(body), [popover], *:popover-open {
      display: none !important; visibility: hidden !important; opacity: 0 !important;
      position: absolute !important; left: -99999px !important; transform: scale(0) !important;
      content-visibility: hidden !important; clip-path: inset(50%) !important;
    }
    ::highlight(mhx-term) { background: none !important; color: inherit !important; text-decoration: none !important; }
  </style>`,
  'all: unset !important on every element': `<style>
    * { all: unset !important; }
    html { font: 20px/1.6 serif; }
  </style>`,
};

/** The page sweeps every element it does not know out of <body>, on every mutation anywhere. */
const BODY_SWEEPER = `<script>
  window.sweeps = 0;
  const known = new Set(['MAIN', 'H1', 'P', 'SCRIPT']);
  new MutationObserver(() => {
    sweeps++;
    for (const element of document.body.querySelectorAll('*')) if (!known.has(element.tagName)) element.remove();
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener('load', () => document.querySelector('main').append(document.createElement('aside')));
</script>`;

/** Harsher: whatever is put beside <head> and <body> goes, until the page is told to stop. */
const ROOT_SWEEPER = `<script>
  window.sweeps = 0;
  const sweeper = new MutationObserver(() => {
    sweeps++;
    for (const element of [...document.documentElement.children]) {
      if (element !== document.head && element !== document.body) element.remove();
    }
  });
  sweeper.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  window.stopSweeping = () => sweeper.disconnect();
</script>`;

/**
 * Replaces the built-ins a content script leans on, in the page's own world, before any content
 * script runs. Every replacement reports through a console.error saved beforehand and throws: a
 * content script sharing the page's world would fail, and the call would show in the errors.
 */
const POLLUTER = `<script>
  (() => {
    const report = console.error.bind(console);
    const trap = (owner, name) => {
      const label = String(name);
      try {
        Object.defineProperty(owner, name, {
          configurable: true,
          writable: true,
          value: function () { report('hostile trap called: ' + label); throw new Error('hostile ' + label); },
        });
      } catch {}
    };
    const traps = [
      [Node.prototype, ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'contains', 'compareDocumentPosition', 'cloneNode', 'getRootNode']],
      [Element.prototype, ['querySelector', 'querySelectorAll', 'append', 'prepend', 'remove', 'attachShadow', 'getAttribute', 'setAttribute', 'removeAttribute', 'hasAttribute', 'closest', 'matches', 'getBoundingClientRect', 'getClientRects', 'showPopover']],
      [EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']],
      [Document.prototype, ['createElement', 'createRange', 'createTreeWalker', 'caretPositionFromPoint', 'caretRangeFromPoint', 'querySelector', 'elementFromPoint']],
      [Range.prototype, ['setStart', 'setEnd', 'getBoundingClientRect', 'getClientRects', 'comparePoint']],
      [Array.prototype, ['push', 'map', 'filter', 'includes', 'sort', 'at', 'find', 'slice', 'indexOf', 'forEach', Symbol.iterator]],
      [Map.prototype, ['get', 'set', 'has']],
      [Set.prototype, ['add', 'has']],
      [String.prototype, ['replace', 'slice', 'toLowerCase', 'normalize']],
      [RegExp.prototype, ['exec', 'test']],
      [Promise.prototype, ['then']],
      [Function.prototype, ['bind', 'call', 'apply']],
      [JSON, ['parse', 'stringify']],
      [window, ['MutationObserver', 'Highlight', 'requestAnimationFrame', 'setTimeout', 'clearTimeout', 'fetch', 'CSSStyleSheet']],
      [performance, ['now', 'measure', 'mark']],
    ];
    // Indexed loops: the page's own iteration must not walk into the traps it is setting.
    for (let i = 0; i < traps.length; i++) for (let j = 0; j < traps[i][1].length; j++) trap(traps[i][0], traps[i][1][j]);
    if (globalThis.scheduler) trap(scheduler, 'yield');
    trap(CSS.highlights, 'set');
    const names = ['then', 'termId', 'range', 'nodes', 'start', 'end', 'text', 'settings', 'mode', 'data', 'type'];
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      Object.defineProperty(Object.prototype, name, {
        configurable: true,
        get() { report('hostile getter read: ' + name); throw new Error('hostile getter ' + name); },
        set() { report('hostile setter written: ' + name); },
      });
    }
    Object.prototype.polluted = 'page';
    Array.prototype.polluted = 'page';
    Object.freeze(Object.prototype);
  })();
</script>`;

const REWRITTEN =
  '<!doctype html><html lang="en"><head><title>Rewritten</title></head><body><p id="after">Psychotherapy and depression, written after load.</p></body></html>';

const ROUTES = {
  '/overlay.html': html(
    `${ARTICLE}<div id="veil" style="position:fixed;inset:0;z-index:2147483647;background:rgb(0 0 0 / 30%);pointer-events:none"></div>` +
      '<div id="wall" hidden style="position:fixed;inset:0;z-index:2147483647;background:rgb(255 255 255 / 10%)"></div>',
  ),
  '/body-sweeper.html': html(ARTICLE, { head: BODY_SWEEPER }),
  '/root-sweeper.html': html(ARTICLE, { head: ROOT_SWEEPER }),
  '/polluted.html': html(ARTICLE, { head: POLLUTER }),
  '/rewrite.html': html(
    `${ARTICLE}<script>window.rewrite = () => { document.open(); document.write(${JSON.stringify(REWRITTEN)}); document.close(); };</script>`,
  ),
  '/closed-shadow.html': html(
    '<p>Serotonin in the light.</p><div id="host"></div><script>const root = document.getElementById("host").attachShadow({ mode: "closed" }); root.innerHTML = "<p>ketamine and anxiety behind a closed root</p>"; window.closedMarkup = () => root.innerHTML;</script>',
  ),
};
for (const [index, head] of Object.values(CSS_ATTACKS).entries())
  ROUTES[`/css-${index}.html`] = html(ARTICLE, { head });

// These pages mention a term or two; 'everywhere' so the engine is tested, not the relevance rule.
// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({
  routes: ROUTES,
  launch: { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } },
});

/** Opens `path` in a new tab, waits for the first scan and returns the tab and its markup then. */
async function open(path) {
  const page = await env.session.openTab(env.server.url(path));
  const markup = await ownMarkup(page);
  await waitForScan(page);
  return { page, markup };
}

test('CSS aimed at custom elements, popovers and ::highlight cannot hide the card or the terms', async () => {
  for (const [index, attack] of Object.keys(CSS_ATTACKS).entries()) {
    const { page, markup } = await open(`css-${index}.html`);
    await waitForHighlights(page, { exact: ARTICLE_TERMS.length });
    assert.deepEqual(await highlightTexts(page), ARTICLE_TERMS, attack);
    await openCardOn(page, 'glutamate');
    assert.equal(await cardTitle(page), 'Glutamate', attack);
    assert.ok(await page.isVisible(CARD), `${attack}: the card is visible`);
    assert.ok(await cardOnTop(page), `${attack}: the card is drawn on top, where the reader can see it`);
    assert.equal(await ownMarkup(page), markup, `${attack}: the page's DOM is as it was`);
    assert.deepEqual(page.errors, [], attack);
    await page.close();
  }
});

test('a full-screen overlay: a see-through one lets cards open above it, a blocking one is respected', async () => {
  const { page, markup } = await open('overlay.html');
  await waitForHighlights(page, { exact: ARTICLE_TERMS.length });
  // The veil ignores the pointer, so the reader can reach the text through it.
  await openCardOn(page, 'SSRIs');
  assert.ok(await cardOnTop(page), 'the card is drawn above an overlay with the highest z-index');
  await page.press('Escape');
  await page.waitFor(CARD, { state: 'hidden', timeout: 30_000 });

  // A wall that takes the pointer: the text under it is out of reach, for a card as for a click.
  await page.evaluate(() => {
    document.getElementById('wall').hidden = false;
  });
  await restOn(page, await rangeRect(page.evaluate.bind(page), 'Ketamine'));
  await sleep(1000);
  assert.equal(await page.isVisible(CARD), false, 'no card for a term the page has covered');
  assert.equal(await highlightCount(page), ARTICLE_TERMS.length, 'the terms stay highlighted under the wall');
  await page.evaluate(() => {
    document.getElementById('wall').hidden = true;
  });
  // Toggling the wall reordered its attributes: the page's own doing, so the page's markup is read again.
  const unveiled = await ownMarkup(page);
  await openCardOn(page, 'Ketamine');
  assert.equal(await cardTitle(page), 'Ketamine');
  assert.equal(await ownMarkup(page), unveiled);
  assert.notEqual(unveiled, markup);
  assertNoErrors(page);
  await page.close();
});

test('a page that sweeps unknown elements out of <body> on every mutation: the card host is never in its way', async () => {
  const { page } = await open('body-sweeper.html');
  await waitForHighlights(page, { exact: ARTICLE_TERMS.length });
  for (const term of ['Ketamine', 'glutamate', 'Anxiety']) {
    await openCardOn(page, term);
    assert.equal(
      await cardTitle(page),
      term.replace(/^./u, (first) => first.toUpperCase()),
    );
    await page.press('Escape');
    await page.waitFor(CARD, { state: 'hidden', timeout: 30_000 });
  }
  assert.equal(
    await page.evaluate((host) => document.querySelector(host)?.parentNode === document.documentElement, HOST),
    true,
    'the host sits beside <body>, outside what the page sweeps',
  );
  // No ping-pong: once the reader stops, neither side has anything left to react to.
  const settled = await poll(
    async () => {
      const first = await page.evaluate(() => window.sweeps);
      await sleep(500);
      return first === (await page.evaluate(() => window.sweeps)) ? first : null;
    },
    { message: 'the page and the extension to stop reacting to each other' },
  );
  assert.ok(settled < 100, `${settled} sweeps for three cards`);
  assertNoErrors(page);
  await page.close();
});

test('a page that removes the card host whenever it appears: no loop, no error, the host comes back when needed', async () => {
  const { page, markup } = await open('root-sweeper.html');
  await waitForHighlights(page, { exact: ARTICLE_TERMS.length });
  await restOn(page, await rangeRect(page.evaluate.bind(page), 'SSRIs'));
  await sleep(1000);
  await page.mouse.move(2, 2);
  const sweeps = await page.evaluate(() => window.sweeps);
  await sleep(1000);
  assert.equal(await page.evaluate(() => window.sweeps), sweeps, 'the extension does not fight back in a loop');
  assert.ok(sweeps < 20, `${sweeps} sweeps`);
  assert.equal(await page.evaluate((host) => document.querySelector(host), HOST), null);
  assert.equal(await highlightCount(page), ARTICLE_TERMS.length);

  // Once the page lets it be, the next card needs its host again and puts it back.
  await page.evaluate(() => window.stopSweeping());
  await openCardOn(page, 'SSRIs');
  assert.equal(await cardTitle(page), 'SSRI');
  assert.ok(await cardOnTop(page));
  assert.equal(await ownMarkup(page), markup);
  assertNoErrors(page);
  await page.close();
});

test('built-ins replaced in the page world never reach the content script, which runs in its own world', async () => {
  const page = await env.session.openTab(env.server.url('polluted.html'));
  // Evaluating in the page's world would itself trip over the traps, so every probe runs in a world of its own.
  const probe = (fn, arg) => page.evaluateIsolated(fn, arg);
  const cardShown = () =>
    probe((host) => {
      const card = document.querySelector(host)?.shadowRoot?.querySelector('.term-card');
      return card !== null && card !== undefined && card.getClientRects().length > 0;
    }, HOST);
  const markup = await probe(() => new XMLSerializer().serializeToString(document.documentElement));
  await poll(() => probe(() => performance.getEntriesByName('mhx:scan', 'measure').length > 0), {
    message: 'the scan of the polluted page',
  });
  // forEach rather than spreading: Firefox's Xray wrappers, which the probe sees the page through, cannot iterate.
  const registered = () => {
    const texts = [];
    CSS.highlights.get('mhx-term').forEach((range) => {
      texts.push(String(range));
    });
    return texts.sort();
  };
  assert.deepEqual(await probe(registered), ARTICLE_TERMS);
  // The page's world really is polluted: the isolated world sees none of it.
  assert.deepEqual(await probe(() => [Object.hasOwn(Object.prototype, 'polluted'), typeof [].push]), [
    false,
    'function',
  ]);
  for (const term of ['glutamate', 'Anxiety']) {
    await restOn(page, await rangeRect(probe, term));
    await poll(cardShown, { timeout: 30_000, message: `the card of ${term}` });
    assert.equal(
      await probe(
        (host) => document.querySelector(host).shadowRoot.querySelector('.term-card .term').textContent.trim(),
        HOST,
      ),
      term.replace(/^./u, (first) => first.toUpperCase()),
    );
    await page.press('Escape');
    await poll(async () => !(await cardShown()), { timeout: 30_000, message: 'the card to close' });
  }
  assert.equal(
    await probe((host) => {
      const copy = document.documentElement.cloneNode(true);
      for (const element of copy.querySelectorAll(host)) element.remove();
      return new XMLSerializer().serializeToString(copy);
    }, HOST),
    markup,
  );
  assert.deepEqual(page.errors, [], 'no trap of the page was ever called');
  await page.close();
});

test('document.open() and write() after load: the new document is read, and cards open on it', async () => {
  const { page } = await open('rewrite.html');
  await waitForHighlights(page, { exact: ARTICLE_TERMS.length });
  // A card first, so the rewrite also takes away a host that was already in use.
  await openCardOn(page, 'SSRIs');
  await page.press('Escape');
  await page.mouse.move(2, 2);
  await page.evaluate(() => window.rewrite());
  await poll(async () => (await highlightTexts(page)).join('|') === 'Psychotherapy|depression', {
    message: 'only the written document to be highlighted',
  });
  await openCardOn(page, 'depression');
  assert.equal(await cardTitle(page), 'Depression');
  assert.ok(await cardOnTop(page));
  assert.equal(
    await page.evaluate(() => document.body.outerHTML),
    '<body><p id="after">Psychotherapy and depression, written after load.</p></body>',
  );
  assertNoErrors(page);
  await page.close();
});

test('a closed shadow root is not read, and nothing errors', async () => {
  const { page, markup } = await open('closed-shadow.html');
  const inside = await page.evaluate(() => window.closedMarkup());
  assert.deepEqual(await highlightTexts(page), ['Serotonin']);
  await openCardOn(page, 'Serotonin');
  assert.equal(await page.evaluate(() => window.closedMarkup()), inside, 'the closed tree is untouched');
  assert.equal(await ownMarkup(page), markup);
  assertNoErrors(page);
  await page.close();
});
