import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '@/content/glossary';
import { sectionLookup } from '@/page/scan/section-start';
import { TermHighlighter } from '@/page/scan/term-highlighter';
import { scanForTerms, type TermScannerOptions } from '@/page/scan/term-scanner';
import { textRuns } from '@/page/scan/text-runs';
import { compileGlossary } from '@/utils/glossary-compiler';
import { createTermMatcher } from '@/utils/term-matcher';

const fixtures = import.meta.glob<string>('@/tests/fixtures/dom/*.html', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const matcher = createTermMatcher(compileGlossary(glossary));

/** Scans with a fresh highlighter and no pauses; `options` overrides any of the scan's options. */
async function scan(root: Node, options: Partial<TermScannerOptions> = {}) {
  const highlighter = new TermHighlighter('test-term');
  await scanForTerms([root], {
    matcher,
    highlighter,
    ownHostTag: 'mhx-explainer',
    yieldToPage: async () => true,
    sliceMs: 0,
    ...options,
  });
  return highlighter;
}

const texts = (highlighter: TermHighlighter) => [...highlighter].map((term) => term.range.toString());

afterEach(() => {
  document.body.innerHTML = '';
});

describe.each(Object.entries(fixtures))('%s', (_name, html) => {
  it('highlights exactly what its data-expect lists, leaving the markup unchanged', async () => {
    document.body.innerHTML = html;
    const before = document.body.innerHTML;
    const expectation = document.querySelector('[data-expect]')?.getAttribute('data-expect') ?? '';
    const highlighter = await scan(document.body);
    expect(texts(highlighter).map((text) => text.replace(/[\u00ad\u200b]/gu, ''))).toEqual(
      expectation === '' ? [] : expectation.split('|'),
    );
    expect(document.body.innerHTML).toBe(before);
  });
});

describe('scanning', () => {
  it('reads open shadow roots', async () => {
    document.body.innerHTML = '<p>serotonin</p><div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate in a shadow root</p>';
    expect(texts(await scan(document.body))).toEqual(['serotonin', 'glutamate']);
  });

  it('reads the block on screen first, then the rest, each run once', async () => {
    document.body.innerHTML =
      '<p>ketamine</p><section id="seen"><p>serotonin <em>and</em> glutamate</p></section><p>anxiety</p>';
    const highlighter = await scan(document.body, { startAt: document.getElementById('seen') });
    expect(texts(highlighter)).toEqual(['serotonin', 'glutamate', 'anxiety', 'ketamine']);
  });

  it('highlights each term once on the page with "first on the page"', async () => {
    document.body.innerHTML = '<p>SSRIs and SSRIs</p><h2>Next</h2><p>ketamine, SSRI, ketamine</p>';
    expect(texts(await scan(document.body, { placeOf: () => document }))).toEqual(['SSRIs', 'ketamine']);
  });

  it('highlights each term once per section with "first in each section", headings included', async () => {
    document.body.innerHTML = [
      '<p>SSRIs and SSRIs before any heading</p>',
      '<h1>Ketamine and SSRIs</h1>',
      '<p>ketamine, SSRI, ketamine</p>',
      '<div class="mw-heading"><h2>Serotonin</h2></div>',
      '<p>serotonin and SSRIs</p><p>SSRIs and serotonin again</p>',
      '<div role="heading" aria-level="3">Notes</div>',
      '<p>serotonin</p><div id="host"></div>',
    ].join('');
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<h4>ignored heading</h4><p>SSRI and serotonin in a shadow root</p>';
    const highlighter = await scan(document.body, { placeOf: sectionLookup(document) });
    expect(texts(highlighter)).toEqual(['SSRIs', 'Ketamine', 'SSRIs', 'Serotonin', 'SSRIs', 'serotonin', 'SSRI']);
  });

  it('re-reading a section after a change keeps one occurrence per term there', async () => {
    document.body.innerHTML = '<h2>One</h2><p id="a">ketamine</p><p id="b">ketamine</p><h2>Two</h2><p>ketamine</p>';
    const highlighter = await scan(document.body, { placeOf: sectionLookup(document) });
    expect(texts(highlighter)).toEqual(['ketamine', 'ketamine']);
    const first = document.getElementById('a') as HTMLElement;
    highlighter.removeWithin(new Set([first]));
    first.remove();
    // The second paragraph is now the section's first: read again, it gets the highlight.
    await scanForTerms([document.getElementById('b') as Node], {
      matcher,
      highlighter,
      ownHostTag: 'mhx-explainer',
      placeOf: sectionLookup(document),
      yieldToPage: async () => true,
      sliceMs: 0,
    });
    expect([...highlighter].map((term) => (term.range.startContainer.parentNode as Element).id || 'two')).toEqual([
      'two',
      'b',
    ]);
  });

  it('never highlights a hidden term', async () => {
    document.body.innerHTML = '<p>SSRIs, ketamine and serotonin</p>';
    const hidden = new Set(['ssri', 'serotonin']);
    expect(texts(await scan(document.body, { isHidden: (id) => hidden.has(id) }))).toEqual(['ketamine']);
  });

  it('leaves design-mode documents alone', async () => {
    document.body.innerHTML = '<p>ketamine</p>';
    document.designMode = 'on';
    try {
      expect(texts(await scan(document.body))).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });

  it('stops when told to between slices', async () => {
    document.body.innerHTML = '<p>ketamine</p><p>serotonin</p>';
    const highlighter = new TermHighlighter('test-term');
    const outcome = await scanForTerms([document.body], {
      matcher,
      highlighter,
      ownHostTag: 'mhx-explainer',
      yieldToPage: async () => false,
      sliceMs: -1,
    });
    expect(outcome.status).toBe('stopped');
    expect(texts(highlighter)).toEqual(['ketamine']);
  });

  it('maps a caret inside or at the end of a term back to it, across nodes', async () => {
    document.body.innerHTML = '<p>take <b>selective <em>serotonin</em> reuptake</b> inhibitors</p>';
    const highlighter = await scan(document.body);
    const em = document.querySelector('em')?.firstChild as Text;
    expect(highlighter.termsAround(em, 3).map((term) => term.termId)).toEqual(['ssri']);
    const take = document.querySelector('p')?.firstChild as Text;
    expect(highlighter.termsAround(take, 1)).toEqual([]);
  });

  it('forgets terms whose text left the page, and those in blocks to be read again', async () => {
    document.body.innerHTML = '<p id="a">ketamine</p><p id="b">serotonin</p><p id="c">glutamate</p>';
    const highlighter = await scan(document.body);
    document.getElementById('a')?.remove();
    highlighter.removeWithin(new Set([document.getElementById('c') as Node]));
    expect(texts(highlighter)).toEqual(['serotonin']);
    expect(highlighter.termCounts()).toEqual({ serotonin: 1 });
  });
});

describe('finding every open shadow root', () => {
  it.each([
    ['an empty custom element', '<x-widget id="host"></x-widget>'],
    ['a custom element holding only elements', '<x-card id="host"><img alt=""><x-icon></x-icon></x-card>'],
    ['an empty div', '<div id="host"></div>'],
    ['a div with light text', '<div id="host">slotted words</div>'],
    ['a span with only white space', '<p><span id="host"> </span></p>'],
    ['a section holding only elements', '<section id="host"><span></span><img alt=""></section>'],
    ['the scan root itself', '<section id="host"></section>'],
    [
      'a custom element in formatting that hides text',
      '<span><x-card id="host"><span><span aria-hidden="true"></span></span></x-card></span>',
    ],
  ])('reads the shadow root of %s', async (name, html) => {
    document.body.innerHTML = html;
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate</p>';
    const root = name === 'the scan root itself' ? host : document.body;
    expect(texts(await scan(root))).toContain('glutamate');
  });

  it('leaves shadow roots inside skipped content alone', async () => {
    document.body.innerHTML = '<div contenteditable="true"><x-widget id="host"></x-widget></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate</p>';
    expect(texts(await scan(document.body))).toEqual([]);
  });
});

describe('reading only the blocks that may hold a term', () => {
  const counts = async (root: Node) => (await scan(root)).termCounts();
  const paragraphs = (count: number, html: string) => Array.from({ length: count }, () => html).join('');

  it.each([
    ['in a paragraph', '<p>sero<span aria-hidden="true">xx</span>tonin</p>'],
    ['among the root’s own text', '<p>x</p>sero<span aria-hidden="true">xx</span>tonin<p>y</p>'],
    ['deep in inline formatting', '<p>x</p><em>sero<span aria-hidden="true">xx</span></em>tonin'],
    [
      'in a block too big to fetch whole',
      `<div>${paragraphs(300, '<p><b>plain</b></p>')}<p>sero<i aria-hidden="true">xx</i>tonin</p></div>`,
    ],
  ])('reads a term across hidden inline text %s, as the page reads it', async (_name, html) => {
    document.body.innerHTML = html;
    expect(await counts(document.body)).toEqual({ serotonin: 1 });
  });

  it.each([
    [
      'white space only between them: the line breaks are stepped over, inline formatting read as a line',
      '\n',
      '<b>selective</b> <i>serotonin</i> <span>reuptake inhibitor</span>',
      'selective serotonin reuptake inhibitor|SSRI',
      0,
    ],
    ['text of its own among them: every child is read', '\n', 'ketamine', 'ketamine|SSRI', 300],
    ['non-breaking spaces between them: every child is read', '\u00a0', '', 'SSRI', 300],
  ])('blocks in a block too big to fetch whole, %s', async (_name, between, after, expected, countedBetween) => {
    document.body.innerHTML = `<main>${paragraphs(300, `<p><b>plain</b></p>${between}`)}${after}<p>SSRI</p></main>`;
    let characters = 0;
    const highlighter = await scan(document.body, {
      onTextRead: (read) => {
        characters += read;
      },
    });
    expect(texts(highlighter).join('|')).toBe(expected);
    // What is between the blocks counts as text only where it was read.
    const withoutBetween = (document.body.textContent?.length ?? 0) - 300 * between.length;
    expect(characters).toBe(withoutBetween + countedBetween * between.length);
  });

  it('finds terms and shadow roots deep in a block too big to fetch whole', async () => {
    document.body.innerHTML = `<section>${paragraphs(300, '<p>plain <b>words</b></p>')}<div><p>ketamine</p><span id="host"></span></div></section>`;
    (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate</p>';
    expect(await counts(document.body)).toEqual({ ketamine: 1, glutamate: 1 });
  });

  it('reads the shadow root of a span among the root’s own text', async () => {
    document.body.innerHTML = 'words <b><span id="host"></span></b> more';
    (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate</p>';
    expect(await counts(document.body)).toEqual({ glutamate: 1 });
  });

  it('starts deep inside a big block, reading each run and shadow root once', async () => {
    document.body.innerHTML = `<p>ketamine</p><div id="host"><section>${paragraphs(300, '<p><b>plain</b></p>')}<p id="seen">serotonin</p><p>anxiety</p></section></div>`;
    (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate</p>';
    const highlighter = await scan(document.body, { startAt: document.getElementById('seen') });
    expect(texts(highlighter)).toEqual(['serotonin', 'anxiety', 'ketamine', 'glutamate']);
  });

  it('reads closely only the parts of a small block that may hold a term', () => {
    document.body.innerHTML =
      '<article><h2>Plain title</h2><p>plain words</p><div><p>more plain</p><p>about <em>ketamine</em> here</p></div>a line <b>with</b> SSRI</article>';
    const read = [...textRuns(document.body, { ownHostTag: 'mhx-explainer', mayHoldTerm: matcher.mayMatch })];
    expect(read.flatMap((run) => (run ? [run.text] : []))).toEqual(['about ketamine here', 'a line with SSRI']);
  });

  it('fetches a long text wrapped many times only a few times over', async () => {
    const long = `ketamine ${'plain words '.repeat(5_000)}`;
    document.body.innerHTML = `${'<div><p>plain</p>'.repeat(100)}<p>${long}</p>${'</div>'.repeat(100)}`;
    const getter = Object.getOwnPropertyDescriptor(Element.prototype, 'textContent')?.get as () => string;
    let fetched = 0;
    // happy-dom builds an element's text from its children's: count only the scan's own calls.
    let depth = 0;
    const spy = vi.spyOn(Element.prototype, 'textContent', 'get').mockImplementation(function (this: Element) {
      depth++;
      const text = getter.call(this);
      depth--;
      if (depth === 0) fetched += text.length;
      return text;
    });
    try {
      expect((await scan(document.body)).termCounts()).toEqual({ ketamine: 1 });
    } finally {
      spy.mockRestore();
    }
    expect(fetched).toBeGreaterThan(0);
    expect(fetched).toBeLessThan(long.length * 40);
  });

  it('reports each shadow root once in a small block that may hold a term', async () => {
    document.body.innerHTML = '<article><p>SSRI</p><div><span id="host"></span><p>ketamine</p></div></article>';
    (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate</p>';
    let reported = 0;
    const highlighter = await scan(document.body, {
      onShadowRoot: () => {
        reported++;
      },
    });
    expect(reported).toBe(1);
    expect(highlighter.termCounts()).toEqual({ ssri: 1, ketamine: 1, glutamate: 1 });
  });

  it.each([
    ['a long stretch without terms', paragraphs(2000, '<p>plain words</p>'), 10],
    ['fetching much text without terms', paragraphs(10, `<p>${'plain words '.repeat(10_000)}</p>`), 2],
  ])('gives the main thread back during %s', async (_name, html, fewestPauses) => {
    document.body.innerHTML = `${html}<p>ketamine</p>`;
    let pauses = 0;
    const highlighter = await scan(document.body, {
      yieldToPage: async () => {
        pauses++;
        return true;
      },
      sliceMs: -1,
    });
    expect(pauses).toBeGreaterThan(fewestPauses);
    expect(texts(highlighter)).toEqual(['ketamine']);
  });

  it.each([
    [
      'in blocks',
      '<p>one two</p><script>var ketamine = 1;</script><section><p>three <b>SSRI</b></p><pre>code</pre></section>',
      'one two' + 'three SSRI',
    ],
    [
      'in the root’s own lines',
      'one two <a>three <svg><title>icon</title></svg>SSRI</a><script>var x;</script>',
      'one two three SSRI',
    ],
    [
      'in a block read closely in parts',
      '<article><p>one</p><div><p>two SSRI</p>three <i>four</i><code>x</code></div></article>',
      'one' + 'two SSRI' + 'three four',
    ],
  ])('counts the text a reader sees %s, passed over or read, and not scripts or code', async (_name, html, seen) => {
    document.body.innerHTML = html;
    let characters = 0;
    await scan(document.body, {
      onTextRead: (read) => {
        characters += read;
      },
    });
    expect(characters).toBe(seen.length);
  });
});
