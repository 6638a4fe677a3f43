// User path: switch highlighting off for one site in the popup; it stays off for that site only,
// across reloads and a browser restart, and comes back when switched on again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  contentScriptStarted,
  highlightCount,
  launchExtension,
  openPopup,
  openTab,
  poll,
  sleep,
  useServerAndExtension,
  waitForHighlights,
} from './harness.mjs';

const ARTICLE_TERM_COUNT = 20;

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useServerAndExtension({ launch: { highlightDensity: 'every' } });

/**
 * Asserts that `page` shows no highlights once its content script has had every chance to add
 * them: it has started, and `yardstick` (a page of another site loaded alongside) is highlighted.
 */
async function assertStaysOff(page, yardstick, what) {
  await poll(() => contentScriptStarted(page), { message: `the content script to start (${what})` });
  await waitForHighlights(yardstick, { exact: ARTICLE_TERM_COUNT });
  // A little more than the yardstick needed after its own start, as margin.
  await sleep(500);
  assert.equal(await highlightCount(page), 0, `${what}: highlighting should be off`);
}

async function setSwitch(popup, on) {
  const siteSwitch = popup.getByRole('switch');
  await siteSwitch.waitFor({ timeout: 10_000 });
  await poll(async () => (await popup.locator('.site-switch label').textContent()).includes('127.0.0.1'), {
    message: 'the popup to be about 127.0.0.1',
  });
  assert.equal(await siteSwitch.isChecked(), !on, `the switch starts ${on ? 'off' : 'on'}`);
  if (on) await siteSwitch.check();
  else await siteSwitch.uncheck();
  assert.equal(await siteSwitch.isChecked(), on);
}

test('switching a site off and on again, across reloads and a restart', async () => {
  const a = await openTab(env.session, env.server.url('article.html?tab=a'));
  const b = await openTab(env.session, env.server.url('article.html?tab=b'));
  const other = await openTab(env.session, env.server.url('article.html?tab=other', 'localhost'));
  for (const { page } of [a, b, other]) {
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    // Survives only as long as the document does: proves the changes below come without a reload.
    await page.evaluate(() => {
      window.sameDocument = true;
    });
  }

  // Off for 127.0.0.1: both of its tabs lose their highlights without a reload; localhost keeps them.
  const popup = await openPopup(env.session, a.tabId);
  await setSwitch(popup, false);
  await popup.locator('.site-switch p', { hasText: 'Off for this site' }).waitFor({ timeout: 5_000 });
  for (const [name, { page }] of Object.entries({ a, b })) {
    await poll(async () => (await highlightCount(page)) === 0, { message: `tab ${name} to lose its highlights` });
  }
  assert.equal(await highlightCount(other.page), ARTICLE_TERM_COUNT, 'the localhost tab keeps its highlights');
  for (const { page } of [a, b, other]) assert.equal(await page.evaluate(() => window.sameDocument), true);
  await popup.close();

  // Reload: still off (with the localhost tab reloaded alongside as a yardstick).
  await Promise.all([a.page.reload(), other.page.reload()]);
  await assertStaysOff(a.page, other.page, 'after a reload');

  // Restart the browser on the same profile: still off.
  const userDataDir = env.session.userDataDir;
  await env.session.close({ keepProfile: true });
  env.session = await launchExtension({ userDataDir });
  const again = await openTab(env.session, env.server.url('article.html?tab=again'));
  const yardstick = await openTab(env.session, env.server.url('article.html?tab=yardstick', 'localhost'));
  await assertStaysOff(again.page, yardstick.page, 'after a browser restart');

  // The popup agrees, and switching back on brings the highlights back without a reload.
  const popupAgain = await openPopup(env.session, again.tabId);
  await popupAgain.locator('.site-switch p', { hasText: 'Off for this site' }).waitFor({ timeout: 5_000 });
  await again.page.evaluate(() => {
    window.sameDocument = true;
  });
  await setSwitch(popupAgain, true);
  await waitForHighlights(again.page, { exact: ARTICLE_TERM_COUNT });
  assert.equal(await again.page.evaluate(() => window.sameDocument), true, 'no reload');
  assert.equal(await highlightCount(yardstick.page), ARTICLE_TERM_COUNT);
});
