// Documents that are not one plain HTML page: cross-origin frames, a frameset, XML shown by the
// browser's XML viewer, XHTML, a standalone SVG image and a text/plain file. Each frame is read by
// its own content script and by no other; nothing errors; no document is changed.
import assert from 'node:assert/strict';
import {
  assertNoErrors,
  CARD,
  cardTitle,
  inPlainBrowser,
  sleep,
  test,
  useSession,
  waitForScan,
} from '../support/e2e.mjs';
import { cardOnTop, HOST, highlightTexts, html, ownMarkup, rangeRect, restOn } from './hostile-kit.mjs';

const XML = '<?xml version="1.0"?><notes><note>Ketamine and serotonin</note><note kind="aside">anxiety</note></notes>';
const XHTML =
  '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>XHTML</title></head><body><p>Glutamate and SSRIs in XHTML.</p>' +
  // Its HTML elements' tag names are lower case: code is still skipped, and formatting still read across.
  '<p>Some <code>ketamine</code> in code, and selective <em>serotonin</em> reuptake inhibitors.</p></body></html>';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><title>ketamine chart</title><text x="10" y="50">ketamine and anxiety</text></svg>';
const PLAIN = 'Notes on ketamine, serotonin and SSRIs.\nA plain text file, shown as the browser shows it.\n';

// Filled in once the server has a port: the frames point at the other origin.
const ROUTES = {
  '/inner.html': html('<p>Psychotherapy inside the frame, and depression.</p>'),
  '/left.html': html('<p>Serotonin on the left.</p>'),
  '/doc.xml': { body: XML, headers: { 'content-type': 'application/xml' } },
  '/doc.xhtml': { body: XHTML, headers: { 'content-type': 'application/xhtml+xml' } },
  '/image.svg': { body: SVG, headers: { 'content-type': 'image/svg+xml' } },
  '/notes.txt': { body: PLAIN, headers: { 'content-type': 'text/plain; charset=utf-8' } },
};

const env = useSession({
  routes: ROUTES,
  launch: { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } },
  plain: true,
  setUp: () => {
    // 127.0.0.1 and localhost are different sites: the frames below are cross-origin, out of process.
    const other = (path) => env.server.url(path, 'localhost');
    ROUTES['/outer.html'] = html(
      `<p>Glutamate on the outer page.</p><iframe title="inner" src="${other('inner.html')}" width="600" height="160"></iframe>` +
        '<script>window.messages = []; addEventListener("message", (event) => { if (event.source !== window) messages.push(String(event.origin)); });</script>',
    );
    ROUTES['/frames.html'] =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Frameset</title></head><frameset cols="50%,50%"><frame src="/left.html"><frame src="${other('inner.html')}"></frameset></html>`;
  },
});

/** The document's markup in a browser without the extension: what it must still be with it. */
const plainMarkup = (path) => inPlainBrowser(env, path, ownMarkup);

test('a cross-origin frame is read by its own content script; nothing crosses the frame boundary', async () => {
  const page = await env.session.openTab(env.server.url('outer.html'));
  const inner = await page.frame('/inner.html');
  assert.equal(new URL(inner.url()).hostname, 'localhost');
  await Promise.all([waitForScan(page), waitForScan(inner)]);
  assert.deepEqual(await highlightTexts(page), ['Glutamate'], 'the outer page holds its own terms only');
  assert.deepEqual(await highlightTexts(inner), ['Psychotherapy', 'depression'], 'the frame is highlighted');

  // Its card opens in the frame's own document, placed with the frame's coordinates.
  const origin = await page.frameOrigin('iframe');
  const local = await rangeRect(inner.evaluate.bind(inner), 'depression');
  await restOn(page, { ...local, x: local.x + origin.x, y: local.y + origin.y });
  await inner.waitFor(CARD, { timeout: 30_000 });
  assert.equal(await cardTitle(inner), 'Depression');
  assert.ok(await cardOnTop(inner));
  assert.equal(await page.evaluate((host) => document.querySelector(host), HOST), null, 'no host in the outer page');

  assert.deepEqual(await page.evaluate(() => window.messages), [], 'the frame posted nothing to the outer page');
  assert.equal(await ownMarkup(page), await plainMarkup('outer.html'));
  assert.equal(await ownMarkup(inner), await plainMarkup('inner.html'));
  assertNoErrors(page);
  await page.close();
});

test('a frameset: each frame, same-origin or not, is highlighted; the frameset itself has nothing to read', async () => {
  const page = await env.session.openTab(env.server.url('frames.html'));
  const [left, right] = await Promise.all([page.frame('/left.html'), page.frame('/inner.html')]);
  await Promise.all([waitForScan(page), waitForScan(left), waitForScan(right)]);
  assert.deepEqual(await highlightTexts(page), []);
  assert.deepEqual(await highlightTexts(left), ['Serotonin']);
  assert.deepEqual(await highlightTexts(right), ['Psychotherapy', 'depression']);
  const origin = await page.frameOrigin('frame');
  const local = await rangeRect(left.evaluate.bind(left), 'Serotonin');
  await restOn(page, { ...local, x: local.x + origin.x, y: local.y + origin.y });
  await left.waitFor(CARD, { timeout: 30_000 });
  assert.equal(await cardTitle(left), 'Serotonin');
  assert.equal(await ownMarkup(page), await plainMarkup('frames.html'));
  assertNoErrors(page);
  await page.close();
});

test('XML in the browser’s viewer: the shown tree is highlighted once, not its hidden source; no card, no error', async () => {
  const page = await env.session.openTab(env.server.url('doc.xml'));
  await waitForScan(page);
  assert.deepEqual(await highlightTexts(page), ['Ketamine', 'anxiety', 'serotonin']);
  const visible = await page.evaluate(() =>
    [...CSS.highlights.get('mhx-term')].every((range) => range.getClientRects().length > 0),
  );
  assert.ok(visible, 'every highlighted term is one the reader can see');
  // The viewer's page is still an XML document, where a new element is not an HTML element and
  // cannot hold a shadow root: no card here, and no error either.
  assert.equal(await page.evaluate(() => document.createElement('x-probe').namespaceURI), null);
  await restOn(page, await rangeRect(page.evaluate.bind(page), 'anxiety'));
  await sleep(1000);
  assert.equal(await page.count(CARD), 0);
  assert.equal(await ownMarkup(page), await plainMarkup('doc.xml'));
  assertNoErrors(page);
  await page.close();
});

test('XHTML is read like HTML, card included', async () => {
  const page = await env.session.openTab(env.server.url('doc.xhtml'));
  await waitForScan(page);
  assert.deepEqual(await highlightTexts(page), ['Glutamate', 'SSRIs', 'selective serotonin reuptake inhibitors']);
  await restOn(page, await rangeRect(page.evaluate.bind(page), 'SSRIs'));
  await page.waitFor(CARD, { timeout: 30_000 });
  assert.equal(await cardTitle(page), 'SSRI');
  assert.equal(await ownMarkup(page), await plainMarkup('doc.xhtml'));
  assertNoErrors(page);
  await page.close();
});

test('a standalone SVG image and a text/plain file are left alone without an error', async () => {
  // SVG text is drawing, not prose (as inside HTML pages); a text/plain file is shown in a <pre>,
  // and is as often a log, data or code as prose: neither is highlighted.
  for (const path of ['image.svg', 'notes.txt']) {
    const page = await env.session.openTab(env.server.url(path));
    await waitForScan(page);
    assert.deepEqual(await highlightTexts(page), [], path);
    assert.equal(await ownMarkup(page), await plainMarkup(path), path);
    assert.deepEqual(page.errors, [], path);
    await page.close();
  }
});
