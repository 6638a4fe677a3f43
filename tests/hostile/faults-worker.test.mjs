// Fault: the browser stops the extension's service worker mid-session (an MV3 worker is stopped after
// 30 s idle, or at any time under memory pressure). Provoked with the DevTools protocol
// (ServiceWorker.stopAllWorkers), and checked stopped before every step. After it: hover cards, the
// popup, its site switch, the reader link, the toolbar badge and the keyboard commands — real key
// presses, which only reach the browser through the window system — all keep working, each waking
// the worker again when it needs it, and nothing logs an error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CARD,
  collectErrors,
  highlightCount,
  launchExtension,
  openCardOn,
  openPopup,
  openTab,
  poll,
  startServer,
  startVirtualDisplay,
  waitForHighlights,
} from '../e2e/harness.mjs';
import { extensionsPage, serviceWorkerControl } from './faults-kit.mjs';

/** The number of terms in tests/fixtures/pages/article.html (see tests/e2e/highlights.test.mjs). */
const ARTICLE_TERM_COUNT = 20;

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

/** The toolbar badge of `tabId`, read in an extension page: it is the browser's state, not the worker's. */
const badge = (extensionPage, tabId) =>
  extensionPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

test('hover cards, the reader link, the popup and its switch work after the worker is stopped', async () => {
  const session = await launchExtension({ highlightDensity: 'every' });
  try {
    const { page, tabId } = await openTab(session, server.url('article.html'));
    const errors = collectErrors(page);
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    const extensions = await extensionsPage(session);
    const worker = await serviceWorkerControl(session, page);

    // The card needs nothing from the worker; "Read in the series" asks it to open the reader.
    await worker.stop();
    const { card } = await openCardOn(page, 'ketamine');
    assert.equal(worker.running(), false, 'the card opened without the worker');
    const [reader] = await Promise.all([
      session.context.waitForEvent('page', { timeout: 10_000 }),
      card.getByRole('button', { name: 'Read in the series' }).click(),
    ]);
    await reader.waitForURL(/\/reader\.html#/u, { timeout: 10_000 });
    await poll(() => worker.running(), { message: 'opening the reader to have woken the worker' });
    await reader.close();

    // The popup asks the page, and the switch writes storage: neither needs the worker.
    await worker.stop();
    const popup = await openPopup(session, tabId);
    const popupErrors = collectErrors(popup);
    await popup.getByText(`${ARTICLE_TERM_COUNT} highlighted terms on this page`).waitFor({ timeout: 10_000 });
    assert.equal(await badge(popup, tabId), String(ARTICLE_TERM_COUNT));
    const siteSwitch = popup.getByRole('switch');
    await siteSwitch.uncheck();
    await popup.getByText('Off for this site').waitFor({ timeout: 10_000 });
    await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to lose its highlights' });
    // The page tells the background its count changed: that wakes the worker, which clears the badge.
    await poll(async () => (await badge(popup, tabId)) === '', { message: 'the badge to clear' });

    await worker.stop();
    await siteSwitch.check();
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    await popup.getByText(`${ARTICLE_TERM_COUNT} highlighted terms on this page`).waitFor({ timeout: 10_000 });
    await poll(async () => (await badge(popup, tabId)) === String(ARTICLE_TERM_COUNT), {
      message: 'the badge to count again after a fresh worker start',
    });

    assert.ok(worker.starts() >= 3, `the worker was started again after each stop (${worker.starts()} starts)`);
    assert.deepEqual(errors, [], 'no errors on the page');
    assert.deepEqual(popupErrors, [], 'no errors in the popup');
    assert.deepEqual(await extensions.errors(), [], 'no errors in the extension');
    await popup.close();
    await worker.detach();
    await extensions.close();
  } finally {
    await session.close();
  }
});

test('keyboard commands reach the page through a worker the browser had stopped', async (t) => {
  const display = await startVirtualDisplay();
  if (!display) {
    t.skip('needs Xvfb and xdotool (apt-get install xvfb xdotool): browser shortcuts ignore DevTools key events');
    return;
  }
  const session = await launchExtension({ display, highlightDensity: 'every' });
  try {
    const { page } = await openTab(session, server.url('article.html'));
    const errors = collectErrors(page);
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    const extensions = await extensionsPage(session);
    const worker = await serviceWorkerControl(session, page);
    await page.bringToFront();

    await worker.stop();
    const starts = worker.starts();
    await display.press('alt+shift+j');
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 10_000 });
    await poll(() => worker.starts() > starts, { message: 'the command to have woken the worker' });
    await page.keyboard.press('Escape');
    await page.locator(CARD).waitFor({ state: 'hidden', timeout: 10_000 });

    await worker.stop();
    await display.press('alt+shift+h');
    await poll(async () => (await highlightCount(page)) === 0, { message: 'Alt+Shift+H to switch the site off' });
    await worker.stop();
    await display.press('alt+shift+h');
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });

    assert.deepEqual(errors, []);
    assert.deepEqual(await extensions.errors(), [], 'no errors in the extension');
    await worker.detach();
    await extensions.close();
  } finally {
    await session.close();
    display.close();
  }
});
