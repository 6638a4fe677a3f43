import { phraseKey, triePatternSource } from './trie-pattern';

/** What the matcher needs to know of a glossary entry. */
export interface MatchableTerm {
  id: string;
  term: string;
  aliases: readonly string[];
  /** Phrases in which the term means something else ("Great Depression"): a match inside one is dropped. */
  notWhen?: readonly string[];
}

export interface TermMatch {
  start: number;
  end: number;
  termId: string;
}

export interface TermMatcher {
  /** Every non-overlapping occurrence in `text`, left to right; at one position the longest alias wins. */
  findAll(text: string): TermMatch[];
}

interface Spelling {
  termId: string;
  /** Acronyms ("SSRI") match only in capitals, so ordinary words never light up. */
  exactCase: string | null;
}

const ACRONYM = /^[A-Z0-9]{2,}$/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const ASCII_WORD_CHAR = /[A-Za-z0-9]/;

/**
 * One regular expression for the whole glossary, compiled as a trie, so a text is read once
 * whatever the number of terms. Word boundaries are Unicode-aware: "SSRIs" and "SSRI-based" match,
 * "glutamatergic" and "antidepression" do not.
 */
export function createTermMatcher(terms: readonly MatchableTerm[]): TermMatcher {
  const spellings = new Map<string, Spelling[]>();
  const exclusions = new Map<string, RegExp>();
  for (const entry of terms) {
    for (const spelling of [entry.term, ...entry.aliases]) {
      if (spelling.trim() === '') continue;
      const key = phraseKey(spelling);
      const known = spellings.get(key) ?? [];
      const exactCase = ACRONYM.test(spelling) ? spelling : null;
      if (!known.some((other) => other.termId === entry.id && other.exactCase === exactCase)) {
        known.push({ termId: entry.id, exactCase });
      }
      spellings.set(key, known);
    }
    if (entry.notWhen?.length) exclusions.set(entry.id, new RegExp(triePatternSource(entry.notWhen), 'gi'));
  }
  if (spellings.size === 0) return { findAll: () => [] };

  // The `u` flag slows the whole scan; the Unicode-aware boundary checks run only at candidates instead.
  const pattern = new RegExp(`(${triePatternSource([...spellings.keys()])})(?:e?s|['’]s)?(?![A-Za-z0-9])`, 'gi');

  return {
    findAll(text) {
      const matches: TermMatch[] = [];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
        const start = found.index;
        const end = start + found[0].length;
        const termId = isWordEdge(text, start - 1) && isWordEdge(text, end) ? termOf(found[1] ?? '') : null;
        if (termId === null || isExcluded(termId, text, start, end)) {
          // Not a term here; a shorter or later reading may still be, one character on.
          pattern.lastIndex = start + 1;
          continue;
        }
        matches.push({ start, end, termId });
      }
      return matches;
    },
  };

  function termOf(matched: string): string | null {
    const candidates = spellings.get(phraseKey(matched)) ?? [];
    const normalized = matched.replace(/\s+/gu, ' ');
    return (
      candidates.find((spelling) => spelling.exactCase === null || spelling.exactCase === normalized)?.termId ?? null
    );
  }

  function isExcluded(termId: string, text: string, start: number, end: number): boolean {
    const exclusion = exclusions.get(termId);
    if (!exclusion) return false;
    // Exclusion phrases are short; looking a little way around the match is enough.
    const from = Math.max(0, start - 64);
    const window = text.slice(from, end + 64);
    exclusion.lastIndex = 0;
    for (let found = exclusion.exec(window); found !== null; found = exclusion.exec(window)) {
      const phraseStart = from + found.index;
      if (phraseStart <= start && phraseStart + found[0].length >= end) return true;
      if (found[0].length === 0) exclusion.lastIndex++;
    }
    return false;
  }
}

function isWordEdge(text: string, index: number): boolean {
  const char = text[index];
  if (char === undefined) return true;
  if (char.charCodeAt(0) < 128) return !ASCII_WORD_CHAR.test(char);
  return !WORD_CHAR.test(char);
}
