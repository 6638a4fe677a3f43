// User path: switch highlighting off for one site in the popup; it stays off for that site only,
// across reloads and a browser restart, and comes back when switched on again.
import assert from 'node:assert/strict';
import {
  ARTICLE_TERM_COUNT,
  contentScriptStarted,
  highlightCount,
  launchExtension,
  markDocument,
  poll,
  sameDocument,
  sleep,
  test,
  useSession,
  waitForHighlights,
} from '../support/e2e.mjs';

const SWITCH = '[role="switch"]';

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({ launch: { preferences: { highlightDensity: 'every' } } });

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
  await popup.waitFor(SWITCH);
  await poll(async () => (await popup.text('.site-switch label'))?.includes('127.0.0.1'), {
    message: 'the popup to be about 127.0.0.1',
  });
  assert.equal(await popup.isChecked(SWITCH), !on, `the switch starts ${on ? 'off' : 'on'}`);
  if (on) await popup.check(SWITCH);
  else await popup.uncheck(SWITCH);
  assert.equal(await popup.isChecked(SWITCH), on);
}

test('switching a site off and on again, across reloads and a restart', async () => {
  const a = await env.session.openTab(env.server.url('article.html?tab=a'));
  const b = await env.session.openTab(env.server.url('article.html?tab=b'));
  const other = await env.session.openTab(env.server.url('article.html?tab=other', 'localhost'));
  for (const page of [a, b, other]) {
    await waitForHighlights(page, { exact: ARTICLE_TERM_COUNT });
    // Survives only as long as the document does: proves the changes below come without a reload.
    await markDocument(page);
  }

  // Off for 127.0.0.1: both of its tabs lose their highlights without a reload; localhost keeps them.
  const popup = await env.session.openPopup(a.tabId);
  await setSwitch(popup, false);
  await popup.waitFor('.site-switch p', { hasText: 'Off for this site', timeout: 5_000 });
  for (const [name, page] of Object.entries({ a, b })) {
    await poll(async () => (await highlightCount(page)) === 0, { message: `tab ${name} to lose its highlights` });
  }
  assert.equal(await highlightCount(other), ARTICLE_TERM_COUNT, 'the localhost tab keeps its highlights');
  for (const page of [a, b, other]) assert.equal(await sameDocument(page), true);
  await popup.close();

  // Reload: still off (with the localhost tab reloaded alongside as a yardstick).
  await Promise.all([a.reload(), other.reload()]);
  await assertStaysOff(a, other, 'after a reload');

  // Restart the browser on the same profile: still off.
  const userDataDir = env.session.userDataDir;
  await env.session.close({ keepProfile: true });
  env.session = await launchExtension({ userDataDir });
  const again = await env.session.openTab(env.server.url('article.html?tab=again'));
  const yardstick = await env.session.openTab(env.server.url('article.html?tab=yardstick', 'localhost'));
  await assertStaysOff(again, yardstick, 'after a browser restart');

  // The popup agrees, and switching back on brings the highlights back without a reload.
  const popupAgain = await env.session.openPopup(again.tabId);
  await popupAgain.waitFor('.site-switch p', { hasText: 'Off for this site', timeout: 5_000 });
  await markDocument(again);
  await setSwitch(popupAgain, true);
  await waitForHighlights(again, { exact: ARTICLE_TERM_COUNT });
  assert.equal(await sameDocument(again), true, 'no reload');
  assert.equal(await highlightCount(yardstick), ARTICLE_TERM_COUNT);
});
