// Fault: storage refuses the extension's writes. Provoked for real in Chromium: sync filled to its
// 100 KB quota, local storage filled to its 10 MB quota, sync's writes-per-minute used up; and sync
// taken away from the popup before it loads (as when a browser has none). The user is told where a
// change went ("Saved on this device only: …") or that it was not kept ("Could not save: …"), the
// controls go back to what is stored, and what the page shows follows what is stored.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import {
  collectErrors,
  highlightCount,
  openCardOn,
  openPopup,
  openTab,
  poll,
  screenshotPath,
  setHighlightDensity,
  useServerAndExtension,
  waitForHighlights,
} from '../e2e/harness.mjs';
import { clearStorage, emptyFiller, fillStorage, storedSettings, useUpSyncWrites, withoutSync } from './faults-kit.mjs';

/** The number of terms in tests/fixtures/pages/article.html (see tests/e2e/highlights.test.mjs). */
const ARTICLE_TERM_COUNT = 20;
const BOTH_FULL =
  "Could not save: sync storage is full and this device's storage for the extension is full. Your change was not kept.";

// Every occurrence: the article's 20 are counted (the default is the first in each section, decision 040).
const env = useServerAndExtension({ launch: { highlightDensity: 'every' } });

// Each test starts from the defaults (in which the article is highlighted) with room in storage,
// every occurrence highlighted (the counts below are of every occurrence).
beforeEach(async () => {
  await clearStorage(env.session);
  await setHighlightDensity(env.session, 'every');
});

async function openOptions() {
  const options = await env.session.context.newPage();
  await options.goto(env.session.extensionUrl('options.html'));
  await options.getByRole('radio', { name: /Everywhere/u }).waitFor();
  return options;
}

async function popupAbout(tabId) {
  const popup = await openPopup(env.session, tabId);
  await popup.getByText(/highlighted terms on this page|Off for this site/u).waitFor({ timeout: 10_000 });
  return popup;
}

test('sync full: the switch and the mode are kept on this device, and the user is told so', async () => {
  const { page, tabId } = await openTab(env.session, env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const filler = await fillStorage(env.session, 'sync');

  const popup = await popupAbout(tabId);
  const errors = collectErrors(popup);
  await popup.getByRole('switch').uncheck();
  const notice = popup.getByRole('status').filter({ hasText: 'Saved on this device only' });
  await notice.waitFor({ timeout: 10_000 });
  assert.equal(await notice.textContent(), 'Saved on this device only: sync storage is full.');
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to follow the saved switch' });
  assert.equal(await popup.getByRole('switch').isChecked(), false);
  await popup.screenshot({ path: screenshotPath('faults-popup-saved-locally.png') });
  const stored = await storedSettings(env.session);
  assert.ok(stored.local.siteRules, 'the rules went to local storage');
  assert.equal(stored.sync.siteRules, undefined, 'and not to sync');
  assert.deepEqual(errors, []);
  await popup.close();

  const options = await openOptions();
  await options.getByText('Saved on this computer only: sync could not take them when they were last saved.').waitFor();
  await options.getByRole('radio', { name: /Everywhere/u }).check();
  await options.getByRole('status').filter({ hasText: 'Saved on this device only: sync storage is full.' }).waitFor();
  await options.screenshot({ path: screenshotPath('faults-options-saved-locally.png') });
  await options.close();
  const again = await openOptions();
  assert.equal(await again.getByRole('radio', { name: /Everywhere/u }).isChecked(), true, 'the mode was kept');

  // Room in sync again: the next change goes there, and the notice goes away.
  await emptyFiller(env.session, 'sync', filler.keys);
  await again.getByRole('radio', { name: /Only on pages about mental health/u }).check();
  await poll(async () => (await storedSettings(env.session)).sync.preferences?.mode === 'mental-health-pages', {
    message: 'the mode to be synced',
  });
  assert.equal(await again.getByText(/Saved on this device only/u).count(), 0);
  await again.close();
  await page.close();
});

test('sync and local storage full: nothing is kept, the user is told, the controls go back', async () => {
  const { page, tabId } = await openTab(env.session, env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const popup = await popupAbout(tabId);
  const syncFiller = await fillStorage(env.session, 'sync');
  const localFiller = await fillStorage(env.session, 'local');
  const before = await storedSettings(env.session);

  // A click, not uncheck(): the switch goes back at once, which uncheck() would take for a failure.
  await popup.getByRole('switch').click();
  const alert = popup.getByRole('alert');
  await alert.waitFor({ timeout: 10_000 });
  assert.equal(await alert.textContent(), BOTH_FULL);
  await poll(() => popup.getByRole('switch').isChecked(), { message: 'the switch to go back on' });
  assert.equal(await popup.getByRole('switch').getAttribute('aria-checked'), 'true');
  await popup.screenshot({ path: screenshotPath('faults-popup-not-saved.png') });
  assert.equal(await highlightCount(page), ARTICLE_TERM_COUNT, 'the page still shows its highlights');

  const options = await openOptions();
  const mode = await options.locator('input[name="mode"]:checked').getAttribute('value');
  await options.getByRole('radio', { name: /Only on sites I choose/u }).click();
  await options.getByRole('alert').filter({ hasText: BOTH_FULL }).waitFor({ timeout: 10_000 });
  await poll(async () => (await options.locator('input[name="mode"]:checked').getAttribute('value')) === mode, {
    message: 'the mode to go back to the stored one',
  });
  await options.screenshot({ path: screenshotPath('faults-options-not-saved.png') });
  assert.deepEqual(await storedSettings(env.session), before, 'storage is as it was');

  await emptyFiller(env.session, 'local', localFiller.keys);
  await emptyFiller(env.session, 'sync', syncFiller.keys);
  await options.close();
  await popup.close();
  await page.close();
});

test('sync and local storage full: a card\'s "Not on this site" says so in the card, and nothing changes', async () => {
  const { page } = await openTab(env.session, env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const errors = collectErrors(page);
  await openCardOn(page, 'glutamate');
  const syncFiller = await fillStorage(env.session, 'sync');
  const localFiller = await fillStorage(env.session, 'local');
  const before = await storedSettings(env.session);

  await page.locator('mhx-explainer .term-card button', { hasText: 'Not on this site' }).click();
  const alert = page.locator('mhx-explainer .term-card [role="alert"]');
  await alert.waitFor({ timeout: 10_000 });
  assert.equal(await alert.textContent(), BOTH_FULL);
  assert.equal(await page.locator('mhx-explainer .undo-notice').count(), 0, 'no undo notice for what did not happen');
  assert.equal(
    await page.locator('mhx-explainer .term-card button', { hasText: 'Not on this site' }).isEnabled(),
    true,
  );
  await page.screenshot({ path: screenshotPath('faults-card-not-saved.png') });
  assert.equal(await highlightCount(page), ARTICLE_TERM_COUNT, 'the page still shows its highlights');
  assert.deepEqual(await storedSettings(env.session), before, 'storage is as it was');
  assert.deepEqual(errors, []);

  await emptyFiller(env.session, 'local', localFiller.keys);
  await emptyFiller(env.session, 'sync', syncFiller.keys);
  await page.close();
});

test('no sync storage in the browser: the switch is kept on this device, and the user is told so', async () => {
  const { page, tabId } = await openTab(env.session, env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const popup = await env.session.context.newPage();
  await withoutSync(popup);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(env.session.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.getByRole('switch').uncheck();
  const notice = popup.getByRole('status').filter({ hasText: 'Saved on this device only' });
  await notice.waitFor({ timeout: 10_000 });
  assert.equal(await notice.textContent(), 'Saved on this device only: sync storage is not available.');
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to follow the saved switch' });
  await popup.getByRole('switch').check();
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  await popup.close();
  await page.close();
});

test("sync's writes per minute used up: the switch is kept on this device, and the user is told so", async () => {
  const { page, tabId } = await openTab(env.session, env.server.url('article.html'));
  await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
  const popup = await popupAbout(tabId);
  await useUpSyncWrites(env.session);
  await popup.getByRole('switch').uncheck();
  const notice = popup.getByRole('status').filter({ hasText: 'Saved on this device only' });
  await notice.waitFor({ timeout: 10_000 });
  assert.equal(
    await notice.textContent(),
    'Saved on this device only: sync has taken all the changes it allows for now. Your next change will try sync again.',
  );
  await poll(async () => (await highlightCount(page)) === 0, { message: 'the page to follow the saved switch' });
  await popup.close();
  await page.close();
});
