// One tab of a browser under test, the same for Chromium (Playwright) and Firefox (puppeteer-core).
// Suites drive a `BrowserTab` only; the two drivers differ underneath (key combinations, viewports,
// wheel, how an extension page is navigated to), never in what a suite sees.
//
// Elements are found with CSS selectors in which ` >>> ` steps into an element's open shadow root
// ('mhx-explainer >>> .term-card'), and are acted on with the real pointer and keyboard at their
// place on screen, so a click is a click a reader could make (it hits whatever is on top there).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { poll, ROOT, sleep } from './polling.mjs';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

/** Runs in the page: the elements a deep selector names ('a >>> b': b inside a's shadow root). */
function deepQueryAll(selector) {
  let scopes = [document];
  for (const part of selector.split('>>>').map((piece) => piece.trim())) {
    const found = [];
    for (const scope of scopes) {
      const root = scope === document ? document : scope.shadowRoot;
      if (root) found.push(...root.querySelectorAll(part));
    }
    scopes = found;
  }
  return scopes;
}

/**
 * Runs in the page: a description of each element `selector` names, filtered by `hasText` (a
 * substring, or a regular expression's source and flags), with the box of the first one.
 */
function describeMatches({ selector, hasText, scroll = false }, query) {
  const pattern = hasText && typeof hasText === 'object' ? new RegExp(hasText.source, hasText.flags) : null;
  const elements = query(selector).filter((element) => {
    if (hasText === undefined) return true;
    const text = element.textContent ?? '';
    return pattern ? pattern.test(text) : text.includes(hasText);
  });
  const visible = (element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  // The first visible one into view, where the pointer can reach it.
  if (scroll) elements.find(visible)?.scrollIntoView({ block: 'center', inline: 'center' });
  return elements.map((element) => {
    const rect = element.getBoundingClientRect();
    return {
      text: (element.textContent ?? '').trim(),
      visible: visible(element),
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  });
}

/**
 * Calls `fn(arg, deepQueryAll)` in the page. Sent as one expression: a page's or an extension
 * page's CSP forbids building functions from strings in the page, but not what the automation
 * protocol evaluates.
 */
function withDeepQuery(driver, fn, arg) {
  return driver.evaluate(`(${fn})(${JSON.stringify(arg ?? null)}, ${deepQueryAll})`);
}

/** What a suite gives as `hasText`: a string, or a RegExp (sent to the page as source and flags). */
const textFilter = (hasText) =>
  hasText instanceof RegExp ? { source: hasText.source, flags: hasText.flags } : (hasText ?? undefined);

/**
 * A document under test: a tab's top page or one of its frames. Everything here runs through the
 * driver's `evaluate`, so it works the same in a frame (see `BrowserTab.frames`) as in a tab.
 */
export class PageDocument {
  constructor(driver) {
    this.driver = driver;
  }

  url() {
    return this.driver.url();
  }

  /** Runs `fn(arg)` in the document's main world and returns its (serialisable) result. */
  evaluate(fn, arg) {
    return this.driver.evaluate(fn, arg);
  }

  /** Every element `selector` names (`hasText` narrows them), described: text, visible, box. */
  describe(selector, { hasText } = {}) {
    return withDeepQuery(this.driver, describeMatches, { selector, hasText: textFilter(hasText) });
  }

  async count(selector, options) {
    return (await this.describe(selector, options)).length;
  }

  /** The trimmed text of the first element `selector` names; null when there is none. */
  async text(selector, options) {
    return (await this.describe(selector, options))[0]?.text ?? null;
  }

  async texts(selector, options) {
    return (await this.describe(selector, options)).map((element) => element.text);
  }

  /** Whether the first element `selector` names is shown (false when there is none). */
  async isVisible(selector, options) {
    return (await this.describe(selector, options))[0]?.visible ?? false;
  }

  /** The viewport box of the first element `selector` names; null when there is none. */
  async box(selector, options) {
    return (await this.describe(selector, options))[0]?.box ?? null;
  }

  /**
   * Waits until `selector` names an element in `state`: 'visible' (the default), 'attached',
   * 'hidden' (none visible) or 'detached' (none at all). Returns the first visible one's description.
   */
  waitFor(selector, { state = 'visible', hasText, timeout = 10_000 } = {}) {
    const text = hasText === undefined ? '' : ` with text ${hasText}`;
    return poll(
      async () => {
        const matches = await this.describe(selector, { hasText });
        if (state === 'attached') return matches.length > 0;
        if (state === 'detached') return matches.length === 0;
        if (state === 'hidden') return matches.every((element) => !element.visible);
        return matches.find((element) => element.visible) ?? null;
      },
      { timeout, message: `${selector}${text} to be ${state}` },
    );
  }

  /** Runs `fn(element, arg)` on the first element `selector` names, in the page; throws when there is none. */
  async onElement(selector, fn, arg) {
    return this.driver.evaluate(
      `((selector, fn, arg, query) => {
        const element = query(selector)[0];
        if (!element) throw new Error('no element matches ' + selector);
        return fn(element, arg);
      })(${JSON.stringify(selector)}, ${fn}, ${JSON.stringify(arg ?? null)}, ${deepQueryAll})`,
    );
  }

  attribute(selector, name) {
    return this.onElement(selector, (element, name) => element.getAttribute(name), name);
  }

  /** A property of the first element `selector` names ('checked', 'value', 'disabled', …). */
  property(selector, name) {
    return this.onElement(selector, (element, name) => element[name], name);
  }

  isChecked(selector) {
    return this.property(selector, 'checked');
  }
}

/**
 * A tab under test. `driver` adapts the browser's automation library (see chromium-session.mjs and
 * firefox-session.mjs); `tabId` is the extension API's id of the tab.
 */
export class BrowserTab extends PageDocument {
  constructor({ browserName, page, tabId, driver }) {
    super(driver);
    this.browserName = browserName;
    /** The automation library's own page object, for what only one browser can do (see known-differences.mjs). */
    this.page = page;
    this.tabId = tabId;
    this.mouse = driver.mouse;
    /** Console errors and uncaught exceptions seen in this tab since it opened. */
    this.errors = [];
    driver.onError((message) => this.errors.push(message));
  }

  /**
   * Runs `fn(arg)` in a world of the test's own in the tab's top document: the same DOM and
   * highlights, with the built-ins untouched by whatever the page replaced in its own world.
   */
  evaluateIsolated(fn, arg) {
    return this.driver.evaluateIsolated(fn, arg);
  }

  /** Loads `url`; `waitUntil` ('load', the default, or 'domcontentloaded') and `timeout` as both libraries take them. */
  goto(url, options) {
    return this.driver.goto(url, options);
  }

  reload() {
    return this.driver.reload();
  }

  close() {
    return this.driver.close();
  }

  bringToFront() {
    return this.driver.bringToFront();
  }

  setViewport(size) {
    return this.driver.setViewport(size);
  }

  viewport() {
    return this.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  }

  /** Waits until the tab's address is `expected` (a string, or a RegExp it matches). */
  waitForUrl(expected, { timeout = 10_000 } = {}) {
    const matches = (url) => (expected instanceof RegExp ? expected.test(url) : url === expected);
    return poll(() => matches(this.url()), { timeout, message: `the tab to be at ${expected}` });
  }

  /** The tab's frames (the top one first), as documents. */
  frames() {
    return this.driver.frames().map((frame) => new PageDocument(frame));
  }

  /**
   * Where the document of the `<iframe>` or `<frame>` that `selector` names starts in the tab's
   * viewport (the corner of the element's content box): add it to a box the frame measures.
   */
  frameOrigin(selector) {
    return this.onElement(selector, (element) => {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return {
        x: rect.x + element.clientLeft + Number.parseFloat(style.paddingLeft),
        y: rect.y + element.clientTop + Number.parseFloat(style.paddingTop),
      };
    });
  }

  /** Waits for the frame whose address ends with `suffix` ('/inner.html') and returns it. */
  frame(suffix) {
    return poll(() => this.frames().find((frame) => frame.url().endsWith(suffix)) ?? null, {
      message: `the frame ${suffix}`,
    });
  }

  /** Presses a key or a combination ('Escape', 'Shift+Tab', 'Alt+Shift+J'). */
  async press(keys) {
    const parts = keys.split('+');
    const key = parts.pop();
    for (const modifier of parts) await this.driver.keyboard.down(modifier);
    try {
      await this.driver.keyboard.press(key);
    } finally {
      for (const modifier of parts.reverse()) await this.driver.keyboard.up(modifier);
    }
  }

  /** Types text into whatever has focus, key by key (`delay` ms between keys). */
  type(text, { delay } = {}) {
    return this.driver.keyboard.type(text, delay === undefined ? undefined : { delay });
  }

  keyDown(key) {
    return this.driver.keyboard.down(key);
  }

  keyUp(key) {
    return this.driver.keyboard.up(key);
  }

  /** Scrolls by a wheel turn at the pointer. */
  wheel(deltaX, deltaY) {
    return this.driver.wheel(deltaX, deltaY);
  }

  /** Taps with a finger (the session must have been launched with `touch: true`). */
  tap(x, y) {
    return this.driver.tap(x, y);
  }

  // -------------------------------------------------------------------------------------------
  // Acting on elements, with the real pointer and keyboard

  /** Scrolls the element into view (if it is not) and returns its box's middle. */
  async middleOf(selector, { hasText } = {}) {
    let { box } = await this.waitFor(selector, { hasText });
    // Stable first, as Playwright's actionability checks ask: the same box twice in a row, so a late
    // render that moves the element (a popup's header filling in) cannot turn the click into one on
    // whatever moved into its place.
    for (let look = 0; look < 40; look++) {
      await sleep(STABLE_INTERVAL_MS);
      const { box: now } = await this.waitFor(selector, { hasText });
      if (now.x === box.x && now.y === box.y && now.width === box.width && now.height === box.height) break;
      box = now;
    }
    const viewport = await this.viewport();
    if (box.y < 0 || box.y + box.height > viewport.height || box.x < 0 || box.x + box.width > viewport.width) {
      const filter = { selector, hasText: textFilter(hasText), scroll: true };
      box = (await withDeepQuery(this.driver, describeMatches, filter)).find((element) => element.visible).box;
    }
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Clicks the middle of the first visible element `selector` names, with the real pointer. */
  async click(selector, { hasText } = {}) {
    const { x, y } = await this.middleOf(selector, { hasText });
    await this.mouse.click(x, y);
  }

  /** Rests the pointer on the middle of the element. */
  async hover(selector, { hasText } = {}) {
    const { x, y } = await this.middleOf(selector, { hasText });
    await this.mouse.move(x, y, { steps: 4 });
  }

  /** Moves focus to the element, as a script would. */
  focus(selector) {
    return this.onElement(selector, (element) => element.focus());
  }

  /** Clicks a checkbox or switch until it is `checked` (waiting for it first: pages render after loading). */
  async setChecked(selector, checked) {
    await this.waitFor(selector, { state: 'attached' });
    if ((await this.isChecked(selector)) !== checked) await this.click(selector);
    await poll(async () => (await this.isChecked(selector)) === checked, {
      timeout: 5_000,
      message: `${selector} to be ${checked ? 'checked' : 'unchecked'}`,
    });
  }

  check(selector) {
    return this.setChecked(selector, true);
  }

  uncheck(selector) {
    return this.setChecked(selector, false);
  }

  /** Replaces a text field's value by typing, as a reader would (select all, then type). */
  async fill(selector, text) {
    await this.click(selector);
    await this.onElement(selector, (element) => element.select?.());
    if (text === '') await this.driver.keyboard.press('Backspace');
    else await this.type(text);
  }

  /** Chooses the `<option>` with `value` in a `<select>`, firing the events a reader's choice fires. */
  selectOption(selector, value) {
    return this.onElement(
      selector,
      (element, value) => {
        element.value = value;
        element.dispatchEvent(new Event('input', { bubbles: true }));
        element.dispatchEvent(new Event('change', { bubbles: true }));
      },
      value,
    );
  }

  /**
   * Gives a file input a file: a path, or `{ name, buffer }` for a file made in the test (written
   * to a temporary folder under that name, which is the name the page sees).
   */
  setInputFile(selector, file) {
    if (typeof file === 'string') return this.driver.setInputFile(selector, file);
    const filePath = path.join(mkdtempSync(path.join(tmpdir(), 'mhx-upload-')), file.name);
    writeFileSync(filePath, file.buffer);
    return this.driver.setInputFile(selector, filePath);
  }

  /**
   * Runs `action` (e.g. a click on an export button) and returns the file it makes the page save:
   * { fileName, bytes (a Buffer), text }.
   */
  captureDownload(action) {
    return this.driver.captureDownload(action);
  }

  /** The focused element, inside shadow roots too: its local name, id, text, class, and the shadow host's name if any. */
  focused() {
    return this.evaluate(() => {
      let active = document.activeElement;
      let host = null;
      while (active?.shadowRoot?.activeElement) {
        host = active;
        active = active.shadowRoot.activeElement;
      }
      if (!active) return null;
      return {
        localName: active.localName,
        id: active.id,
        text: (active.textContent ?? '').trim(),
        className: typeof active.className === 'string' ? active.className : '',
        host: host?.localName ?? null,
      };
    });
  }

  /**
   * Saves a screenshot as test-results/screenshots/<name>.png, prefixed with the browser's name in
   * Firefox ('firefox-popup.png'), and returns its path. `clip` ({ x, y, width, height }) takes a
   * part of the viewport.
   */
  async screenshot(name, { fullPage = false, clip } = {}) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, this.browserName === 'chromium' ? name : `${this.browserName}-${name}`);
    await this.driver.screenshot({ path: file, ...(fullPage ? { fullPage } : {}), ...(clip ? { clip } : {}) });
    return file;
  }

  /**
   * Switches what the page's media queries see: `colorScheme` ('light' or 'dark') and
   * `reducedMotion` ('reduce' or 'no-preference'); either may be left out.
   */
  emulateMedia({ colorScheme, reducedMotion } = {}) {
    return this.driver.emulateMedia({ colorScheme, reducedMotion });
  }
}

/**
 * The extension tab id of a tab just opened: the extension has no "tabs" permission, so the id is
 * the one that `tabIds()` (the ids the extension sees) lists and `before` (a Set) did not.
 */
export function newTabId(tabIds, before) {
  return poll(
    async () => {
      const added = (await tabIds()).filter((id) => !before.has(id));
      return added.length === 1 ? added[0] : null;
    },
    { message: 'the new tab to show up in the extension’s tabs' },
  );
}

/** How long an element's box must stay put before the pointer goes to it. */
const STABLE_INTERVAL_MS = 50;

/** The popup's size in the browser's toolbar, for a popup opened as a tab. */
const POPUP_VIEWPORT = { width: 400, height: 600 };

/** Adds what both sessions open alike on top of their `openTab` and `extensionUrl`, and returns the session. */
export function withExtensionPages(session) {
  /** An extension page ('options.html', 'reader.html#part-1') in a new tab (no tab id: none is needed). */
  session.openExtensionPage = (pagePath, options) =>
    session.openTab(session.extensionUrl(pagePath), { identify: false, ...options });
  /** The popup as a normal tab, about the tab `tabId`. */
  session.openPopup = (tabId, { viewport = POPUP_VIEWPORT, ...options } = {}) =>
    session.openExtensionPage(`popup.html?tab=${tabId}`, { viewport, ...options });
  return session;
}
