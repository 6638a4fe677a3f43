import { describe, expect, it } from 'vitest';
import { compiledGlossary } from '@/content/compiled-glossary';
import { glossarySenses, pageSense } from '@/utils/one-sense-per-page';

describe('pageSense: the sense a page gives the bare mentions of a term it also uses in another sense', () => {
  it.each([
    ['a page that never uses the term in another sense', { otherSense: 0, otherTerms: 0, senseCues: null }, 'own'],
    [
      'a weather bulletin: "Tropical Depression Nine", then "the depression is moving north"',
      { otherSense: 1, otherTerms: 0, senseCues: 0 },
      'other',
    ],
    [
      'an economics page: the Great Depression, Depression-era policy, then "the depression deepened"',
      { otherSense: 5, otherTerms: 0, senseCues: 0 },
      'other',
    ],
    ['the same page, with a word of anxiety among investors', { otherSense: 5, otherTerms: 1, senseCues: 1 }, 'other'],
    [
      'a health page that names the Great Depression once and speaks of anxiety, SSRIs and psychotherapy',
      { otherSense: 1, otherTerms: 6, senseCues: null },
      'own',
    ],
    [
      'a health page that names the Great Depression once and speaks of symptoms and treatment',
      { otherSense: 1, otherTerms: 1, senseCues: 2 },
      'own',
    ],
    [
      'evidence even on both sides: the sense the page named outright',
      { otherSense: 2, otherTerms: 1, senseCues: 1 },
      'other',
    ],
    [
      'the glossary alone does not decide: count the cues',
      { otherSense: 2, otherTerms: 2, senseCues: null },
      'count-cues',
    ],
  ] as const)('%s → %s', (_what, evidence, expected) => {
    expect(pageSense(evidence)).toBe(expected);
  });
});

describe('glossarySenses over the real glossary', () => {
  const senses = glossarySenses(compiledGlossary);

  it('knows the terms that have another sense', () => {
    expect([...senses.ambiguous]).toEqual(['depression']);
  });

  it.each([
    ['Symptoms of depression and its treatment; a therapist, antidepressants.', 4],
    ['Low mood is common; see a psychiatrist or counselling.', 3],
    ['The depression deepened as banks failed and output fell.', 0],
    ['Treatments and symptomatic relief', 1],
  ])('counts the cues for "depression" in %j: %i', (text, expected) => {
    expect(senses.countCues('depression', text)).toBe(expected);
  });

  it('counts no cues for a term without any', () => {
    expect(senses.countCues('anxiety', 'symptoms and treatment')).toBe(0);
  });
});
