import { phraseKey, triePatternSource } from './trie-pattern';

/** What the matcher needs to know of a glossary entry. */
export interface MatchableTerm {
  id: string;
  term: string;
  aliases: readonly string[];
  /** Phrases in which the term means something else ("Great Depression"): a match inside one is dropped. */
  notWhen?: readonly string[];
  /** Words that speak of the term's own sense, for a page that also uses it in another (see `senseCues` in content/types.ts). */
  senseCues?: readonly string[];
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
  /** Per term with sense cues: the cues, compiled as a glossary of their own (each cue its own term); absent when none has any. */
  senseCues?: readonly (readonly [termId: string, cues: CompiledGlossary])[];
}

const ACRONYM = /^[A-Z0-9]{2,}$/u;

export function compileGlossary(terms: readonly MatchableTerm[]): CompiledGlossary {
  const spellings = new Map<string, SpellingTerm[]>();
  const exclusions: [string, string][] = [];
  const senseCues: [string, CompiledGlossary][] = [];
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
    if (entry.senseCues?.length) {
      senseCues.push([entry.id, compileGlossary(entry.senseCues.map((cue) => ({ id: cue, term: cue, aliases: [] })))]);
    }
  }
  return {
    spellingsSource: spellings.size === 0 ? '' : triePatternSource([...spellings.keys()]),
    spellings: [...spellings],
    exclusions,
    ...(senseCues.length > 0 ? { senseCues } : {}),
  };
}
