import type { CompiledGlossary, SpellingTerm } from './glossary-compiler';
import { phraseKey } from './trie-pattern';

export interface TermMatch {
  start: number;
  end: number;
  termId: string;
}

export interface TermMatcher {
  /**
   * Every non-overlapping occurrence in `text`, left to right; at one position the longest alias wins.
   * `onOtherSense` is told of each occurrence ruled out by one of its term's `notWhen` phrases.
   */
  findAll(text: string, onOtherSense?: (termId: string) => void): TermMatch[];
  /**
   * A global pattern that finds something in every text where `findAll` would: text where it finds
   * nothing need not be read closely. It knows nothing of word edges, case rules or exclusions.
   */
  readonly mayMatch: RegExp;
}

// Matches nothing: with no terms, no text is worth reading.
const NOTHING = /(?!)/g;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const WHITE_SPACE = /\s/;

/**
 * One regular expression for the whole glossary, compiled as a trie (`compileGlossary`), so a text
 * is read once whatever the number of terms. Word boundaries are Unicode-aware: "SSRIs" and "SSRI-based" match,
 * "glutamatergic" and "antidepression" do not.
 */
export function createTermMatcher(glossary: CompiledGlossary): TermMatcher {
  const { spellingsSource } = glossary;
  if (spellingsSource === '') return { findAll: () => [], mayMatch: NOTHING };
  const spellings = new Map<string, readonly SpellingTerm[]>(glossary.spellings);
  /** Per term: its exclusion phrases anywhere, and at one place (for the shorter phrases there). */
  const exclusions = new Map(
    glossary.exclusions.map(([termId, source]) => [
      termId,
      { anywhere: new RegExp(source, 'gi'), here: new RegExp(source, 'iy') },
    ]),
  );
  // The `u` flag slows the whole scan; the Unicode-aware boundary checks run only at candidates instead.
  const pattern = new RegExp(`(${spellingsSource})(?:e?s|['’]s)?(?![A-Za-z0-9])`, 'gi');
  const shorterAtStart = new RegExp(pattern.source, 'iy');
  const mayMatch = new RegExp(spellingsSource, 'gi');
  // The same few spellings are matched over and over: their term is worked out once (a page could
  // vary spacing and case without end, so the memo is emptied when it grows).
  const termsOfMatched = new Map<string, string | null>();

  return {
    mayMatch,
    findAll(text, onOtherSense) {
      const matches: TermMatch[] = [];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
        const start = found.index;
        const match = isWordEdge(text, start - 1) ? longestTermAt(text, start, found, onOtherSense) : null;
        if (match === null) {
          // Not a term here; a later reading may still be, one character on.
          pattern.lastIndex = start + 1;
          continue;
        }
        matches.push(match);
        pattern.lastIndex = match.end;
      }
      return matches;
    },
  };

  /**
   * The expression's longest reading at `start` can fail a check it cannot make itself (a letter of
   * another script follows, an acronym's case, an exclusion) while a shorter one holds: "ketamine"
   * in "ketamine therapyé". Shorter readings are found by matching again within the failed one.
   */
  function longestTermAt(
    text: string,
    start: number,
    found: RegExpExecArray,
    onOtherSense: ((termId: string) => void) | undefined,
  ): TermMatch | null {
    let ruledOut: string | null = null;
    for (let reading: RegExpExecArray | null = found; reading !== null && reading[0].length > 0; ) {
      const end = start + reading[0].length;
      const termId = isWordEdge(text, end) ? termOf(reading[1] ?? '') : null;
      if (termId !== null) {
        if (!isExcluded(termId, text, start, end)) return { start, end, termId };
        ruledOut ??= termId;
      }
      shorterAtStart.lastIndex = 0;
      reading = shorterAtStart.exec(text.slice(start, end - 1));
    }
    // Nothing here is a term: what the longest reading was, in another sense, is.
    if (ruledOut !== null) onOtherSense?.(ruledOut);
    return null;
  }

  function termOf(matched: string): string | null {
    let termId = termsOfMatched.get(matched);
    if (termId === undefined) {
      if (termsOfMatched.size === 256) termsOfMatched.clear();
      termId = termOfSpelling(matched);
      termsOfMatched.set(matched, termId);
    }
    return termId;
  }

  function termOfSpelling(matched: string): string | null {
    const candidates = spellings.get(phraseKey(matched)) ?? [];
    const normalized = matched.replace(/\s+/g, ' ');
    return candidates.find(([, exactCase]) => exactCase === null || exactCase === normalized)?.[0] ?? null;
  }

  function isExcluded(termId: string, text: string, start: number, end: number): boolean {
    const exclusion = exclusions.get(termId);
    if (!exclusion) return false;
    // Exclusion phrases are short; looking a little way around the match is enough, a run of white
    // space counting as one character, as phrases match any run (pretty-printed markup indents).
    const from = charactersAway(text, start, 64, -1);
    const window = text.slice(from, charactersAway(text, end, 64, 1));
    const { anywhere, here } = exclusion;
    anywhere.lastIndex = 0;
    for (let found = anywhere.exec(window); found !== null; found = anywhere.exec(window)) {
      const phraseStart = from + found.index;
      if (phraseStart > start) return false;
      // Whole words, as terms are: "Depression era" says nothing of "Depression erased my plans".
      // The longest phrase here first, then each shorter one ("Great Depression" in "Great Depression-eras").
      for (let length = found[0].length; length > 0; ) {
        const phraseEnd = phraseStart + length;
        const wholeWords = isWordEdge(text, phraseStart - 1) && isWordEdge(text, phraseEnd);
        if (phraseEnd >= end && wholeWords) return true;
        here.lastIndex = 0;
        length = here.exec(text.slice(phraseStart, phraseEnd - 1))?.[0].length ?? 0;
      }
      // On by one character, not past the phrase: a "Long Depression" that is not whole words
      // ("…’sLong Depression-era") must not hide the "Depression-era" inside it.
      anywhere.lastIndex = found.index + 1;
    }
    return false;
  }
}

/** The index `count` characters before (`step` −1) or after (+1) `index`, a run of white space counting as one. */
function charactersAway(text: string, index: number, count: number, step: -1 | 1): number {
  let at = index;
  for (let left = count; left > 0 && at > 0 && at < text.length; left--) {
    at += step;
    while (at > 0 && at < text.length && isWhiteSpaceAt(text, at) && isWhiteSpaceAt(text, at - 1)) at += step;
  }
  return at;
}

/** Asked of up to 128 characters around every match of a term with exclusions: ASCII needs no expression. */
function isWhiteSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return WHITE_SPACE.test(text.charAt(index));
}

function isWordEdge(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const code = text.charCodeAt(index);
  if (code < 128) return !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));
  return !WORD_CHAR.test(text.charAt(index));
}
