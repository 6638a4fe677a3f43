/**
 * Compiles phrases into one regular-expression source whose alternatives share their prefixes
 * ("ke(?:tamine|…)"), so the engine tries a handful of branches at each position instead of every
 * phrase: the cost stays flat as the glossary grows (see `npm run bench`).
 *
 * Phrases are compared case-folded by the caller's `i` flag. A space in a phrase matches any run of
 * white space (non-breaking spaces included); an apostrophe matches straight or curly.
 */
export function triePatternSource(phrases: readonly string[]): string {
  const root: TrieNode = new Map();
  for (const phrase of phrases) {
    let node = root;
    for (const unit of phraseUnits(phrase)) {
      let next = node.get(unit);
      if (!next) {
        next = new Map();
        node.set(unit, next);
      }
      node = next;
    }
    node.set(END, new Map());
  }
  return emit(root);
}

/** The key a phrase or a matched text has in the trie: folded case, one space, one apostrophe. */
export function phraseKey(text: string): string {
  // Looked up for every match a page holds: no `u` flag, no array of characters (\s is the same without it).
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

type TrieNode = Map<string, TrieNode>;
const END = '';

function phraseUnits(phrase: string): string[] {
  return [...phraseKey(phrase)];
}

function emit(node: TrieNode): string {
  const ends = node.has(END);
  const branches = [...node.entries()]
    .filter(([unit]) => unit !== END)
    .map(([unit, child]) => unitSource(unit) + emit(child));
  if (branches.length === 0) return '';
  const group = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  // Greedy optional: a longer phrase is preferred over the shorter one it extends.
  if (ends) return branches.length === 1 ? `(?:${group})?` : `${group}?`;
  return group ?? '';
}

function unitSource(unit: string): string {
  if (unit === ' ') return '\\s+';
  if (unit === "'") return "['’]";
  return unit.replace(/[.*+?^${}()|[\]\\/-]/gu, '\\$&');
}
