/** What the matcher needs to know of a glossary entry. */
export interface MatchableTerm {
  id: string;
  term: string;
  aliases: readonly string[];
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

interface AliasPattern {
  termId: string;
  source: string;
  /** Acronyms ("SSRI") are matched only in capitals so that ordinary words never light up. */
  exactCase: string | null;
}

const ACRONYM = /^[A-Z0-9]{2,}$/u;
// Letters, marks and digits on either side mean we are inside a longer word ("glutamatergic").
const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
// Plural and possessive forms need no listing: SSRIs, ketamine's, ketamine’s.
const INFLECTION = "(?:e?s|['’]s)?";

/**
 * One regular expression for the whole glossary: a single pass over the text whatever the number of
 * terms, rather than one pass per term.
 */
export function createTermMatcher(terms: readonly MatchableTerm[]): TermMatcher {
  const aliases = terms
    .flatMap((entry) =>
      uniqueSpellings([entry.term, ...entry.aliases]).map(
        (spelling): AliasPattern & { length: number } => ({
          termId: entry.id,
          source: spelling.trim().split(/\s+/u).map(escapeRegExp).join('\\s+'),
          exactCase: ACRONYM.test(spelling) ? spelling : null,
          length: spelling.length,
        }),
      ),
    )
    // Alternation is ordered, so longer spellings first make the longest alias win at a position.
    .sort((a, b) => b.length - a.length);

  if (aliases.length === 0) return { findAll: () => [] };

  const alternation = aliases.map((alias) => `(${alias.source})`).join('|');
  const pattern = new RegExp(`${WORD_BEFORE}(?:${alternation})${INFLECTION}${WORD_AFTER}`, 'giu');

  return {
    findAll(text) {
      const matches: TermMatch[] = [];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
        const aliasIndex = found.findIndex((group, index) => index > 0 && group !== undefined) - 1;
        const alias = aliases[aliasIndex];
        if (alias === undefined) continue;
        if (alias.exactCase !== null && found[aliasIndex + 1] !== alias.exactCase) {
          // A lower-case "ssri" is not the acronym; look again one character on.
          pattern.lastIndex = found.index + 1;
          continue;
        }
        matches.push({ start: found.index, end: found.index + found[0].length, termId: alias.termId });
      }
      return matches;
    },
  };
}

function uniqueSpellings(spellings: readonly string[]): string[] {
  const seen = new Set<string>();
  return spellings.filter((spelling) => {
    const key = ACRONYM.test(spelling) ? spelling : spelling.toLowerCase();
    if (spelling.trim() === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
