// Pages under load, for what tests/e2e/bad-input.test.mjs does not look at: whether the page stays
// its own while the extension works — keystrokes typed during the scan of a 5 MB text node or of
// 200,000 elements all arrive, the page keeps drawing frames, a card opens on the very last term —
// and whether a page rewriting its body every 16 ms keeps its own animation frames and its text.
// The figures are printed (`hostile-figure:`), not asserted: they depend on the machine.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  assertNoErrors,
  CARD,
  cardTitle,
  highlightCount,
  hugePage,
  openCardOn,
  poll,
  test,
  useSession,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';
import {
  figure,
  framesBetween,
  html,
  longTasksBetween,
  longTasksFigure,
  measuredWork,
  ownMarkup,
  PAGE_METER,
  percent,
  rangeRect,
  restOn,
} from './hostile-kit.mjs';

const TYPED = 'typed during the scan: every key, in order, 0123456789.';
// When each keystroke reached the page, on the page's clock: which of them fell inside the scan.
const INPUT =
  '<input id="typing" aria-label="Type here" size="80" oninput="(window.keyTimes ??= []).push(performance.now())">';

const huge = hugePage({ bytes: 5 * 1024 * 1024 });
const HUGE = huge.html.replace('<title>', `${PAGE_METER}<title>`).replace('<body>', `<body>${INPUT}`);
const ELEMENTS = 200_000;
const MANY = html(
  INPUT +
    Array.from({ length: ELEMENTS }, (_, index) =>
      index % 1000 === 999 ? `<div>glutamate no. ${(index + 1) / 1000}</div>` : '<div>x</div>',
    ).join(''),
  { head: PAGE_METER },
);
const REWRITING = html('', {
  head: `${PAGE_METER}<script>
    window.ticks = 0;
    window.written = '';
    addEventListener('DOMContentLoaded', () => {
      window.rewriter = setInterval(() => {
        written = '<p>Tick ' + ticks++ + ': SSRIs and anxiety</p><p>psychotherapy</p>';
        document.body.innerHTML = written;
      }, 16);
    });
  </script>`,
});

const env = useSession({
  routes: { '/huge.html': HUGE, '/many.html': MANY, '/rewriting.html': REWRITING },
  launch: { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } },
});

const hash = (text) => createHash('sha256').update(text).digest('hex');

/**
 * Loads a big page, types into its field while the first scan runs, and reports how the page fared
 * during the scan. Returns the tab once the scan is done and the typing checked.
 */
async function typeDuringScan(name, path, timeout = 120_000) {
  const page = await env.session.openTab();
  await page.goto(env.server.url(path), { waitUntil: 'domcontentloaded', timeout });
  const before = hash(await ownMarkup(page));
  await page.focus('#typing');
  await page.type(TYPED);
  await waitForScan(page, { timeout });
  assert.equal(await page.property('#typing', 'value'), TYPED, 'every keystroke arrived, in order');
  assert.equal(await page.evaluate(() => document.getElementById('typing').selectionStart), TYPED.length);

  const scan = await page.evaluate(() => {
    const [entry] = performance.getEntriesByName('mhx:scan', 'measure');
    return { start: entry.startTime, duration: entry.duration };
  });
  const work = await measuredWork(page, ['mhx:scan-work']);
  const frames = await framesBetween(page, scan.start, scan.start + scan.duration);
  const tasks = await longTasksBetween(page, scan.start, scan.start + scan.duration);
  const keysDuringScan = await page.evaluate(
    ({ start, end }) => window.keyTimes.filter((time) => time >= start && time <= end).length,
    { start: scan.start, end: scan.start + scan.duration },
  );
  figure(`${name}: first scan, start to end`, `${scan.duration.toFixed(0)} ms`);
  figure(`${name}: first scan, own work`, `${work.total.toFixed(0)} ms (${percent(work.total, scan.duration)} of it)`);
  figure(`${name}: page frames during the scan`, `${frames.count}, longest gap ${frames.longestGap.toFixed(0)} ms`);
  figure(`${name}: runs of the page's own 25 ms timer during the scan`, frames.timers);
  figure(`${name}: long tasks during the scan`, longTasksFigure(tasks));
  figure(`${name}: keystrokes that arrived while the scan ran`, `${keysDuringScan} of ${TYPED.length}`);
  // Work of many slices that let no frame or timer through would have frozen the page. The guard
  // is on our own work, not on the scan's span: the browser laying out and painting a huge page can
  // stretch a short scan over a long frame, with no timer due inside it.
  if (work.total > 200) {
    assert.ok(frames.count > 0, 'the page drew frames while the scan ran');
    assert.ok(frames.timers > 0, 'the page’s own timers ran while the scan ran');
  }
  assert.equal(hash(await ownMarkup(page)), before, 'the page is as it was (the typed value is not markup)');
  return page;
}

test('a 5 MB text node: typing during the scan loses nothing, and the last term gets its card', async () => {
  const page = await typeDuringScan('5 MB text node', 'huge.html');
  await waitForHighlights(page, { exact: huge.expected });
  // The last occurrence, some five million characters in.
  const last = await page.evaluate(() => {
    const ranges = [...CSS.highlights.get('mhx-term')];
    let latest = ranges[0];
    for (const range of ranges) if (range.compareBoundaryPoints(Range.START_TO_START, latest) > 0) latest = range;
    const text = latest.toString();
    return { text, nth: ranges.filter((range) => range.toString() === text).length - 1 };
  });
  await restOn(page, await rangeRect(page.evaluate.bind(page), last.text, last.nth));
  await page.waitFor(CARD, { timeout: 30_000 });
  assert.equal((await cardTitle(page)).toLowerCase(), last.text.toLowerCase().replace(/s$/u, ''));
  assertNoErrors(page);
  await page.close();
});

test('200,000 elements: typing during the scan loses nothing, and the last term gets its card', async () => {
  const page = await typeDuringScan('200,000 elements', 'many.html');
  await waitForHighlights(page, { exact: ELEMENTS / 1000 });
  await openCardOn(page, 'glutamate', ELEMENTS / 1000 - 1);
  assert.equal(await cardTitle(page), 'Glutamate');
  assertNoErrors(page);
  await page.close();
});

test('a body rewritten every 16 ms keeps its own frames and its text; reads stay batched', async () => {
  const page = await env.session.openTab(env.server.url('rewriting.html'));
  await waitForHighlights(page, { exact: 3 });
  const start = await page.evaluate(() => ({ ticks: window.ticks, now: performance.now() }));
  const rescansBefore = (await measuredWork(page, ['mhx:rescan-work'])).count;
  await poll(async () => (await page.evaluate(() => window.ticks)) >= start.ticks + 150, {
    timeout: 60_000,
    message: '150 rewrites',
  });
  const end = await page.evaluate(() => ({ ticks: window.ticks, now: performance.now() }));
  const rewrites = end.ticks - start.ticks;
  const wall = end.now - start.now;
  const work = await measuredWork(page, ['mhx:rescan-work'], start.now);
  const rescans = (await measuredWork(page, ['mhx:rescan-work'])).count - rescansBefore;
  const frames = await framesBetween(page, start.now, end.now);
  const tasks = await longTasksBetween(page, start.now, end.now);
  figure('rewrite every 16 ms: rewrites per second held', (rewrites / (wall / 1000)).toFixed(1));
  figure(
    'rewrite every 16 ms: page frames per second',
    `${(frames.count / (wall / 1000)).toFixed(1)}, longest gap ${frames.longestGap.toFixed(0)} ms`,
  );
  figure('rewrite every 16 ms: rescans', `${rescans} for ${rewrites} rewrites`);
  figure('rewrite every 16 ms: extension main-thread share', percent(work.total, wall));
  figure('rewrite every 16 ms: long tasks', longTasksFigure(tasks));
  // Counts against counts, both on the page's clock: the page draws about as often as it rewrites,
  // and the extension reads a few of the rewrites, not each one.
  assert.ok(frames.count >= rewrites / 3, `${frames.count} frames for ${rewrites} rewrites`);
  assert.ok(rescans <= rewrites / 2, `${rescans} rescans for ${rewrites} rewrites`);

  const written = await page.evaluate(() => {
    clearInterval(window.rewriter);
    return window.written;
  });
  assert.equal(await page.evaluate(() => document.body.innerHTML), written, 'the body is what the page wrote');
  await poll(async () => (await highlightCount(page)) === 3, { message: 'the last body to be highlighted' });
  assertNoErrors(page);
  await page.close();
});
