// User path: installing the extension opens the first-run page once. It says what the extension
// does, lets the reader try cards on a paragraph of the series, choose the mode (the default chosen),
// and tells what stays on the device and how to turn highlighting off on a site. It never opens again:
// not after a browser restart, not after an update (a reload of the extension). The options page
// links to it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { extensionsPage } from '../hostile/faults-kit.mjs';
import {
  assertNoErrors,
  axeViolations,
  CARD,
  cardText,
  FIRST_RUN_PAGE,
  highlightedTexts,
  IN_FIREFOX,
  launchExtension,
  openCardOn,
  poll,
  sleep,
  test,
  useSession,
  waitForCardClosed,
} from '../support/e2e.mjs';
import { FIREFOX_EXTENSION_DIR } from '../support/firefox-session.mjs';

const env = useSession({ launch: { firstRun: 'keep' } });

/** The open tabs at the first-run page. */
async function firstRunTabs(session) {
  const prefix = session.extensionUrl(FIRST_RUN_PAGE);
  return (await session.tabUrls()).filter((url) => url.startsWith(prefix));
}

/**
 * Whether the first-run page stays away: it opens within a moment of the background starting, so
 * the background is made to answer first and the tabs are then watched for a while.
 */
async function assertNoFirstRunTab(session, what) {
  if (!IN_FIREFOX) await session.inExtension(() => 1);
  for (let look = 0; look < 10; look++) {
    assert.deepEqual(await firstRunTabs(session), [], `no first-run page ${what}`);
    await sleep(300);
  }
}

let welcome;
const VIEWPORT = { width: 900, height: 1400 };

test('a fresh profile gets the first-run page, once', async () => {
  welcome = await env.session.waitForTab(env.session.extensionUrl(FIRST_RUN_PAGE));
  await welcome.waitFor('h1', { hasText: 'Welcome to Mental Health Explainer' });
  assert.equal((await firstRunTabs(env.session)).length, 1);
});

test('it says what the extension does, what stays on the device, and how to turn it off on a site', async () => {
  const text = await welcome.text('main');
  assert.match(text, /highlights it/u);
  assert.match(text, /Educational content, not medical advice\./u);
  assert.match(text, /never leaves it/u);
  assert.match(text, /makes no network requests/u);
  assert.match(text, /Not on this site/u);
  assert.match(text, /Turn highlighting on or off for this site/u);
  assert.equal(await welcome.text('figcaption'), 'From the series: Part I, Beyond Daily Medication');
});

test('the sample paragraph’s terms are highlighted, and their cards open by pointer and by keyboard', async () => {
  await welcome.setViewport(VIEWPORT);
  const texts = await poll(
    async () => {
      const found = await highlightedTexts(welcome);
      return found.length >= 4 ? found : null;
    },
    { message: 'the sample paragraph to be highlighted' },
  );
  // Each term once, as the default density marks a section (the paragraph is one).
  assert.deepEqual(texts.slice(0, 4), ['SSRIs', 'depression', 'anxiety', 'serotonin']);
  const { card } = await openCardOn(welcome, 'depression');
  assert.equal(card.title, 'Depression');
  assert.equal(card.note, 'Educational content, not medical advice.');
  // No "Not on this site" on the extension's own page.
  assert.equal(await welcome.count(`${CARD} .card-controls`), 0);
  await welcome.mouse.move(2, 2, { steps: 3 });
  await waitForCardClosed(welcome);
  // The keyboard's way: a button per term, which opens its card and takes it the next Tab.
  await welcome.focus('.sample-term');
  await welcome.press('Enter');
  await poll(async () => (await cardText(welcome))?.title === 'SSRI', { message: 'the card from the keyboard' });
  await welcome.press('Escape');
  await waitForCardClosed(welcome);
  await welcome.screenshot('welcome-sample.png');
});

test('the mode is offered with the default chosen, and a choice is saved', async () => {
  assert.equal(await welcome.isChecked('input[name="mode"][value="mental-health-pages"]'), true);
  assert.match(await welcome.text('label', { hasText: 'Only on pages about mental health' }), /\(default\)/u);
  await welcome.check('input[name="mode"][value="everywhere"]');
  const options = await env.session.openExtensionPage('options.html');
  try {
    await poll(() => options.isChecked('input[name="mode"][value="everywhere"]').catch(() => false), {
      message: 'the mode chosen on the first-run page to show on the options page',
    });
    // The options page links back to it.
    const link = await options.attribute('a[href$="welcome.html"]', 'href');
    assert.equal(link, env.session.extensionUrl(FIRST_RUN_PAGE));
  } finally {
    await options.close();
  }
  await welcome.check('input[name="mode"][value="mental-health-pages"]');
});

for (const colorScheme of ['light', 'dark']) {
  test(`the first-run page has no axe violations (${colorScheme}); screenshot`, async () => {
    await welcome.emulateMedia({ colorScheme });
    await welcome.setViewport(VIEWPORT);
    await welcome.waitFor('h1');
    assert.deepEqual(await axeViolations(welcome), []);
    await welcome.screenshot(`welcome-${colorScheme}.png`, { fullPage: true });
    await welcome.emulateMedia({ colorScheme: 'light' });
  });
}

test('the first-run page logged no errors', () => {
  assertNoErrors(welcome);
});

test('it does not open again after the browser restarts', async () => {
  await welcome.close();
  const profile = env.session.userDataDir;
  await env.session.close({ keepProfile: true });
  env.session = await launchExtension({ userDataDir: profile, firstRun: 'keep' });
  await assertNoFirstRunTab(env.session, 'after a restart');
});

test('it does not open after an update (the extension reloaded or installed over itself)', async () => {
  if (IN_FIREFOX) {
    // Installing a temporary add-on over itself is Firefox's update: onInstalled says "update". It
    // closes the add-on's pages, the session's own among them, so only the tabs are looked at after.
    await env.session.browser.installExtension(path.resolve(FIREFOX_EXTENSION_DIR));
  } else {
    // The extensions page's Reload, as an update does: onInstalled says "update".
    const extensions = await extensionsPage(env.session);
    try {
      await extensions.reload();
    } finally {
      await extensions.close();
    }
  }
  await assertNoFirstRunTab(env.session, 'after an update');
});
