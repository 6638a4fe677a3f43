// Chromium with the built extension, driven by Playwright: the Chromium half of the sessions the
// suites get from e2e.mjs. Same session shape as firefox-session.mjs.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { BrowserTab, newTabId, withExtensionPages } from './browser-tab.mjs';
import { poll, ROOT } from './polling.mjs';

/** The Chromium build under test; MHX_EXTENSION_DIR points elsewhere (e.g. a build made with MHX_OUT_DIR). */
export const CHROMIUM_EXTENSION_DIR = path.resolve(ROOT, process.env.MHX_EXTENSION_DIR ?? '.output/chrome-mv3');
/** The Chromium to run; MHX_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.MHX_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every Chromium of the tests and the bench starts with: nothing of its own on the network. */
export const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

function assertReady(extensionDir) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built: ${path.relative(ROOT, extensionDir)}/manifest.json is missing. Run \`npm run build\` first.`,
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium).`);
}

/** Adapts a Playwright page (or frame) to what BrowserTab drives. */
export function playwrightDriver(page) {
  return {
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    goto: (url, options) => page.goto(url, options),
    reload: () => page.reload(),
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
    setViewport: (size) => page.setViewportSize(size),
    addInitScript: (fn) => page.addInitScript(fn),
    // A world of its own made through the DevTools protocol: the page's DOM and highlight registry,
    // with the built-ins as Chromium made them, whatever the page did to its own.
    async evaluateIsolated(fn, arg) {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
          frameId: frameTree.frame.id,
          worldName: 'mhx-test-probe',
        });
        const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
          expression: `(${fn})(${JSON.stringify(arg ?? null)})`,
          contextId: executionContextId,
          returnByValue: true,
          awaitPromise: true,
        });
        if (exceptionDetails) {
          throw new Error(`probe failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        }
        return result.value;
      } finally {
        await cdp.detach().catch(() => {});
      }
    },
    frames: () =>
      page.frames().map((frame) => ({ url: () => frame.url(), evaluate: (fn, arg) => frame.evaluate(fn, arg) })),
    mouse: page.mouse,
    keyboard: page.keyboard,
    wheel: (deltaX, deltaY) => page.mouse.wheel(deltaX, deltaY),
    tap: (x, y) => page.touchscreen.tap(x, y),
    setInputFile: (selector, file) => page.locator(selector).setInputFiles(file),
    async captureDownload(action) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), action()]);
      const bytes = await readFile(await download.path());
      return { fileName: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
    },
    screenshot: (options) => page.screenshot(options),
    emulateMedia: (media) =>
      page.emulateMedia(Object.fromEntries(Object.entries(media).filter(([, value]) => value !== undefined))),
    onError(report) {
      page.on('console', (message) => {
        if (message.type() === 'error') report(`console.error: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => report(`pageerror: ${error.message}`));
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

/**
 * Chromium with the built extension, in a persistent profile: pass the `userDataDir` of an earlier
 * session (closed with `{ keepProfile: true }`) to start the same profile again. `display` (see
 * `startVirtualDisplay`) runs it headed on that X display, where real key presses reach it; `touch`
 * gives pages a touch screen; `locale` the browser's UI language ('en-US').
 */
export async function launchChromium({
  userDataDir,
  extensionDir = CHROMIUM_EXTENSION_DIR,
  display,
  proxy,
  viewport = DEFAULT_VIEWPORT,
  touch = false,
  locale,
  colorScheme,
  extension = true,
} = {}) {
  assertReady(extensionDir);
  const profile = userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'mhx-chromium-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: display === undefined,
    ...(display === undefined ? {} : { env: { ...process.env, DISPLAY: display.name } }),
    viewport,
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
    ...(locale ? { locale } : {}),
    ...(colorScheme ? { colorScheme } : {}),
    // e.g. { server: 'http://127.0.0.1:8080' }: Playwright sends loopback through it too.
    ...(proxy === undefined ? {} : { proxy }),
    args: [
      ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...(locale ? [`--lang=${locale}`] : []),
      ...COMMON_ARGS,
    ],
  });
  const extensionId = extension ? new URL((await serviceWorker(context)).url()).host : null;
  const extensionUrl = (page) => `chrome-extension://${extensionId}/${page.replace(/^\//u, '')}`;
  const wrap = (page, tabId) =>
    new BrowserTab({ browserName: 'chromium', page, tabId, driver: playwrightDriver(page) });

  const session = {
    browserName: 'chromium',
    /** Playwright's BrowserContext, for what only Chromium can do. */
    context,
    extensionId,
    userDataDir: profile,
    /** The folder of the build under test. */
    extensionDir,
    extensionUrl,

    /** Runs `fn(arg)` in the extension's service worker (woken again if Chromium stopped it); `chrome.*` is there. */
    async inExtension(fn, arg) {
      // Playwright's handle on a worker Chromium stopped never answers: a ping bounded in time tells
      // (and fails the test) before `fn`, which may take long, runs unbounded.
      const attempt = async () => {
        const worker = await serviceWorker(context);
        let timer;
        const stuck = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('the service worker did not answer within 5 s')), 5_000);
        });
        try {
          await Promise.race([worker.evaluate(() => true), stuck]);
        } finally {
          clearTimeout(timer);
        }
        return { value: await worker.evaluate(fn, arg) };
      };
      return poll(attempt, { timeout: 10_000, message: 'the service worker to answer' }).then((result) => result.value);
    },

    /**
     * Opens a new tab (at `url` if given) and returns it with its extension tab id: the extension
     * has no "tabs" permission, so the id is the one tab that did not exist before (`identify:
     * false` skips that: no id). `initScript` runs in every document of the tab before its own scripts.
     */
    async openTab(url, { viewport: size, initScript, identify = extension } = {}) {
      const ids = async () => (await session.inExtension(() => chrome.tabs.query({}))).map((tab) => tab.id);
      const before = identify ? new Set(await ids()) : null;
      const page = await context.newPage();
      if (size) await page.setViewportSize(size);
      if (initScript) await page.addInitScript(initScript);
      if (!identify) {
        const tab = wrap(page);
        if (url) await tab.goto(url);
        return tab;
      }
      const tab = wrap(page, await newTabId(ids, before));
      if (url) await tab.goto(url);
      return tab;
    },

    /** A tab whose address starts with `prefix`, opened by the extension or the page (waits for it). */
    async waitForTab(prefix, { timeout = 10_000 } = {}) {
      const page = await poll(() => context.pages().find((candidate) => candidate.url().startsWith(prefix)) ?? null, {
        timeout,
        message: `a tab at ${prefix}`,
      });
      return wrap(page);
    },

    /** Every open tab's address. */
    tabUrls: () => context.pages().map((page) => page.url()),

    /**
     * Calls `listener({ url, type, worker })` for each request Chromium reports in this browser:
     * pages (content scripts' requests included), extension pages and the service worker. Returns
     * the way to stop.
     */
    onRequest(listener) {
      const report = (request) =>
        listener({ url: request.url(), type: request.resourceType(), worker: request.serviceWorker() !== null });
      context.on('request', report);
      return () => context.off('request', report);
    },

    async close({ keepProfile = false } = {}) {
      await context.close().catch(() => {});
      if (!keepProfile) await rm(profile, { recursive: true, force: true });
    },
  };
  return withExtensionPages(session);
}

/**
 * A virtual X display (Xvfb) for a headed browser, and real key presses on it (xdotool). Browser
 * shortcuts such as extension commands never see keys sent through the DevTools protocol, only
 * keys from the window system. null when Xvfb or xdotool is not installed.
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
