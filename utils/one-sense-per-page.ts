import type { CompiledGlossary } from './glossary-compiler';
import { createTermMatcher } from './term-matcher';

/**
 * One sense of a word per page. A word a page uses in another sense — "Tropical Depression Nine", "the
 * Great Depression" — is, on that page, mostly used in that sense: "the depression is moving north",
 * "the depression deepened": Gale, Church and Yarowsky found that a word with several senses, used
 * more than once in one discourse, almost always keeps one sense there ("One sense per discourse", 1992). The
 * glossary's `notWhen` phrases already rule out their own occurrences; this decides the page's bare
 * mentions of the term, weighing those phrases against what the page says of the term's own sense.
 */

/** What a page says of one glossary term's senses. */
export interface SenseEvidence {
  /** Occurrences of the term inside its other-sense phrases (`notWhen`) on the page. */
  otherSense: number;
  /** Occurrences of the glossary's other terms on the page: the page speaks of mental health. */
  otherTerms: number;
  /** Occurrences of the term's sense cues on the page ("symptoms", "treatment"); null when not counted. */
  senseCues: number | null;
}

/**
 * 'own': the bare mentions are the term; 'other': they take the page's other sense; 'count-cues':
 * the page's glossary terms alone do not outweigh the other sense, and the cues decide (counting
 * them takes a pass over the page's text, made only where it decides something).
 */
export type PageSense = 'own' | 'other' | 'count-cues';

/**
 * The sense the page's bare mentions of a term take. A page that never uses the term in another sense
 * keeps it; one that does keeps it only where its own-sense evidence outweighs the other sense's
 * (a tie goes to the other sense, which the page named outright).
 */
export function pageSense({ otherSense, otherTerms, senseCues }: SenseEvidence): PageSense {
  if (!(otherSense > 0)) return 'own';
  if (otherTerms > otherSense) return 'own';
  if (senseCues === null) return 'count-cues';
  return otherTerms + senseCues > otherSense ? 'own' : 'other';
}

/** What deciding a page's senses needs of a compiled glossary: its terms with another sense, and their cues counted in a text. */
export interface GlossarySenses {
  ambiguous: ReadonlySet<string>;
  countCues: (termId: string, text: string) => number;
}

export function glossarySenses(glossary: CompiledGlossary): GlossarySenses {
  const cues = new Map(
    (glossary.senseCues ?? []).map(([termId, cueGlossary]) => [termId, createTermMatcher(cueGlossary)]),
  );
  return {
    ambiguous: new Set(glossary.exclusions.map(([termId]) => termId)),
    countCues: (termId, text) => cues.get(termId)?.findAll(text).length ?? 0,
  };
}

/** What a pass over a page found: terms shown, and terms read in another sense, per term id. */
export interface PageSenseCounts {
  termCounts: ReadonlyMap<string, number>;
  otherSense: ReadonlyMap<string, number>;
}

/**
 * The terms whose bare mentions take another sense on this page. `pageText` is asked for (once) only
 * where a term's cues must be counted.
 */
export function termsInOtherSense(page: PageSenseCounts, senses: GlossarySenses, pageText: () => string): Set<string> {
  let allTerms = 0;
  for (const count of page.termCounts.values()) allTerms += count;
  let text: string | null = null;
  const inOtherSense = new Set<string>();
  for (const termId of senses.ambiguous) {
    const evidence = {
      otherSense: page.otherSense.get(termId) ?? 0,
      otherTerms: allTerms - (page.termCounts.get(termId) ?? 0),
    };
    let sense = pageSense({ ...evidence, senseCues: null });
    if (sense === 'count-cues') {
      text ??= pageText();
      sense = pageSense({ ...evidence, senseCues: senses.countCues(termId, text) });
    }
    if (sense === 'other') inOtherSense.add(termId);
  }
  return inOtherSense;
}
