// Fault: storage refuses the extension's writes. Provoked for real in Chromium: sync filled to its
// 100 KB quota, local storage filled to its 10 MB quota, sync's writes-per-minute used up; and sync
// taken away from the popup before it loads (as when a browser has none). The user is told where a
// change went ("Saved on this device only: …") or that it was not kept ("Could not save: …"), the
// controls go back to what is stored, and what the page shows follows what is stored.
import assert from 'node:assert/strict';
import { beforeEach } from 'node:test';
import {
  assertNoErrors,
  highlightCount,
  openOptions,
  poll,
  test,
  useSession,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';
import { clearStorage, emptyFiller, fillStorage, storedSettings, useUpSyncWrites, withoutSync } from './faults-kit.mjs';

const BOTH_FULL =
  "Could not save: sync storage is full and this device's storage for the extension is full. Your change was not kept.";
const SWITCH = '[role="switch"]';
const mode = (value) => `input[name="mode"][value="${value}"]`;

const env = useSession();

// Each test starts from the defaults (in which the article is highlighted) with room in storage.
// Nothing else is stored first: with the settings already there, a change that makes them no longer
// (another mode) would still fit in storage filled to all but a few bytes.
beforeEach(() => clearStorage(env.session));

/** The article's highlights in the default density, counted once its first pass is done (none fails the test). */
async function shownArticle(page) {
  await waitForScan(page);
  const count = await highlightCount(page);
  assert.ok(count > 0, 'the article is highlighted');
  return count;
}

/** Waits for the notice that a change was kept on this device only, and returns its words. */
async function savedLocally(page) {
  const notice = '[role="status"]';
  await page.waitFor(notice, { hasText: 'Saved on this device only' });
  return page.text(notice, { hasText: 'Saved on this device only' });
}

async function popupAbout(tabId) {
  const popup = await env.session.openPopup(tabId);
  await popup.waitFor('.site-status', { hasText: /highlighted terms on this page|Off for this site/u });
  return popup;
}

test('sync full: the switch and the mode are kept on this device, and the user is told so', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  const { tabId } = page;
  await shownArticle(page);
  const filler = await fillStorage(env.session, 'sync');

  const popup = await popupAbout(tabId);
  await popup.uncheck(SWITCH);
  assert.equal(await savedLocally(popup), 'Saved on this device only: sync storage is full.');
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to follow the saved switch' });
  assert.equal(await popup.isChecked(SWITCH), false);
  await popup.screenshot('faults-popup-saved-locally.png');
  const stored = await storedSettings(env.session);
  assert.ok(stored.local.siteRules, 'the rules went to local storage');
  assert.equal(stored.sync.siteRules, undefined, 'and not to sync');
  assertNoErrors(popup);
  await popup.close();

  const options = await openOptions(env.session);
  await options.waitFor('.storage-place', {
    hasText: 'Saved on this computer only: sync could not take them when they were last saved.',
  });
  await options.check(mode('everywhere'));
  await options.waitFor('[role="status"]', { hasText: 'Saved on this device only: sync storage is full.' });
  await options.screenshot('faults-options-saved-locally.png');
  await options.close();
  const again = await openOptions(env.session);
  await again.waitFor(mode('everywhere'), { state: 'attached' });
  assert.equal(await again.isChecked(mode('everywhere')), true, 'the mode was kept');

  // Room in sync again: the next change goes there, and the notice goes away.
  await emptyFiller(env.session, 'sync', filler.keys);
  await again.check(mode('mental-health-pages'));
  await poll(async () => (await storedSettings(env.session)).sync.preferences?.mode === 'mental-health-pages', {
    message: 'the mode to be synced',
  });
  assert.equal(await again.count('[role="status"]', { hasText: /Saved on this device only/u }), 0);
  await again.close();
  await page.close();
});

test('sync and local storage full: nothing is kept, the user is told, the controls go back', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  const { tabId } = page;
  const shown = await shownArticle(page);
  const popup = await popupAbout(tabId);
  const syncFiller = await fillStorage(env.session, 'sync');
  const localFiller = await fillStorage(env.session, 'local');
  const before = await storedSettings(env.session);

  // A click, not uncheck(): the switch goes back at once, which uncheck() would take for a failure.
  await popup.click(SWITCH);
  await popup.waitFor('[role="alert"]');
  assert.equal(await popup.text('[role="alert"]'), BOTH_FULL);
  await poll(() => popup.isChecked(SWITCH), { message: 'the switch to go back on' });
  assert.equal(await popup.attribute(SWITCH, 'aria-checked'), 'true');
  await popup.screenshot('faults-popup-not-saved.png');
  assert.equal(await highlightCount(page), shown, 'the page still shows its highlights');

  const options = await openOptions(env.session);
  const checkedMode = () => options.attribute('input[name="mode"]:checked', 'value');
  await options.waitFor('input[name="mode"]:checked', { state: 'attached' });
  const stored = await checkedMode();
  await options.click(mode('chosen-sites'));
  await options.waitFor('[role="alert"]', { hasText: BOTH_FULL });
  await poll(async () => (await checkedMode()) === stored, { message: 'the mode to go back to the stored one' });
  await options.screenshot('faults-options-not-saved.png');
  assert.deepEqual(await storedSettings(env.session), before, 'storage is as it was');

  await emptyFiller(env.session, 'local', localFiller.keys);
  await emptyFiller(env.session, 'sync', syncFiller.keys);
  await options.close();
  await popup.close();
  await page.close();
});

test('no sync storage in the browser: the switch is kept on this device, and the user is told so', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  const { tabId } = page;
  const shown = await shownArticle(page);
  const popup = await env.session.openPopup(tabId, { initScript: withoutSync });
  await popup.uncheck(SWITCH);
  assert.equal(await savedLocally(popup), 'Saved on this device only: sync storage is not available.');
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to follow the saved switch' });
  await popup.check(SWITCH);
  await waitForHighlights(page, { exact: shown });
  await popup.close();
  await page.close();
});

test("sync's writes per minute used up: the switch is kept on this device, and the user is told so", async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  const { tabId } = page;
  await shownArticle(page);
  const popup = await popupAbout(tabId);
  await useUpSyncWrites(env.session);
  await popup.uncheck(SWITCH);
  assert.equal(
    await savedLocally(popup),
    'Saved on this device only: sync has taken all the changes it allows for now. Your next change will try sync again.',
  );
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to follow the saved switch' });
  await popup.close();
  await page.close();
});
