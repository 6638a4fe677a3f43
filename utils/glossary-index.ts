import type { GlossaryEntry, PartMeta } from '@/content/types';
import { explainTerm, type TermExplanation } from './term-explanation';
import { createTermMatcher, type TermMatcher } from './term-matcher';

/** What every page carries: a matcher for the glossary and each term's card. No article text. */
export interface GlossaryIndex {
  matcher: TermMatcher;
  explanations: ReadonlyMap<string, TermExplanation>;
}

export function buildGlossaryIndex(glossary: readonly GlossaryEntry[], parts: readonly PartMeta[]): GlossaryIndex {
  return {
    matcher: createTermMatcher(glossary),
    explanations: new Map(glossary.map((entry) => [entry.id, explainTerm(entry, parts, glossary)])),
  };
}
