// Fault: the browser stops the extension's service worker mid-session (an MV3 worker is stopped after
// 30 s idle, or at any time under memory pressure). Provoked with the DevTools protocol
// (ServiceWorker.stopAllWorkers), and checked stopped before every step. After it: hover cards, the
// popup, its site switch, the reader link, the toolbar badge and the keyboard commands — real key
// presses, which only reach the browser through the window system — all keep working, each waking
// the worker again when it needs it, and nothing logs an error.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import {
  ARTICLE_TERM_COUNT,
  assertNoErrors,
  CARD,
  highlightCount,
  launchExtension,
  launchOnVirtualDisplay,
  openCardOn,
  poll,
  startServer,
  test,
  waitForHighlights,
} from '../support/e2e.mjs';
import { extensionsPage, serviceWorkerControl } from './faults-kit.mjs';

const SWITCH = '[role="switch"]';
// Each test starts a browser of its own (one of them on a virtual display): a server is all they share.
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
  const session = await launchExtension({ preferences: { highlightDensity: 'every' } });
  try {
    const page = await session.openTab(server.url('article.html'));
    const { tabId } = page;
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    const extensions = await extensionsPage(session);
    const worker = await serviceWorkerControl(session, page.page);

    // The card needs nothing from the worker; "Read in the series" asks it to open the reader.
    await worker.stop();
    await openCardOn(page, 'ketamine');
    assert.equal(worker.running(), false, 'the card opened without the worker');
    await page.click(`${CARD} button.read-more`, { hasText: 'Read in the series' });
    const reader = await session.waitForTab(session.extensionUrl('reader.html#'));
    await poll(() => worker.running(), { message: 'opening the reader to have woken the worker' });
    await reader.close();

    // The popup asks the page, and the switch writes storage: neither needs the worker.
    await worker.stop();
    const popup = await session.openPopup(tabId);
    await popup.waitFor('.site-status', { hasText: `${ARTICLE_TERM_COUNT} highlighted terms on this page` });
    assert.equal(await badge(popup, tabId), String(ARTICLE_TERM_COUNT));
    await popup.uncheck(SWITCH);
    await popup.waitFor('.site-status', { hasText: 'Off for this site' });
    await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to lose its highlights' });
    // The page tells the background its count changed: that wakes the worker, which clears the badge.
    await poll(async () => (await badge(popup, tabId)) === '', { message: 'the badge to clear' });

    await worker.stop();
    await popup.check(SWITCH);
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    await popup.waitFor('.site-status', { hasText: `${ARTICLE_TERM_COUNT} highlighted terms on this page` });
    await poll(async () => (await badge(popup, tabId)) === String(ARTICLE_TERM_COUNT), {
      message: 'the badge to count again after a fresh worker start',
    });

    assert.ok(worker.starts() >= 3, `the worker was started again after each stop (${worker.starts()} starts)`);
    assert.deepEqual(page.errors, [], 'no errors on the page');
    assert.deepEqual(popup.errors, [], 'no errors in the popup');
    assert.deepEqual(await extensions.errors(), [], 'no errors in the extension');
    await popup.close();
    await worker.detach();
    await extensions.close();
  } finally {
    await session.close();
  }
});

test('keyboard commands reach the page through a worker the browser had stopped', async (t) => {
  const headed = await launchOnVirtualDisplay(t, { preferences: { highlightDensity: 'every' } });
  if (!headed) return;
  const { display, session } = headed;
  const page = await session.openTab(server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const extensions = await extensionsPage(session);
  const worker = await serviceWorkerControl(session, page.page);
  await page.bringToFront();

  await worker.stop();
  const starts = worker.starts();
  await display.press('alt+shift+j');
  await page.waitFor(CARD, { timeout: 10_000 });
  await poll(() => worker.starts() > starts, { message: 'the command to have woken the worker' });
  await page.press('Escape');
  await page.waitFor(CARD, { state: 'hidden', timeout: 10_000 });

  await worker.stop();
  await display.press('alt+shift+h');
  await poll(async () => (await highlightCount(page)) === 0, { message: 'Alt+Shift+H to switch the site off' });
  await worker.stop();
  await display.press('alt+shift+h');
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });

  assertNoErrors(page);
  assert.deepEqual(await extensions.errors(), [], 'no errors in the extension');
  await worker.detach();
  await extensions.close();
});
