// User path: read pages with the extension on; the page's own DOM stays as it was and nothing errors.
import assert from 'node:assert/strict';
import {
  assertNoErrors,
  hugePage,
  inPlainBrowser,
  openCardOn,
  test,
  useSession,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';

const FIXTURES = ['article.html', 'corner.html', 'skipped.html', 'no-terms.html', 'empty.html', 'huge.html'];

const huge = hugePage();
// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({
  routes: { '/huge.html': huge.html },
  plain: true,
  launch: { preferences: { highlightDensity: 'every' } },
});

/** The page's own markup; the card's host, were it ever put inside body or head, is left out. */
function pageMarkup(page) {
  return page.evaluate(() => {
    const strip = (element) => {
      const copy = element.cloneNode(true);
      for (const host of copy.querySelectorAll('mhx-explainer')) host.remove();
      return copy.innerHTML;
    };
    return {
      body: strip(document.body),
      head: strip(document.head),
      hostInBody: document.body.querySelector('mhx-explainer') !== null,
    };
  });
}

const plainMarkup = (fixture) => inPlainBrowser(env, fixture, pageMarkup);

test('the article DOM is identical with and without the extension, also with a card open', async () => {
  const expected = await plainMarkup('article.html');
  const page = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(page, { min: 20 });

  const highlighted = await pageMarkup(page);
  assert.equal(highlighted.body, expected.body, 'body after highlighting');
  assert.equal(highlighted.head, expected.head, 'head after highlighting');

  await openCardOn(page, 'SSRI');
  const withCard = await pageMarkup(page);
  assert.equal(withCard.hostInBody, false, 'the card host must not be inside <body>');
  assert.equal(
    await page.evaluate(() => document.querySelector('mhx-explainer')?.parentElement === document.documentElement),
    true,
    'the card host is a child of <html>',
  );
  assert.equal(withCard.body, expected.body, 'body with a card open');
  assert.equal(withCard.head, expected.head, 'head with a card open');
  assertNoErrors(page);
  await page.close();
});

test('every fixture page keeps its DOM and logs no errors', async () => {
  for (const fixture of FIXTURES) {
    const expected = await plainMarkup(fixture);
    const page = await env.session.openTab(env.server.url(fixture));
    await waitForScan(page, { timeout: 30_000 });
    const actual = await pageMarkup(page);
    assert.ok(actual.body === expected.body, `${fixture}: body differs from the page without the extension`);
    assert.ok(actual.head === expected.head, `${fixture}: head differs from the page without the extension`);
    assert.deepEqual(page.errors, [], `${fixture}: console errors or page errors`);
    await page.close();
  }
});

test('about:blank logs no errors', async () => {
  const page = await env.session.openTab('about:blank');
  // Nothing to wait for on about:blank; let a real page load in a second tab as a yardstick for
  // how long the content script would take if it (wrongly) ran here.
  const yardstick = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(yardstick, { min: 1 });
  assert.equal(
    await page.evaluate(() => document.documentElement.outerHTML),
    '<html><head></head><body></body></html>',
  );
  assertNoErrors(page);
  await Promise.all([page.close(), yardstick.close()]);
});
