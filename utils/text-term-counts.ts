import type { CompiledGlossary } from './glossary-compiler';
import { phraseKey } from './trie-pattern';

/** Occurrences per glossary term id. */
export type TermCounts = Record<string, number>;

/** A compiled glossary's spellings, each with the ids of the terms it spells: what counting terms in a text needs. */
export interface GlossarySpellings {
  spellingsSource: string;
  termsOf: readonly (readonly [key: string, termIds: readonly string[]])[];
}

export function spellingsOf(glossary: CompiledGlossary): GlossarySpellings {
  return {
    spellingsSource: glossary.spellingsSource,
    termsOf: glossary.spellings.map(([key, terms]) => [key, [...new Set(terms.map(([termId]) => termId))]]),
  };
}

/**
 * Counts a page's terms in its text fetched at once, as the gate that decides whether to load the
 * engine does: an over-count of what a scan would find, never an under-count, so the gate never
 * keeps the engine from a page the scan would judge about mental health.
 *
 * It knows nothing of word edges, case rules or exclusion phrases, each of which only takes matches
 * away; text fetched at once joins neighbouring blocks without a space, which only a pattern without
 * word edges reads right ("anxiety" + "depression" from two list items); and it looks again one
 * character after each match, so a spelling inside a longer one that a scan would reject is counted
 * as well ("serotonin" inside a cut-off "selective serotonin reuptake inhibitorx").
 */
export function createTextTermCounter(glossary: GlossarySpellings): (text: string, into?: TermCounts) => TermCounts {
  if (glossary.spellingsSource === '') return (_text, into = {}) => into;
  const pattern = new RegExp(glossary.spellingsSource, 'gi');
  const termsOf = new Map(glossary.termsOf);
  return (text, into = {}) => {
    // Terms read across soft hyphens and zero-width spaces, as a scan reads them.
    const visible = text.indexOf('\u00ad') === -1 && text.indexOf('\u200b') === -1 ? text : text.replace(INVISIBLE, '');
    pattern.lastIndex = 0;
    for (let found = pattern.exec(visible); found !== null; found = pattern.exec(visible)) {
      for (const termId of termsOf.get(phraseKey(found[0])) ?? []) into[termId] = (into[termId] ?? 0) + 1;
      pattern.lastIndex = found.index + 1;
    }
    return into;
  };
}

const INVISIBLE = /[\u00ad\u200b]/gu;

/** Characters other than white space: a page's text without the line breaks and indentation between its blocks. */
export function visibleCharacters(text: string): number {
  return text.replace(WHITE_SPACE, '').length;
}

const WHITE_SPACE = /\s+/g;
