// Fault: the extension is updated (reloaded from disk) while pages are open. Provoked for real: in
// Chromium from chrome://extensions (developerPrivate.reload, what its "Reload" button does), in
// Firefox by reloading the add-on from its folder. Chrome then cuts the old content scripts off and
// injects nothing into open tabs; Firefox injects the new content script into every open tab at
// once. In Chromium the test plays Firefox's part with chrome.scripting from the new worker — in a
// copy of the build given that permission (see updatableExtension) — right after the update, before
// the old script has had a chance to notice, since that is the race that could leave two scripts
// highlighting one page. Afterwards: one set of highlights, one card, a script that is alive
// (follows changes to the page and to the settings), the same document, no errors.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import {
  assertNoErrors,
  CARD,
  highlightCount,
  htmlPage,
  markDocument,
  openCardOn,
  poll,
  registeredTexts,
  sameDocument,
  test,
  useSession,
  waitForHighlights,
} from '../support/e2e.mjs';
import { extensionErrorLog, updatableExtension } from './faults-kit.mjs';

const page = (body) => htmlPage(body, { title: 'Open during an update' });

const ROUTES = {
  '/open.html': page(
    '<main id="main"><p>Ketamine works on glutamate; SSRIs work on serotonin.</p></main>' +
      '<x-note id="note"></x-note><iframe src="/inner.html" width="500" height="120"></iframe>' +
      '<script>customElements.define("x-note", class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: "open" }).innerHTML = "<p>anxiety in a shadow root</p>"; } });</script>',
  ),
  '/inner.html': page('<p>psychotherapy inside a frame</p>'),
};
/** Ketamine, glutamate, SSRIs, serotonin in the light DOM; anxiety in the shadow root. */
const TOP_TERMS = 5;
const SWITCH = '[role="switch"]';

let updatable;
const env = useSession({
  routes: ROUTES,
  launch: async () => {
    updatable = await updatableExtension();
    return { ...updatable.launch, highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } };
  },
});

after(() => updatable?.remove());

const innerFrame = (tab) => tab.frame('/inner.html');
const explainerHosts = (tab) => tab.evaluate(() => document.querySelectorAll('mhx-explainer').length);
const visibleCards = (tab) =>
  tab.evaluate(
    () =>
      [...document.querySelectorAll('mhx-explainer')].filter((host) => {
        const card = host.shadowRoot?.querySelector('.term-card');
        return card !== null && card !== undefined && card.getClientRects().length > 0;
      }).length,
  );

test('after an update, the new content script takes over an open page: one set of highlights, one card', async () => {
  const tab = await env.session.openTab(env.server.url('open.html'));
  const { tabId } = tab;
  await waitForHighlights(tab, { exact: TOP_TERMS });
  await waitForHighlights(await innerFrame(tab), { exact: 1 });
  // The old script has a card open (its shadow-root host is in the page) when the update comes.
  await openCardOn(tab, 'glutamate');
  await markDocument(tab);

  const log = await extensionErrorLog(env.session);
  const injected = await updatable.update(env.session, tabId, log);
  // Chromium: the test injected the new script (Firefox injects it by itself, into the same frames).
  if (injected !== null) assert.equal(injected, 2, 'injected into the page and its frame');

  // One set: every term once, in the page, the shadow root and the frame.
  await poll(async () => (await explainerHosts(tab)) === 0, { message: "the old script's card to be removed" });
  await waitForHighlights(tab, { exact: TOP_TERMS });
  await waitForHighlights(await innerFrame(tab), { exact: 1 });
  assert.deepEqual(await registeredTexts(tab, { sorted: true }), [
    'Ketamine',
    'SSRIs',
    'anxiety',
    'glutamate',
    'serotonin',
  ]);

  // One card, from a script that is alive.
  await openCardOn(tab, 'serotonin');
  assert.equal(await explainerHosts(tab), 1, 'one card host');
  assert.equal(await visibleCards(tab), 1, 'one card shown');
  await tab.mouse.move(2, 2);
  await tab.waitFor(CARD, { state: 'hidden', timeout: 10_000 });

  // It follows the page: a new paragraph is highlighted once.
  await tab.evaluate(() => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Added after the update: depression.';
    document.getElementById('main').append(paragraph);
  });
  await waitForHighlights(tab, { exact: TOP_TERMS + 1 });

  // It follows the settings: the popup switches the site off and on, in the same document.
  const popup = await env.session.openPopup(tabId);
  await popup.waitFor('.site-status', { hasText: `${TOP_TERMS + 1} highlighted terms on this page` });
  await popup.uncheck(SWITCH);
  await poll(async () => (await highlightCount(tab)) === 0, { message: 'the site to be switched off' });
  await poll(async () => (await highlightCount(await innerFrame(tab))) === 0, { message: 'the frame to follow' });
  await popup.check(SWITCH);
  await waitForHighlights(tab, { exact: TOP_TERMS + 1 });
  await waitForHighlights(await innerFrame(tab), { exact: 1 });
  assert.equal(await sameDocument(tab), true, 'the page was not reloaded');
  await popup.close();

  assert.deepEqual(tab.errors, [], 'no errors on the page from either script');
  assert.deepEqual(await log.errors(), [], 'no errors in the extension');
  await log.close();
  await tab.close();
});

test('after an update without injection (Chrome), the old script lets go and a reloaded page is highlighted once', async () => {
  const tab = await env.session.openTab(env.server.url('open.html'));
  await waitForHighlights(tab, { exact: TOP_TERMS });
  await openCardOn(tab, 'Ketamine');

  // Chromium only (see known-differences.mjs): an update that injects nothing.
  const log = await extensionErrorLog(env.session);
  await log.reload();
  // The orphaned script notices on its next event and removes its highlights and its card.
  await poll(
    async () => {
      await tab.mouse.move(5, 5);
      await tab.mouse.move(6, 6);
      return (await highlightCount(tab)) === 0 && (await explainerHosts(tab)) === 0;
    },
    { message: 'the orphaned script to remove its highlights and card' },
  );

  await tab.reload();
  await waitForHighlights(tab, { exact: TOP_TERMS });
  await waitForHighlights(await innerFrame(tab), { exact: 1 });
  await openCardOn(tab, 'Ketamine');
  assert.equal(await explainerHosts(tab), 1);
  assertNoErrors(tab);
  assert.deepEqual(await log.errors(), []);
  await log.close();
  await tab.close();
});
