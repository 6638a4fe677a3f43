import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compiledGlossary } from '@/content/compiled-glossary';
import { PageExplainer } from '@/page/page-explainer';
import { textRuns } from '@/page/scan/text-runs';
import { createTermMatcher } from '@/utils/term-matcher';

const matcher = createTermMatcher(compiledGlossary);

/** Every pause of a scan is a point where the page may change; the test says how. */
let changeDuringPause: () => void = () => {};
vi.mock('@/page/scan/yield-to-page', () => ({
  yieldToPage: async () => {
    changeDuringPause();
    changeDuringPause = () => {};
  },
}));

const FEED =
  '<main><div id="feed">' +
  ['one', 'two', 'three', 'four', 'five']
    .map((word) => `<article id="${word}"><p>ketamine ${word}</p></article>`)
    .join('') +
  '</div><p>SSRI after the feed</p></main>';

const remove = (...ids: string[]) => {
  for (const id of ids) document.getElementById(id)?.remove();
};

afterEach(() => {
  document.body.innerHTML = '';
  changeDuringPause = () => {};
  vi.restoreAllMocks();
});

describe('a page that removes what the scan reads next, while it pauses', () => {
  it.each([
    [
      'the next block',
      ['two'],
      ['ketamine one', 'ketamine three', 'ketamine four', 'ketamine five', 'SSRI after the feed'],
      [],
    ],
    ['the next block and the one read last', ['one', 'two'], ['ketamine one', 'SSRI after the feed'], ['feed']],
  ])('goes on after removing %s', (_name, removedIds, expectedRuns, lostIds) => {
    document.body.innerHTML = FEED;
    const lost: string[] = [];
    const runs: string[] = [];
    for (const run of textRuns(document.body, {
      ownHostTag: 'mhx-explainer',
      mayHoldTerm: matcher.mayMatch,
      onPlaceLost: (parent) => lost.push((parent as Element).id),
    })) {
      if (run === null) continue;
      runs.push(run.text);
      // The caller pauses after the first run, and the page changes meanwhile.
      if (runs.length === 1) remove(...removedIds);
    }
    expect(runs).toEqual(expectedRuns);
    expect(lost).toEqual(lostIds);
  });

  it('goes on after removing the next block among many, stepped over the white space between them', () => {
    const items = Array.from({ length: 300 }, (_, index) =>
      index % 100 === 0 ? `<p id="item${index}">SSRI ${index}</p>` : `<p id="item${index}">plain</p>`,
    );
    document.body.innerHTML = `<main>${items.join('\n')}</main>`;
    const runs: string[] = [];
    for (const run of textRuns(document.body, { ownHostTag: 'mhx-explainer', mayHoldTerm: matcher.mayMatch })) {
      if (run === null) continue;
      runs.push(run.text);
      if (runs.length === 1) remove('item1');
    }
    expect(runs).toEqual(['SSRI 0', 'SSRI 100', 'SSRI 200']);
  });

  it('reads again, whole, a block whose place the scan lost', async () => {
    document.body.innerHTML = FEED;
    // Every slice is over at once, so the scan pauses after each run.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    changeDuringPause = () => remove('one', 'two');
    const ctx = new ContentScriptContext('lost-place-test');
    const explainer = new PageExplainer(ctx, {
      prefix: 'mhx',
      matcher,
      onReadMore: () => {},
    });
    try {
      explainer.enable();
      await vi.waitFor(() => expect(explainer.termCounts()).toEqual({ ketamine: 3, ssri: 1 }), { timeout: 10_000 });
    } finally {
      ctx.abort();
    }
  });
});
