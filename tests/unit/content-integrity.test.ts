import { describe, expect, it } from 'vitest';
import { glossary, glossaryReviewed } from '@/content/glossary';
import * as healthNotices from '@/content/health-notices';
import { seriesParts } from '@/content/parts';
import { ABOUT_ANCHOR, sectionId } from '@/content/sections';
import { blockText, parsePartMarkdown, series } from '@/content/series';
// The series as its authors published it; a copy, so tests never reach outside the project.
import source from '@/tests/fixtures/series-source.txt?raw';
import { compileGlossary } from '@/utils/glossary-compiler';
import { explainTerm } from '@/utils/term-explanation';
import { createTermMatcher } from '@/utils/term-matcher';

const words = (text: string) => text.replace(/•/gu, ' ').split(/\s+/u).filter(Boolean);

describe('the bundled series', () => {
  it('carries every published part word for word, headings, paragraphs and bullets in order', () => {
    const bundled = series
      .map((part) =>
        [part.heading, ...part.sections.flatMap((section) => [section.title, ...section.blocks.map(blockText)])].join(
          '\n',
        ),
      )
      .join('\n');
    expect(words(bundled)).toEqual(words(source));
  });

  it('shows Part I in full and announces the other two without text', () => {
    expect(series.map((part) => [part.heading, part.status, part.sections.length])).toEqual([
      ['Ketamine vs. SSRI: Part I - Biology', 'published', 4],
      ['Ketamine vs. SSRI: Part II Patient Experience', 'announced', 0],
      ['What is Psychedelic Integration?', 'announced', 0],
    ]);
  });

  it('gives every part and section a stable, unique id', () => {
    const partIds = series.map((part) => part.id);
    expect(new Set(partIds).size).toBe(partIds.length);
    for (const id of partIds) expect(id).toMatch(/^[a-z0-9-]+$/u);
    for (const part of series) {
      const ids = part.sections.map((section) => section.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const section of part.sections) expect(section.id).toBe(sectionId(section.title));
    }
    expect(series[0]?.sections.map((section) => section.id)).toEqual([
      'empowering-minds-beyond-traditional-medication',
      'beyond-daily-medication',
      'rapid-relief-with-lasting-impact',
      'a-holistic-healing-approach',
    ]);
  });

  it('refuses Markdown it cannot show faithfully, saying where', () => {
    expect(() => parsePartMarkdown('Loose text\n\n## A\n', 'x.md')).toThrow(/x\.md: text before the first/u);
    expect(() => parsePartMarkdown('## A\n\n```\ncode\n```\n', 'x.md')).toThrow(/x\.md:3: "code" is not supported/u);
  });
});

describe('the glossary', () => {
  const matcher = createTermMatcher(compileGlossary(glossary));

  it.each(glossary.map((entry) => [entry.id, entry] as const))(
    '%s: every citation resolves and names it',
    (_id, entry) => {
      for (const citation of entry.citations) {
        const part = series.find((candidate) => candidate.id === citation.part);
        expect(part, `part "${citation.part}"`).toBeDefined();
        if (!part) continue;
        const cited =
          citation.section === undefined
            ? part.heading
            : part.sections.find((section) => section.title === citation.section)?.text;
        expect(cited, `section "${citation.section}" of ${citation.part}`).toBeDefined();
        const termsInCitedText = matcher.findAll(cited ?? '').map((match) => match.termId);
        expect(termsInCitedText, `${entry.term} in ${citation.part} / ${citation.section}`).toContain(entry.id);
      }
    },
  );

  it('has unique ids, non-empty summaries of one or two sentences, and related terms that exist', () => {
    const ids = glossary.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of glossary) {
      expect(entry.summary.trim().length).toBeGreaterThan(20);
      expect(entry.summary.split(/[.!?](\s|$)/u).filter((part) => part.trim().length > 1).length).toBeLessThanOrEqual(
        2,
      );
      for (const related of entry.related ?? []) expect(ids).toContain(related);
    }
  });

  it('covers the terms readers meet in the series', () => {
    const covered = new Set(
      createTermMatcher(compileGlossary(glossary))
        .findAll(source)
        .map((match) => match.termId),
    );
    for (const id of [
      'ssri',
      'ketamine',
      'serotonin',
      'glutamate',
      'depression',
      'anxiety',
      'psychotherapy',
      'psychedelic-integration',
    ]) {
      expect(covered).toContain(id);
    }
  });

  it('lists parts in the same order as the series', () => {
    expect(seriesParts.map((part) => part.id)).toEqual(series.map((part) => part.id));
  });
});

describe("the editors' words, apart from the article's", () => {
  const entry = (id: string) => {
    const found = glossary.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no glossary entry "${id}"`);
    return found;
  };
  const editorsWords = [
    ...Object.values(healthNotices),
    ...glossary.flatMap((candidate) => (candidate.editorsNote ? [candidate.editorsNote] : [])),
  ];

  it.each(['ssri', 'ketamine', 'daily-medication'])('%s is marked as a medicine', (id) => {
    expect(entry(id).medicine).toBe(true);
  });

  it.each(['depression', 'anxiety'])('%s is marked as a condition', (id) => {
    expect(entry(id).condition).toBe(true);
  });

  it('marks no term both a medicine and a condition', () => {
    expect(glossary.filter((candidate) => candidate.medicine && candidate.condition)).toEqual([]);
  });

  it.each(glossary.map((candidate) => [candidate.id, candidate] as const))(
    "%s: its card's summary is the glossary's, with no word of the editors' in it",
    (_id, candidate) => {
      const explanation = explainTerm(candidate, seriesParts, glossary);
      expect(explanation.summary).toBe(candidate.summary);
      for (const words of editorsWords) expect(candidate.summary).not.toContain(words);
    },
  );

  it.each(glossary.map((candidate) => [candidate.id, candidate] as const))(
    '%s: the medicine safety note on medicines only, first; the entry’s own note after it',
    (_id, candidate) => {
      const { editorsNotes, pointsToHelp } = explainTerm(candidate, seriesParts, glossary);
      expect(editorsNotes).toEqual([
        ...(candidate.medicine ? [healthNotices.MEDICINE_SAFETY_NOTE] : []),
        ...(candidate.editorsNote ? [candidate.editorsNote] : []),
      ]);
      expect(pointsToHelp).toBe(candidate.condition === true);
    },
  );

  it('gives the glossary a review date that is a real day, not in the future', () => {
    expect(glossaryReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(new Date(`${glossaryReviewed}T00:00:00Z`).toISOString().slice(0, 10)).toBe(glossaryReviewed);
    expect(glossaryReviewed <= new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('keeps "About this content" at an address no part of the series takes', () => {
    expect(series.map((part) => part.id)).not.toContain(ABOUT_ANCHOR);
  });
});
