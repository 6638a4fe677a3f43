// Bad input for the gate, in the default mode ("only pages about mental health"), where it decides
// from the page's text whether to load the engine: a page whose load never finishes, pages with no
// body or an empty one, frames of every kind, a page that replaces its body with an article. No page
// error, nothing changed in the page, and an article is highlighted wherever it ends up.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before } from 'node:test';
import {
  ARTICLE_TERM_COUNT,
  assertNoErrors,
  FIXTURES_DIR,
  highlightCount,
  htmlPage,
  poll,
  sleep,
  test,
  useSession,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';

/** tests/fixtures/pages/article.html: about mental health, with ARTICLE_TERM_COUNT terms. */
const ARTICLE = readFileSync(path.join(FIXTURES_DIR, 'article.html'), 'utf8');
const ARTICLE_BODY = ARTICLE.slice(ARTICLE.indexOf('<body>') + 6, ARTICLE.indexOf('</body>'));

const page = (body, head = '') => htmlPage(body, { head, title: 'Gate bad input' });

const ROUTES = {
  '/no-body.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>No body</title></head><body><script>document.body.remove();</script></body></html>`,
  '/empty-body.html': page(''),
  '/blank-body.html': page('\n   \n\t  \n'),
  '/frames.html': page(
    [
      `<iframe title="srcdoc" srcdoc="${ARTICLE_BODY.replaceAll('"', '&quot;')}"></iframe>`,
      '<iframe title="blank"></iframe>',
      `<iframe title="data" src="data:text/html,${encodeURIComponent('<p>ketamine in a data URL</p>')}"></iframe>`,
      '<iframe title="sandboxed" sandbox="" src="/article.html"></iframe>',
      '<iframe title="same origin" src="/article.html"></iframe>',
      '<iframe title="javascript" src="javascript:\'<p>anxiety</p>\'"></iframe>',
      '<object title="object" data="/article.html" type="text/html" width="300" height="150"></object>',
      '<embed title="embed" src="/article.html" type="text/html" width="300" height="150">',
      '<p>Plain words around the frames.</p>',
      // A frame the page writes itself, as ad and widget scripts do.
      "<script>const frame = document.querySelector('iframe[title=blank]'); frame.contentDocument.write('<p>depression written into a blank frame</p>'); frame.contentDocument.close();</script>",
    ].join(''),
  ),
  '/replaced-body.html': page(
    '<p>Loading…</p>',
    `<script>window.replaceBody = (html) => { const body = document.createElement('body'); body.innerHTML = html; document.body = body; };</script>`,
  ),
};

// Every occurrence: the tests count the article's terms (the default is the first in each section, decision 040).
const env = useSession({ routes: ROUTES, launch: { preferences: { highlightDensity: 'every' } } });

/** The page's markup without the card's host, should it ever be there. */
const markup = (tab) =>
  tab.evaluate(() => document.documentElement.outerHTML.replace(/<mhx-explainer[\s\S]*<\/mhx-explainer>/u, ''));

// A page whose response never ends: the article is all there, but the document never finishes loading.
let endless;
const openResponses = new Set();
before(async () => {
  endless = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.write(ARTICLE.slice(0, ARTICLE.indexOf('</body>')));
    openResponses.add(response);
  });
  await new Promise((resolve) => endless.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  for (const response of openResponses) response.end();
  endless.closeAllConnections();
  await new Promise((resolve) => endless.close(resolve));
});

test('a page whose load never finishes: no error, nothing changed; read once it finishes', async () => {
  const tab = await env.session.openTab();
  // The load ends only when the server ends the page, below: waited for then, not now.
  const loaded = tab.goto(`http://127.0.0.1:${endless.address().port}/endless.html`, { timeout: 120_000 });
  loaded.catch(() => {});
  await poll(() => tab.evaluate(() => document.querySelectorAll('li').length === 3), {
    message: 'the article to arrive',
  });
  const before = await markup(tab);
  await sleep(1500);
  assert.equal(await markup(tab), before, 'the page is as it arrived');
  assertNoErrors(tab);
  // The server finishes the page: the content script runs, and the article is highlighted.
  for (const response of openResponses) response.end('</body></html>');
  openResponses.clear();
  await loaded;
  await waitForHighlights(tab, { exact: ARTICLE_TERM_COUNT });
  assertNoErrors(tab);
  await tab.close();
});

test('no body, an empty body, a body of white space: no error, nothing changed', async () => {
  for (const name of ['no-body.html', 'empty-body.html', 'blank-body.html']) {
    const tab = await env.session.openTab();
    await tab.goto(env.server.url(name));
    const before = await markup(tab);
    await waitForScan(tab);
    assert.equal(await markup(tab), before, name);
    assert.equal(await highlightCount(tab), 0, name);
    assert.deepEqual(tab.errors, [], name);
    await tab.close();
  }
});

test('frames of every kind: no error anywhere, and an article in a frame of its own is highlighted', async () => {
  const tab = await env.session.openTab();
  await tab.goto(env.server.url('frames.html'));
  const before = await markup(tab);
  const frames = () => tab.frames().filter((frame) => frame.url().endsWith('/article.html'));
  // The plain same-origin iframe, the sandboxed one (scripts off, content scripts on), <object> and <embed>.
  await poll(() => frames().length >= 2, { message: 'the framed articles to load' });
  for (const frame of frames()) await waitForHighlights(frame, { exact: ARTICLE_TERM_COUNT });
  // The top page is not about mental health, and no frame changed it.
  await waitForScan(tab);
  assert.equal(await highlightCount(tab), 0);
  assert.equal(await markup(tab), before);
  assertNoErrors(tab);
  await tab.close();
});

test('a page that replaces its body: the new body is judged and highlighted, the old one forgotten', async () => {
  const tab = await env.session.openTab();
  await tab.goto(env.server.url('replaced-body.html'));
  await waitForScan(tab);
  assert.equal(await highlightCount(tab), 0, 'nothing to highlight yet');
  await tab.evaluate((html) => window.replaceBody(html), ARTICLE_BODY);
  await waitForHighlights(tab, { exact: ARTICLE_TERM_COUNT });
  // And once more, with a page about nothing: the article's highlights go with its body.
  await tab.evaluate(() => window.replaceBody('<p>Mix flour, water, salt and a little yeast.</p>'));
  await poll(async () => (await highlightCount(tab)) === 0, { message: 'the old highlights to go' });
  assertNoErrors(tab);
  await tab.close();
});
