import { describe, expect, it } from 'vitest';
import { glossary } from '@/content/glossary';
import { compileGlossary } from '@/utils/glossary-compiler';
import { mayBeRelevant, pageRelevance } from '@/utils/page-relevance';
import { createTermMatcher } from '@/utils/term-matcher';

const counts = (termCounts: Record<string, number>, characters: number) => ({ termCounts, characters });

describe('pageRelevance', () => {
  it.each([
    ['a novel that says "depression" twice', counts({ depression: 2 }, 400_000), false],
    ['a short page about anxiety and depression only', counts({ depression: 4, anxiety: 3 }, 2_000), false],
    ['a news front page with one health teaser', counts({ depression: 1, anxiety: 1, ssri: 1 }, 30_000), false],
    ['a history of the Great Depression (the matcher finds nothing)', counts({}, 60_000), false],
    ['an empty page', counts({}, 0), false],
    ['a health article', counts({ ssri: 5, serotonin: 3, depression: 4, anxiety: 2 }, 6_000), true],
    ['three terms, one every 2,000 characters', counts({ ssri: 2, ketamine: 2, glutamate: 1 }, 10_000), true],
    ['just under that density', counts({ ssri: 2, ketamine: 2, glutamate: 1 }, 10_001), false],
    [
      'a whole book covering six different terms',
      counts({ ssri: 40, ketamine: 40, serotonin: 40, depression: 40, anxiety: 40, glutamate: 40 }, 2_000_000),
      true,
    ],
    ['damaged counts are ignored', counts({ ssri: Number.NaN, ketamine: -3 }, 100), false],
  ])('%s → %s', (_what, stats, relevant) => {
    expect(pageRelevance(stats).relevant).toBe(relevant);
  });

  it.each([
    [
      'a long article, each term counted once',
      counts({ ssri: 1, ketamine: 1, serotonin: 1, anxiety: 1 }, 20_000),
      true,
    ],
    ['a long novel, each term counted once', counts({ depression: 1, anxiety: 1, introspection: 1 }, 400_000), false],
  ])('with first occurrence only: %s → %s', (_what, stats, relevant) => {
    expect(pageRelevance(stats, { firstOccurrenceOnly: true }).relevant).toBe(relevant);
  });

  it('reports what it judged by', () => {
    expect(pageRelevance(counts({ ssri: 3, ketamine: 1 }, 2_000))).toEqual({
      relevant: false,
      distinctTerms: 2,
      density: 2,
    });
  });
});

describe('pageRelevance on real text, with the real matcher', () => {
  const matcher = createTermMatcher(compileGlossary(glossary));
  const judge = (text: string) => {
    const termCounts: Record<string, number> = {};
    for (const match of matcher.findAll(text)) termCounts[match.termId] = (termCounts[match.termId] ?? 0) + 1;
    return pageRelevance({ termCounts, characters: text.length });
  };
  const filler = 'She walked along the harbour wall and watched the boats come in with the evening tide. ';

  it('a novel that mentions depression twice stays quiet', () => {
    const novel = `${filler.repeat(200)}A depression had settled over the town. ${filler.repeat(200)}Her depression lifted in spring. ${filler.repeat(200)}`;
    expect(judge(novel)).toMatchObject({ relevant: false, distinctTerms: 1 });
  });

  it('a history page about the Great Depression stays quiet', () => {
    const history =
      'The Great Depression began with the crash of 1929. Depression-era policies reshaped banking, and the economic depression lasted a decade. '.repeat(
        20,
      );
    expect(judge(history)).toMatchObject({ relevant: false, distinctTerms: 0 });
  });

  it('a health article is about mental health', () => {
    const article =
      'For decades the first medicine offered for depression or anxiety has been an SSRI. SSRIs slowly raise the serotonin available between nerve cells. Ketamine works on glutamate instead, and clinics pair it with psychotherapy. '.repeat(
        3,
      );
    expect(judge(article).relevant).toBe(true);
  });
});

describe('mayBeRelevant: could a scan judge the page about mental health?', () => {
  const never = () => {
    throw new Error('the characters were not needed');
  };
  it.each([
    ['no terms', {}, never, false],
    ['two terms however often', { depression: 40, anxiety: 40 }, never, false],
    [
      'six different terms',
      { ssri: 1, ketamine: 1, serotonin: 1, depression: 1, anxiety: 1, glutamate: 1 },
      never,
      true,
    ],
    ['three terms, dense enough', { ssri: 2, ketamine: 2, glutamate: 1 }, () => 10_000, true],
    ['three terms, too thin', { ssri: 2, ketamine: 2, glutamate: 1 }, () => 10_001, false],
    ['three terms, nothing known of the text', { ssri: 1, ketamine: 1, glutamate: 1 }, () => 0, true],
    ['damaged counts', { ssri: Number.NaN, ketamine: -1, glutamate: 1 }, never, false],
  ])('%s → %s', (_what, counts, characters, expected) => {
    expect(mayBeRelevant(counts, characters)).toBe(expected);
  });

  it('with first occurrence only, each term counts once against the lower bar', () => {
    const counts = { depression: 9, anxiety: 9, introspection: 9 };
    expect(mayBeRelevant(counts, () => 20_000, { firstOccurrenceOnly: true })).toBe(true);
    expect(mayBeRelevant(counts, () => 20_001, { firstOccurrenceOnly: true })).toBe(false);
  });

  it('says no only where pageRelevance says no with as many terms and as few characters', () => {
    const cases: [Record<string, number>, number][] = [
      [{ ssri: 5, serotonin: 3, depression: 4, anxiety: 2 }, 6_000],
      [{ depression: 1, anxiety: 1, ssri: 1 }, 30_000],
      [{ depression: 1, anxiety: 1, introspection: 1 }, 400_000],
      [{ ssri: 2, ketamine: 2, glutamate: 1 }, 10_000],
    ];
    for (const [termCounts, characters] of cases) {
      for (const firstOccurrenceOnly of [false, true]) {
        const scan = pageRelevance({ termCounts, characters }, { firstOccurrenceOnly }).relevant;
        if (scan) expect(mayBeRelevant(termCounts, () => characters, { firstOccurrenceOnly })).toBe(true);
      }
    }
  });
});
