import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compiledGlossary } from '@/content/compiled-glossary';
import { FIRST_RUN_SAMPLE, firstRunSample } from '@/content/first-run-sample';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';
import { FIRST_RUN_PAGE, openFirstRunPage } from '@/extension/first-run';
import { createTermMatcher } from '@/utils/term-matcher';

describe('openFirstRunPage', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['install', true],
    ['update', false],
    ['browser_update', false],
    ['chrome_update', false],
    ['shared_module_update', false],
  ])('after "%s": opened %s', async (reason, opened) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openFirstRunPage(reason)).toBe(opened);
    expect(create).toHaveBeenCalledTimes(opened ? 1 : 0);
    if (opened) expect(create.mock.calls[0]?.[0].url).toMatch(new RegExp(`${FIRST_RUN_PAGE}$`, 'u'));
  });

  it('opens once per installation, even when the browser reports the install again', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openFirstRunPage('install')).toBe(true);
    expect(await openFirstRunPage('install')).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('still opens when storage refuses to remember it', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openFirstRunPage('install')).toBe(true);
    expect(create).toHaveBeenCalledTimes(1);
  });
});

describe("the first-run page's sample paragraph", () => {
  it('is a paragraph of the series, word for word, with its source', () => {
    const sample = firstRunSample(series);
    expect(sample?.source).toBe('Part I, Beyond Daily Medication');
    const section = series
      .find((part) => part.id === FIRST_RUN_SAMPLE.part)
      ?.sections.find((candidate) => candidate.id === FIRST_RUN_SAMPLE.section);
    expect(section?.text).toContain(sample?.text);
  });

  it('holds several different terms to try', () => {
    const text = firstRunSample(series)?.text ?? '';
    const terms = new Set(
      createTermMatcher(compiledGlossary)
        .findAll(text)
        .map((match) => match.termId),
    );
    expect(terms.size).toBeGreaterThanOrEqual(3);
    for (const id of terms) expect(glossary.some((entry) => entry.id === id)).toBe(true);
  });

  it('is null when the series no longer has it', () => {
    expect(firstRunSample(series, { part: 'part-1', section: 'gone', block: 0, item: 0 })).toBeNull();
    expect(firstRunSample([], FIRST_RUN_SAMPLE)).toBeNull();
  });
});
