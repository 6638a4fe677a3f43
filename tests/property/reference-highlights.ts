import type { MatchableTerm } from '@/utils/glossary-compiler';

/**
 * What a scan should highlight, worked out the slow and obvious way, independently of the
 * product's trie, regular expressions, tree walker and index maps: read each block's text
 * character by character with a recursive walk, then try every spelling at every position.
 *
 * The rules, as the product documents them:
 * - Text reads as one phrase across inline formatting; any other element (a block, a line break,
 *   an image, a form field, code, a custom element) ends the phrase, wherever it is between the two pieces of text,
 *   whether its own text is read or not. Each open shadow root is read as a page of its own.
 * - Nothing is read inside script, style, code, pre, form fields, editors, aria-hidden subtrees or
 *   our own host element. Soft hyphens and zero-width spaces are invisible: words read across them.
 * - A spelling matches whole words only (letters, marks and digits of any script are word
 *   characters), in any case, except acronyms (all capitals), which match only as written. A space
 *   in a spelling stands for any run of white space, an apostrophe for a straight or curly one. A
 *   plural "s"/"es" or a possessive "'s" may follow.
 * - Left to right, at each position the longest match wins (of two as long, the one with the longer
 *   spelling: "abes" is "abe" + "s" rather than "ab" + "es"); matches do not overlap. A spelling
 *   belongs to one term; of two terms spelt alike, the first in the glossary wins.
 * - A match inside one of its term's `notWhen` phrases (whole words too) is not a term.
 */
export interface ReferenceHighlight {
  termId: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** Elements that do not break a line (HTML's phrasing elements that render inline, <wbr> included). */
const INLINE_TAGS = new Set(
  'a abbr acronym b bdi bdo big cite data del dfn em font i ins label mark nobr q s small span strike strong sub sup time tt u var wbr'
    .toUpperCase()
    .split(' '),
);
const SKIPPED_TAGS = new Set(
  'script style noscript template textarea input select option code pre kbd samp svg math iframe object canvas'
    .toUpperCase()
    .split(' '),
);
const SUFFIXES = ['', 's', 'es', "'s", '’s'];

function isSkipped(element: Element, ownHostTag: string): boolean {
  const editable = element.getAttribute('contenteditable');
  return (
    SKIPPED_TAGS.has(element.tagName.toUpperCase()) ||
    element.localName === ownHostTag ||
    element.getAttribute('aria-hidden') === 'true' ||
    (editable !== null && editable !== 'false')
  );
}

/** One character a reader sees, and where it is in the DOM. */
interface ReadChar {
  char: string;
  node: Text;
  offset: number;
}

/** The phrases under `root` (and its open shadow roots), as a reader sees them. */
export function readingRuns(root: Node, ownHostTag: string): ReadChar[][] {
  const runs: ReadChar[][] = [];
  const shadowRoots: ShadowRoot[] = [];
  let current: ReadChar[] = [];
  const endLine = () => {
    if (current.length > 0) runs.push(current);
    current = [];
  };
  const read = (parent: Node, skipped: boolean) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (skipped) continue;
        const text = child as Text;
        for (let offset = 0; offset < text.data.length; offset++) {
          const char = text.data[offset] as string;
          if (char !== '\u00ad' && char !== '\u200b') current.push({ char, node: text, offset });
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const element = child as Element;
        const breaksLine = !INLINE_TAGS.has(element.tagName.toUpperCase());
        const hidden = skipped || isSkipped(element, ownHostTag);
        if (breaksLine) endLine();
        if (!hidden && element.shadowRoot) shadowRoots.push(element.shadowRoot);
        read(element, hidden);
        if (breaksLine) endLine();
      }
    }
  };
  const rootSkipped = root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element, ownHostTag);
  read(root, rootSkipped);
  endLine();
  for (const shadow of shadowRoots) runs.push(...readingRuns(shadow, ownHostTag));
  return runs;
}

export function referenceHighlights(
  root: Node,
  terms: readonly MatchableTerm[],
  ownHostTag: string,
): ReferenceHighlight[] {
  const highlights: ReferenceHighlight[] = [];
  for (const run of readingRuns(root, ownHostTag)) {
    const text = run.map((read) => read.char).join('');
    for (const match of referenceMatches(text, terms)) {
      const first = run[match.start] as ReadChar;
      const last = run[match.end - 1] as ReadChar;
      highlights.push({
        termId: match.termId,
        startNode: first.node,
        startOffset: first.offset,
        endNode: last.node,
        endOffset: last.offset + 1,
      });
    }
  }
  return highlights;
}

export function referenceMatches(
  text: string,
  terms: readonly MatchableTerm[],
): { start: number; end: number; termId: string }[] {
  const matches: { start: number; end: number; termId: string }[] = [];
  let position = 0;
  while (position < text.length) {
    let best: { end: number; spellingEnd: number; termId: string } | null = null;
    for (const term of terms) {
      for (const spelling of [term.term, ...term.aliases]) {
        for (const { end, spellingEnd } of endsOfSpellingAt(text, position, spelling)) {
          const longer = best === null || end > best.end || (end === best.end && spellingEnd > best.spellingEnd);
          if (!longer || isInsideExclusion(text, position, end, term.notWhen ?? [])) continue;
          best = { end, spellingEnd, termId: term.id };
        }
      }
    }
    if (best === null) {
      position++;
      continue;
    }
    matches.push({ start: position, end: best.end, termId: best.termId });
    position = best.end;
  }
  return matches;
}

/** Where a whole-word occurrence of `spelling` (maybe with a suffix) starting at `start` can end. */
function endsOfSpellingAt(text: string, start: number, spelling: string): { end: number; spellingEnd: number }[] {
  if (spelling.trim() === '' || !isWordEdge(text, start - 1)) return [];
  const phraseEnd = phraseEndAt(text, start, spelling);
  if (phraseEnd === null) return [];
  const isAcronym = /^[A-Z0-9]{2,}$/u.test(spelling);
  if (isAcronym && text.slice(start, phraseEnd) !== spelling) return [];
  const ends: { end: number; spellingEnd: number }[] = [];
  for (const suffix of SUFFIXES) {
    const end = phraseEndAt(text, phraseEnd, suffix);
    if (end !== null && isWordEdge(text, end)) ends.push({ end, spellingEnd: phraseEnd });
  }
  return ends;
}

/** Where `phrase` ends if it occurs at `start`, compared the documented way; null if it does not. */
function phraseEndAt(text: string, start: number, phrase: string): number | null {
  let at = start;
  const units = [...phrase.trim().toLowerCase().replace(/\s+/gu, ' ')];
  for (const unit of units) {
    const char = text[at];
    if (char === undefined) return null;
    if (unit === ' ') {
      if (!isSpace(char)) return null;
      while (at < text.length && isSpace(text[at] as string)) at++;
    } else if (unit === "'" || unit === '’') {
      if (char !== "'" && char !== '’') return null;
      at++;
    } else {
      if (char.toLowerCase() !== unit) return null;
      at++;
    }
  }
  return at;
}

function isInsideExclusion(text: string, start: number, end: number, phrases: readonly string[]): boolean {
  for (const phrase of phrases) {
    for (let phraseStart = start; phraseStart >= 0; phraseStart--) {
      if (!isWordEdge(text, phraseStart - 1)) continue;
      const phraseEnd = phraseEndAt(text, phraseStart, phrase);
      if (phraseEnd !== null && phraseEnd >= end && isWordEdge(text, phraseEnd)) return true;
    }
  }
  return false;
}

function isSpace(char: string): boolean {
  return /^\s$/u.test(char);
}

function isWordEdge(text: string, index: number): boolean {
  const char = text[index];
  return char === undefined || !/[\p{L}\p{M}\p{N}]/u.test(char);
}
