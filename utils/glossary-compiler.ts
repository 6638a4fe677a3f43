import { phraseKey, triePatternSource } from './trie-pattern';

/** What the matcher needs to know of a glossary entry. */
export interface MatchableTerm {
  id: string;
  term: string;
  aliases: readonly string[];
  /** Phrases in which the term means something else ("Great Depression"): a match inside one is dropped. */
  notWhen?: readonly string[];
}

/** A term a spelling stands for; acronyms ("SSRI") match only in these capitals, so ordinary words never light up. */
export type SpellingTerm = readonly [termId: string, exactCase: string | null];

/**
 * A glossary worked out into what matching reads: plain data (JSON), so the build can do this once
 * and pages never run the trie compiler (wxt.config.ts).
 */
export interface CompiledGlossary {
  /** Every spelling's key as one trie-shaped expression source (see `triePatternSource`); '' with no terms. */
  spellingsSource: string;
  /** Per spelling key (`phraseKey`): the terms it spells. */
  spellings: readonly (readonly [key: string, terms: readonly SpellingTerm[]])[];
  /** Per term with exclusions: its exclusion phrases as one expression source. */
  exclusions: readonly (readonly [termId: string, source: string])[];
}

const ACRONYM = /^[A-Z0-9]{2,}$/u;

export function compileGlossary(terms: readonly MatchableTerm[]): CompiledGlossary {
  const spellings = new Map<string, SpellingTerm[]>();
  const exclusions: [string, string][] = [];
  for (const entry of terms) {
    for (const spelling of [entry.term, ...entry.aliases]) {
      if (spelling.trim() === '') continue;
      const key = phraseKey(spelling);
      const known = spellings.get(key) ?? [];
      const exactCase = ACRONYM.test(spelling) ? spelling : null;
      if (!known.some(([termId, otherCase]) => termId === entry.id && otherCase === exactCase)) {
        known.push([entry.id, exactCase]);
      }
      spellings.set(key, known);
    }
    if (entry.notWhen?.length) exclusions.push([entry.id, triePatternSource(entry.notWhen)]);
  }
  return {
    spellingsSource: spellings.size === 0 ? '' : triePatternSource([...spellings.keys()]),
    spellings: [...spellings],
    exclusions,
  };
}
