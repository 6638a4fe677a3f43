// What the suites ask of a page under test, the same in every browser: its highlights, its card,
// and the assertions several suites share. Each helper takes a BrowserTab (or a frame: anything
// with `evaluate`; the card helpers also use the tab's pointer).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { poll, ROOT } from './polling.mjs';

/** The name of the extension's highlight in CSS.highlights. */
export const HIGHLIGHT = 'mhx-term';
/** The card's host element and the card inside its shadow root, as a deep selector. */
export const CARD_HOST = 'mhx-explainer';
export const CARD = 'mhx-explainer >>> .term-card';

// ---------------------------------------------------------------------------------------------
// Highlights

/** The number of terms in tests/fixtures/pages/article.html (listed in highlights.test.mjs). */
export const ARTICLE_TERM_COUNT = 20;

export function highlightCount(tab) {
  return tab.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT);
}

/** The highlighted texts in document order. */
export function highlightedTexts(tab) {
  return tab.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => range.toString());
  }, HIGHLIGHT);
}

/**
 * The highlighted texts as registered, sorted when `sorted`. Ranges in a shadow tree cannot be
 * ordered against the light DOM's, so pages with shadow roots are read this way.
 */
export function registeredTexts(tab, { sorted = false } = {}) {
  return tab
    .evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map(String), HIGHLIGHT)
    .then((texts) => (sorted ? texts.sort() : texts));
}

/** Every highlighted range in document order: its text, its ancestors' local names, whether it is editable, its rect. */
export function highlightedRanges(tab) {
  return tab.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => {
      const ancestors = [];
      for (let node = range.commonAncestorContainer; node; node = node.parentNode) {
        if (node.nodeType === Node.ELEMENT_NODE) ancestors.push(node);
      }
      const rect = range.getBoundingClientRect();
      return {
        text: range.toString(),
        ancestors: ancestors.map((element) => element.localName),
        editable: ancestors.some((element) => element.isContentEditable),
        rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    });
  }, HIGHLIGHT);
}

/** Waits until the page has at least `min` highlighted terms (exactly `exact` if given) and returns the count. */
export function waitForHighlights(tab, { min = 1, exact, timeout = 15_000 } = {}) {
  return poll(
    async () => {
      const size = await highlightCount(tab);
      if (exact !== undefined) return size === exact ? size : null;
      return size >= min ? size : null;
    },
    { timeout, message: exact !== undefined ? `exactly ${exact} highlights` : `at least ${min} highlights` },
  );
}

/**
 * Waits until the content script has finished a scan of the page: it records a `mhx:scan` User
 * Timing measure at the end of each pass. Lets a test tell "nothing to highlight" from "not yet".
 */
export function waitForScan(tab, { timeout = 15_000 } = {}) {
  return poll(() => tab.evaluate(() => performance.getEntriesByName('mhx:scan', 'measure').length > 0), {
    timeout,
    message: 'the content script to finish scanning (mhx:scan measure)',
  });
}

/** Whether the content script has started on the page (it registers the highlight at start-up). */
export function contentScriptStarted(tab) {
  return tab.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT);
}

/** The viewport rect of the `nth` highlighted range whose text is `text`, scrolled into view first. */
export async function termRect(tab, text, nth = 0) {
  const rect = await tab.evaluate(
    ({ name, text, nth }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].filter((range) => range.toString() === text);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[nth];
      if (!range) return null;
      const before = range.getBoundingClientRect();
      if (before.top < 0 || before.bottom > innerHeight) {
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      }
      const box = range.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    },
    { name: HIGHLIGHT, text, nth },
  );
  if (!rect) throw new Error(`no highlighted "${text}" #${nth}`);
  return rect;
}

/**
 * Marks the tab's document, so that `sameDocument` can tell later that a change came without a
 * reload (the mark lives only as long as the document does).
 */
export function markDocument(tab) {
  return tab.evaluate(() => {
    window.sameDocument = true;
  });
}

export function sameDocument(tab) {
  return tab.evaluate(() => window.sameDocument === true);
}

// ---------------------------------------------------------------------------------------------
// The card

/** The open card, as text and box; null while no card is shown. */
export function cardText(tab) {
  return tab.evaluate((host) => {
    const card = document.querySelector(host)?.shadowRoot?.querySelector('.term-card');
    if (!card || card.getClientRects().length === 0) return null;
    const text = (selector) => card.querySelector(selector)?.textContent?.trim() ?? null;
    const rect = card.getBoundingClientRect();
    return {
      title: text('.term'),
      summary: text('.summary'),
      source: text('.source'),
      note: text('.medical-note'),
      readMore: text('button.read-more'),
      related: [...card.querySelectorAll('.related-term')].map((button) => button.textContent.trim()),
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  }, CARD_HOST);
}

/** The open card's title; null while no card is shown. */
export async function cardTitle(tab) {
  return (await cardText(tab))?.title ?? null;
}

/**
 * The card is placed asynchronously (Floating UI sets a transform once it has measured, and it may
 * fade in): waits until the transform is set and has stopped changing and no animation runs, and
 * returns the card's viewport box.
 */
export function waitForCardPlaced(tab) {
  let previous = null;
  return poll(
    async () => {
      const placed = await tab.evaluate((host) => {
        const card = document.querySelector(host)?.shadowRoot?.querySelector('.term-card');
        if (!card?.style.transform) return null;
        if (!card.getAnimations().every((animation) => animation.playState === 'finished')) return null;
        const rect = card.getBoundingClientRect();
        return { transform: card.style.transform, x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }, CARD_HOST);
      const stable = placed !== null && previous !== null && placed.transform === previous.transform;
      previous = placed;
      return stable ? placed : null;
    },
    { message: 'the card to be positioned', interval: 60 },
  );
}

/**
 * Rests the pointer on the middle of the `nth` highlighted `text` (after a fresh arrival from a
 * blank corner) and waits for its card to be placed. Returns the card (as `cardText` reads it) and
 * the term's rect.
 */
export async function openCardOn(tab, text, nth = 0) {
  await tab.mouse.move(2, 2);
  const rect = await termRect(tab, text, nth);
  await tab.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
  await poll(() => cardText(tab), { message: `the card for "${text}"` });
  await waitForCardPlaced(tab);
  return { card: await cardText(tab), rect };
}

/** Waits until no card is shown. */
export function waitForCardClosed(tab, { timeout = 10_000 } = {}) {
  return poll(async () => (await cardText(tab)) === null, { timeout, message: 'the card to close' });
}

// ---------------------------------------------------------------------------------------------
// Shared assertions

/** No console error and no uncaught exception in `tab` (or in each of `tabs`) since it opened. */
export function assertNoErrors(...tabs) {
  for (const tab of tabs) assert.deepEqual(tab.errors, [], `errors in ${tab.url()}`);
}

/** The box lies inside the viewport (within `slack` px, for sub-pixel snapping). */
export function assertInViewport(box, viewport, what = 'the card', slack = 0) {
  assert.ok(box.x >= -slack && box.y >= -slack, `${what} starts in the viewport: ${JSON.stringify(box)}`);
  assert.ok(
    box.x + box.width <= viewport.width + slack && box.y + box.height <= viewport.height + slack,
    `${what} ends in the viewport ${JSON.stringify(viewport)}: ${JSON.stringify(box)}`,
  );
}

/** The card's box does not cover the term's rect. */
export function assertNotOver(box, rect, what = 'the card') {
  const overlaps =
    box.x < rect.x + rect.width &&
    rect.x < box.x + box.width &&
    box.y < rect.y + rect.height &&
    rect.y < box.y + box.height;
  assert.ok(!overlaps, `${what} ${JSON.stringify(box)} covers the term ${JSON.stringify(rect)}`);
}

// ---------------------------------------------------------------------------------------------
// Content and fixtures

/** A whole HTML page around `body`, for pages served from memory (startServer's `routes`). */
export const htmlPage = (body, { head = '', title = 'Test page' } = {}) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}<title>${title}</title></head><body>${body}</body></html>`;

/**
 * The glossary as the extension bundles it, read from content/glossary.ts. The file is a plain
 * array literal behind a type annotation, so the literal is evaluated as JavaScript.
 */
export function loadGlossary() {
  const source = readFileSync(path.join(ROOT, 'content/glossary.ts'), 'utf8');
  const start = source.indexOf('= [', source.indexOf('export const glossary'));
  const end = source.lastIndexOf('];');
  if (start < 0 || end < start) throw new Error('content/glossary.ts: cannot find the glossary array');
  return new Function(`return ${source.slice(start + 2, end + 1)};`)();
}

/** A page of one ~2 MB paragraph (a single text node) with a known number of terms in it. */
export function hugePage({ bytes = 2 * 1024 * 1024, termEvery = 100 } = {}) {
  const filler = 'The quick brown fox jumps over the lazy dog beside the quiet river bank. ';
  const terms = ['ketamine', 'SSRIs', 'serotonin', 'depression', 'anxiety', 'glutamate'];
  const parts = [];
  let length = 0;
  let expected = 0;
  for (let sentence = 0; length < bytes; sentence++) {
    let text = filler;
    if (sentence % termEvery === 0) {
      text = `Readers keep asking about ${terms[expected % terms.length]} here. `;
      expected++;
    }
    parts.push(text);
    length += text.length;
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Huge</title></head><body><p>${parts.join('')}</p></body></html>`;
  return { html, expected };
}
