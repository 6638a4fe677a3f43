import { describe, expect, it } from 'vitest';
import { glossarySpellings } from '@/content/compiled-glossary';
import { glossary } from '@/content/glossary';
import { compileGlossary } from '@/utils/glossary-compiler';
import { createTermMatcher } from '@/utils/term-matcher';
import { createTextTermCounter, spellingsOf, visibleCharacters } from '@/utils/text-term-counts';

const count = createTextTermCounter(glossarySpellings);
const matcher = createTermMatcher(compileGlossary(glossary));

describe('createTextTermCounter: the gate’s count of a page’s text fetched at once', () => {
  it.each([
    ['nothing of the glossary', 'The weather, the garden and the week ahead.', {}],
    ['terms and their plurals', 'SSRIs, depression and anxiety; more anxiety.', { ssri: 1, depression: 1, anxiety: 2 }],
    // Two list items fetched at once read "AnxietyDepression": a scan reads each on its own line.
    ['blocks joined without a space', 'AnxietyDepression', { anxiety: 1, depression: 1 }],
    // Exclusions and word edges only take matches away: the gate counts what a scan might find.
    ['a phrase that rules the term out', 'the Great Depression', { depression: 1 }],
    ['a word inside another', 'antidepressant', { depression: 0 }],
    ['a spelling inside a longer one', 'selective serotonin reuptake inhibitor', { ssri: 1, serotonin: 1 }],
    ['across soft hyphens and zero-width spaces', 'keta\u00admine and sero\u200btonin', { ketamine: 1, serotonin: 1 }],
    ['acronyms in any case', 'ssri', { ssri: 1 }],
  ])('%s', (_what, text, expected) => {
    const counts = count(text);
    for (const [termId, n] of Object.entries(expected)) expect(counts[termId] ?? 0).toBe(n);
    if (Object.keys(expected).length === 0) expect(counts).toEqual({});
  });

  it('adds to counts it is given: text added later counts on top', () => {
    const counts = count('anxiety');
    expect(count('anxiety and SSRIs', counts)).toEqual({ anxiety: 2, ssri: 1 });
  });

  it('never counts fewer of a term than the matcher finds, on text a scan reads as one run', () => {
    const texts = [
      'Ketamine therapy and SSRIs (selective serotonin reuptake inhibitors) for depression, anxiety, psychotherapy.',
      'Respiratory depression is not depression; the Great Depression-era economy; ST depression.',
      'Introspective introspection, brain chemistry, daily medication, holistic healing, symptomatic relief.',
      'ketamine therapyé, SSRI-based, ssri, Glutamate pathways, psychedelic  integration.',
    ];
    for (const text of texts) {
      const gate = count(text);
      const found: Record<string, number> = {};
      for (const match of matcher.findAll(text)) found[match.termId] = (found[match.termId] ?? 0) + 1;
      for (const [termId, n] of Object.entries(found))
        expect(gate[termId] ?? 0, `${termId} in ${text}`).toBeGreaterThanOrEqual(n);
    }
  });

  it('counts nothing with an empty glossary', () => {
    expect(createTextTermCounter(spellingsOf(compileGlossary([])))('ketamine')).toEqual({});
  });
});

describe('visibleCharacters', () => {
  it.each([
    ['', 0],
    ['  \n\t ', 0],
    ['a b\nc', 3],
    ['\u00a0word\u00a0', 4],
  ])('%j has %i', (text, expected) => {
    expect(visibleCharacters(text)).toBe(expected);
  });
});
