// Shared helpers for the end-to-end suite: a static server for the fixture pages, Chromium with the
// built extension, and polling helpers that wait on the page rather than on the clock.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The Chromium build under test; MHX_EXTENSION_DIR points elsewhere (e.g. a build made with MHX_OUT_DIR). */
export const EXTENSION_DIR = path.resolve(ROOT, process.env.MHX_EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/pages');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');
export const CHROMIUM = '/usr/bin/chromium';

export const HIGHLIGHT = 'mhx-term';
export const CARD = 'mhx-explainer .term-card';

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until it returns something other than undefined/null/false, and returns that.
 * Throws with `message` and the last value or error seen when `timeout` runs out.
 */
export async function poll(probe, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last !== undefined && last !== null && last !== false) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`Timed out after ${timeout} ms waiting for ${message} (${detail})`);
    }
    await sleep(interval);
  }
}

// ---------------------------------------------------------------------------------------------
// Static server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.txt': 'text/plain',
};

/**
 * Serves tests/fixtures/pages/ on 127.0.0.1 at a random port. `routes` adds pages served from
 * memory: { '/huge.html': '<!doctype html>…' }, or with response headers of their own:
 * { '/strict.html': { body: '<!doctype html>…', headers: { 'content-security-policy': "default-src 'none'" } } }.
 */
export async function startServer({ routes = {} } = {}) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (Object.hasOwn(routes, pathname)) {
      const route = routes[pathname];
      const { body, headers = {} } = typeof route === 'string' ? { body: route } : route;
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...headers }).end(body);
      return;
    }
    const file = path.join(FIXTURES_DIR, decodeURIComponent(pathname));
    if (!file.startsWith(FIXTURES_DIR + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    port,
    /** `host` may be 'localhost' to reach the same server as a different site. */
    url: (pagePath, host = '127.0.0.1') => `http://${host}:${port}/${pagePath.replace(/^\//u, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Browsers

function assertExtensionBuilt(extensionDir = EXTENSION_DIR) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built: ${path.relative(ROOT, extensionDir)}/manifest.json is missing. Run \`npx wxt build\` (or \`npm run build\`) first.`,
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
}

/**
 * Chromium with the built extension, in a persistent profile. Pass the `userDataDir` of an earlier
 * session (closed with `{ keepProfile: true }`) to relaunch the same profile. With `display` (see
 * `startVirtualDisplay`) the browser runs headed on that X display, where real key presses reach it.
 */
export async function launchExtension({
  userDataDir,
  extensionDir = EXTENSION_DIR,
  display,
  proxy,
  highlightMode,
  highlightDensity,
} = {}) {
  assertExtensionBuilt(extensionDir);
  const profile = userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'mhx-e2e-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: display === undefined,
    ...(display === undefined ? {} : { env: { ...process.env, DISPLAY: display.name } }),
    viewport: { width: 1280, height: 720 },
    // e.g. { server: 'http://127.0.0.1:8080' }: Playwright sends loopback through it too.
    ...(proxy === undefined ? {} : { proxy }),
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...COMMON_ARGS],
  });
  const worker = await serviceWorker(context);
  const extensionId = new URL(worker.url()).host;
  // A fresh profile gets the first-run page in a tab of its own: closed, so no test takes it for its own.
  if (userDataDir === undefined) {
    const welcome = await poll(
      () => context.pages().find((page) => page.url().startsWith(`chrome-extension://${extensionId}/welcome.html`)),
      { timeout: 10_000, message: 'the first-run page' },
    ).catch(() => null);
    await welcome?.close();
  }
  const session = {
    context,
    extensionId,
    userDataDir: profile,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    /** Runs `fn` in the extension's service worker (woken again if Chrome stopped it). */
    async inWorker(fn, arg) {
      return poll(async () => ({ value: await (await serviceWorker(context)).evaluate(fn, arg) }), {
        timeout: 10_000,
        message: 'the service worker to answer',
      }).then((result) => result.value);
    },
    async close({ keepProfile = false } = {}) {
      await context.close().catch(() => {});
      if (!keepProfile) await rm(profile, { recursive: true, force: true });
    },
  };
  if (highlightMode !== undefined) await setHighlightMode(session, highlightMode);
  if (highlightDensity !== undefined) await setHighlightDensity(session, highlightDensity);
  return session;
}

/**
 * Sets the global mode on the options page, as a user would ('everywhere', 'mental-health-pages',
 * 'chosen-sites'), and waits until a fresh options page shows it stored. Tests of the term engine
 * on pages with only a term or two use 'everywhere': the default mode rightly leaves such pages
 * unhighlighted, since they are not about mental health.
 */
export function setHighlightMode(session, mode) {
  return chooseOnOptions(session, 'mode', mode);
}

/**
 * Sets how many occurrences are highlighted ('every', 'first-in-section', 'first-on-page'). Tests
 * that count every occurrence say 'every': the default is the first in each section (decision 040).
 */
export function setHighlightDensity(session, density) {
  return chooseOnOptions(session, 'highlightDensity', density);
}

/** Checks the options page's radio `name` with `value`, as a user would, and waits until it is stored. */
async function chooseOnOptions(session, name, value) {
  const [page, check] = [await session.context.newPage(), await session.context.newPage()];
  const radio = (on) => on.locator(`input[name="${name}"][value="${value}"]`);
  try {
    await page.goto(session.extensionUrl('options.html'));
    await radio(page).check();
    // Read back in a second page, so the first is left alone to finish saving.
    await poll(
      async () => {
        await check.goto(session.extensionUrl('options.html'));
        return radio(check).isChecked();
      },
      { message: `the ${name} "${value}" to be stored` },
    );
  } finally {
    await Promise.all([page.close(), check.close()]);
  }
}

/**
 * A virtual X display (Xvfb) for a headed browser, and real key presses on it (xdotool). Browser
 * shortcuts such as extension commands never see keys sent through the DevTools protocol
 * (`page.keyboard`), only keys from the window system. null when Xvfb or xdotool is not installed.
 */
export async function startVirtualDisplay() {
  if (!existsSync('/usr/bin/Xvfb') || !existsSync('/usr/bin/xdotool')) return null;
  // -displayfd: Xvfb picks a free display number itself and writes it to fd 3 once it is ready.
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise((resolve, reject) => {
    let written = '';
    xvfb.stdio[3].on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) resolve(written.trim());
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  const name = `:${number}`;
  // The pointer starts in the middle of the screen, over the page: a term that comes to lie under it
  // (a scroll, a layout) can open a hover card of its own after the keyboard's card is closed. It
  // waits in the corner instead, over the browser's own window frame.
  await promisify(execFile)('/usr/bin/xdotool', ['mousemove', '0', '0'], { env: { ...process.env, DISPLAY: name } });
  return {
    name,
    /** Presses a key combination (xdotool's syntax: 'alt+shift+j') in the focused window. */
    press: (keys) =>
      promisify(execFile)('/usr/bin/xdotool', ['key', '--clearmodifiers', keys], {
        env: { ...process.env, DISPLAY: name },
      }),
    close: () => {
      xvfb.kill();
    },
  };
}

async function serviceWorker(context) {
  const running = context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://'));
  if (running) return running;
  return context.waitForEvent('serviceworker', {
    predicate: (worker) => worker.url().startsWith('chrome-extension://'),
    timeout: 15_000,
  });
}

/** Chromium without any extension: what the page looks like untouched. */
export async function launchPlain() {
  assertExtensionBuilt();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: COMMON_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  return {
    context,
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

/**
 * The set-up most test files share, registered as node:test `before`/`after` hooks: the fixture
 * server (`routes` as for `startServer`), then Chromium with the extension (`launch`: options for
 * `launchExtension`, or a function of the server that returns them, for set-up the launch depends
 * on), with `plain` also Chromium without it (`launchPlain`), and last `setUp(env)` for whatever else
 * the file needs first (in the same hook: Node 20 runs a file's `before` hooks at once, not in turn).
 * The returned object's `server`, `session` and `plain` are filled in by `before`; a test may replace
 * `session` (a relaunch), and `after` closes whatever is there then, browsers before the server, even
 * when the start failed half-way. Saves each file repeating the same set-up and tear-down.
 */
export function useServerAndExtension({ routes, launch = {}, plain = false, setUp } = {}) {
  const env = { server: undefined, session: undefined, plain: undefined };
  before(async () => {
    env.server = await startServer({ routes });
    const options = typeof launch === 'function' ? await launch(env.server) : launch;
    [env.session, env.plain] = await Promise.all([launchExtension(options), plain ? launchPlain() : undefined]);
    await setUp?.(env);
  });
  after(async () => {
    await Promise.all([env.session?.close(), env.plain?.close()]);
    await env.server?.close();
  });
  return env;
}

/**
 * Opens a new tab and returns it with its extension tab id. The extension has no "tabs" permission,
 * so the service worker cannot read tab URLs: the id is the one tab that did not exist before.
 */
export async function openTab(session, url, { viewport } = {}) {
  const ids = async () => (await session.inWorker(() => chrome.tabs.query({}))).map((tab) => tab.id);
  const before = new Set(await ids());
  const page = await session.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const tabId = await poll(
    async () => {
      const added = (await ids()).filter((id) => !before.has(id));
      return added.length === 1 ? added[0] : null;
    },
    { message: 'the new tab to show up in chrome.tabs' },
  );
  if (url) await page.goto(url);
  return { page, tabId };
}

/** The popup as a normal tab, about the tab `tabId`. */
export async function openPopup(session, tabId, { viewport = { width: 400, height: 600 } } = {}) {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(session.extensionUrl(`popup.html?tab=${tabId}`));
  return page;
}

/** Collects console errors and uncaught exceptions of `page` into the returned array. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Highlights

export function highlightCount(page) {
  return page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT);
}

/** Waits until the page has at least `min` highlighted terms (exactly `exact` if given). */
export async function waitForHighlights(page, { min = 1, exact, timeout = 15_000 } = {}) {
  return poll(
    async () => {
      const size = await highlightCount(page);
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
export async function waitForScan(page, { timeout = 15_000 } = {}) {
  return poll(() => page.evaluate(() => performance.getEntriesByName('mhx:scan', 'measure').length > 0), {
    timeout,
    message: 'the content script to finish scanning (mhx:scan measure)',
  });
}

/** Whether the content script has started on the page (it registers the highlight at start-up). */
export function contentScriptStarted(page) {
  return page.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT);
}

/**
 * Every highlighted range in document order: its text, the tag names of its ancestors, and its
 * client rect.
 */
export function highlightedRanges(page) {
  return page.evaluate((name) => {
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

/** The viewport rect of the `nth` highlighted range whose text is `text`, scrolled into view. */
export async function termRect(page, text, nth = 0) {
  await page.evaluate(
    ({ name, text, nth }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].filter((range) => range.toString() === text);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[nth];
      if (!range) throw new Error(`no highlighted "${text}" #${nth}`);
      const rect = range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > innerHeight) {
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      }
    },
    { name: HIGHLIGHT, text, nth },
  );
  return page.evaluate(
    ({ name, text, nth }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].filter((range) => range.toString() === text);
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const rect = ranges[nth].getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    { name: HIGHLIGHT, text, nth },
  );
}

/** Rests the pointer on the middle of a highlighted term and waits for its card. */
export async function openCardOn(page, text, nth = 0) {
  // Start from a blank spot so the move is a fresh arrival on the term.
  await page.mouse.move(2, 2);
  const rect = await termRect(page, text, nth);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
  const card = page.locator(CARD);
  await card.waitFor({ state: 'visible', timeout: 10_000 });
  await waitForCardPlaced(page);
  return { card, rect };
}

/**
 * The card is placed asynchronously (floating-ui sets a transform once it has measured); waits
 * until the transform is set and has stopped changing, and returns the card's viewport box.
 */
export async function waitForCardPlaced(page) {
  let previous = null;
  return poll(
    async () => {
      const placed = await page.evaluate(() => {
        const card = document.querySelector('mhx-explainer')?.shadowRoot?.querySelector('.term-card');
        if (!card?.style.transform) return null;
        const rect = card.getBoundingClientRect();
        return { transform: card.style.transform, x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      });
      const stable = placed !== null && previous !== null && placed.transform === previous.transform;
      previous = placed;
      return stable ? placed : null;
    },
    { message: 'the card to be positioned', interval: 60 },
  );
}

// ---------------------------------------------------------------------------------------------
// Content and fixtures

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

/**
 * A page of one ~2 MB paragraph (a single text node) with a known number of terms in it.
 */
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

export function screenshotPath(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}
