// User path: open an article and see its mental-health terms highlighted, and nothing else.
import assert from 'node:assert/strict';
import { highlightedRanges, hugePage, test, useSession, waitForHighlights, waitForScan } from '../support/e2e.mjs';

/** Every term in tests/fixtures/pages/article.html, by hand, in document order. */
const ARTICLE_TERMS = [
  'ketamine', // h1
  'depression',
  'anxiety',
  'SSRI',
  'SSRIs',
  'Selective Serotonin Reuptake Inhibitors',
  'serotonin',
  'Ketamine',
  'glutamate', // inside <em>
  'ketamine',
  'psychotherapy',
  'psychedelic integration',
  'Ketamine’s', // blockquote
  'psychotherapy',
  'Depression', // list
  'SSRIs',
  'Anxiety',
  'psychedelic integration',
  'serotonin', // the prose one, not the <code> one
  'SSRI',
];

/** Elements whose text must never carry a highlight. */
const SKIPPED = ['script', 'style', 'textarea', 'input', 'code', 'pre', 'noscript', 'template', 'math', 'svg'];

const huge = hugePage();
// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({ routes: { '/huge.html': huge.html }, launch: { preferences: { highlightDensity: 'every' } } });

function assertNothingSkipped(ranges) {
  for (const range of ranges) {
    const inside = range.ancestors.filter((tag) => SKIPPED.includes(tag));
    assert.deepEqual(inside, [], `"${range.text}" is highlighted inside <${inside.join('> <')}>`);
    assert.equal(range.editable, false, `"${range.text}" is highlighted inside an editable element`);
  }
}

test('the article page highlights exactly the expected term occurrences', async () => {
  const page = await env.session.openTab(env.server.url('article.html'));
  await waitForScan(page);
  await waitForHighlights(page, { min: 1 });
  const ranges = await highlightedRanges(page);
  assert.deepEqual(
    ranges.map((range) => range.text),
    ARTICLE_TERMS,
  );
  assertNothingSkipped(ranges);
  for (const range of ranges) assert.ok(range.rect.width > 0 && range.rect.height > 0, `"${range.text}" has a box`);
  await page.screenshot('article-highlights.png');
  await page.close();
});

test('terms inside script, style, textarea, input, contenteditable, code, pre, MathML and SVG are not highlighted', async () => {
  const page = await env.session.openTab(env.server.url('skipped.html'));
  await waitForScan(page);
  const ranges = await highlightedRanges(page);
  assertNothingSkipped(ranges);
  assert.deepEqual(
    ranges.map((range) => range.text),
    [],
  );
  await page.close();
});

test('pages without terms get no highlights', async () => {
  for (const fixture of ['empty.html', 'no-terms.html']) {
    const page = await env.session.openTab(env.server.url(fixture));
    await waitForScan(page);
    assert.deepEqual(await highlightedRanges(page), [], fixture);
    await page.close();
  }
});

test('a 2 MB text node is highlighted completely', async () => {
  const page = await env.session.openTab(env.server.url('huge.html'));
  await waitForScan(page, { timeout: 30_000 });
  const ranges = await highlightedRanges(page);
  assert.equal(ranges.length, huge.expected);
  assert.deepEqual([...new Set(ranges.map((range) => range.text))].sort(), [
    'SSRIs',
    'anxiety',
    'depression',
    'glutamate',
    'ketamine',
    'serotonin',
  ]);
  await page.close();
});
