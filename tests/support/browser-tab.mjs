// One tab of a browser under test, the same for Chromium (Playwright) and Firefox (puppeteer-core).
// Suites drive a `BrowserTab` only; the two drivers differ underneath (key combinations, viewports,
// wheel, how an extension page is navigated to), never in what a suite sees.
//
// Elements are found with CSS selectors in which ` >>> ` steps into an element's open shadow root
// ('mhx-explainer >>> .term-card'), and are acted on with the real pointer and keyboard at their
// place on screen, so a click is a click a reader could make (it hits whatever is on top there).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { poll, ROOT } from './polling.mjs';

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
function describeMatches({ selector, hasText }, query) {
  const pattern = hasText && typeof hasText === 'object' ? new RegExp(hasText.source, hasText.flags) : null;
  const elements = query(selector).filter((element) => {
    if (hasText === undefined) return true;
    const text = element.textContent ?? '';
    return pattern ? pattern.test(text) : text.includes(hasText);
  });
  return elements.map((element) => {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      text: (element.textContent ?? '').trim(),
      visible: rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden',
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
 * A tab under test. `driver` adapts the browser's automation library (see chromium-session.mjs and
 * firefox-session.mjs); `tabId` is the extension API's id of the tab.
 */
export class BrowserTab {
  constructor({ browserName, page, tabId, driver }) {
    this.browserName = browserName;
    /** The automation library's own page object, for what only one browser can do (see known-differences.mjs). */
    this.page = page;
    this.tabId = tabId;
    this.driver = driver;
    this.mouse = driver.mouse;
    /** Console errors and uncaught exceptions seen in this tab since it opened. */
    this.errors = [];
    driver.onError((message) => this.errors.push(message));
  }

  url() {
    return this.driver.url();
  }

  /** Runs `fn(arg)` in the page's main world and returns its (serialisable) result. */
  evaluate(fn, arg) {
    return this.driver.evaluate(fn, arg);
  }

  goto(url) {
    return this.driver.goto(url);
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

  /** The tab's frames (the top one first), each with `url()` and `evaluate(fn, arg)`. */
  frames() {
    return this.driver.frames();
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

  /** Types text into whatever has focus, key by key. */
  type(text) {
    return this.driver.keyboard.type(text);
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
  // Elements, by deep selector

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

  /**
   * Waits until `selector` names an element in `state`: 'visible' (the default), 'attached',
   * 'hidden' (none visible) or 'detached' (none at all).
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

  /** Scrolls the element into view (if it is not) and returns its box's middle. */
  async middleOf(selector, { hasText } = {}) {
    const element = await this.waitFor(selector, { hasText });
    let { box } = element;
    const viewport = await this.viewport();
    if (box.y < 0 || box.y + box.height > viewport.height || box.x < 0 || box.x + box.width > viewport.width) {
      // The first visible element with that text, as waitFor found it, not merely the first match.
      await withDeepQuery(
        this.driver,
        ({ selector, hasText }, query) => {
          const pattern = hasText && typeof hasText === 'object' ? new RegExp(hasText.source, hasText.flags) : null;
          const target = query(selector).find((element) => {
            const text = element.textContent ?? '';
            const matches = hasText == null || (pattern ? pattern.test(text) : text.includes(hasText));
            const rect = element.getBoundingClientRect();
            return matches && rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
          });
          target?.scrollIntoView({ block: 'center', inline: 'center' });
        },
        { selector, hasText: textFilter(hasText) },
      );
      box = (await this.waitFor(selector, { hasText })).box;
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
    await this.waitFor(selector);
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

  /** Gives a file input the file at `filePath`. */
  setInputFile(selector, filePath) {
    return this.driver.setInputFile(selector, filePath);
  }

  /**
   * Runs `action` (e.g. a click on an export button) and returns the file it makes the page save:
   * { fileName, text }.
   */
  captureDownload(action) {
    return this.driver.captureDownload(action);
  }

  /** The focused element, inside shadow roots too: its local name, text, and the shadow host's name if any. */
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
        text: (active.textContent ?? '').trim(),
        className: typeof active.className === 'string' ? active.className : '',
        host: host?.localName ?? null,
      };
    });
  }

  /**
   * Saves a screenshot as test-results/screenshots/<name>.png, prefixed with the browser's name in
   * Firefox ('firefox-popup.png'), and returns its path.
   */
  async screenshot(name, { fullPage = false } = {}) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, this.browserName === 'chromium' ? name : `${this.browserName}-${name}`);
    await this.driver.screenshot({ path: file, fullPage });
    return file;
  }

  /** Switches the page's `prefers-color-scheme` ('light' or 'dark'). */
  emulateColorScheme(scheme) {
    return this.driver.emulateColorScheme(scheme);
  }
}
