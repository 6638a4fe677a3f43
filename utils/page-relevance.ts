/** What a pass over a page found: occurrences per glossary term id, and how much text it read. */
export interface PageTermCounts {
  termCounts: Readonly<Record<string, number>>;
  characters: number;
}

export interface PageRelevance {
  relevant: boolean;
  /** Different glossary terms on the page. */
  distinctTerms: number;
  /** Term occurrences per 1,000 characters of text. */
  density: number;
}

/** Fewer different terms than this is a passing mention, however often repeated. */
export const MIN_DISTINCT_TERMS = 3;
/** About one term every 330 words: the page keeps coming back to the subject. */
export const MIN_DENSITY = 0.5;
/** With "first occurrence only" each term counts once, so the bar is for distinct terms per text. */
export const MIN_FIRST_ONLY_DENSITY = 0.15;
/** This many different terms cover enough of the glossary to be about it, however long the page. */
export const BROAD_DISTINCT_TERMS = 6;

/**
 * Is this page about mental health, judged from its matches alone? A page must mention several
 * different glossary terms (a novel that says "depression" twice does not) and either keep coming
 * back to them or cover many of them. (A history of the Great Depression has no matches to begin
 * with: the matcher never reads "Great Depression" as the condition.)
 */
export function pageRelevance(counts: PageTermCounts, { firstOccurrenceOnly = false } = {}): PageRelevance {
  let distinctTerms = 0;
  let occurrences = 0;
  for (const count of Object.values(counts.termCounts)) {
    if (!(count > 0)) continue;
    distinctTerms++;
    occurrences += count;
  }
  const density = counts.characters > 0 ? (occurrences * 1000) / counts.characters : 0;
  const minDensity = firstOccurrenceOnly ? MIN_FIRST_ONLY_DENSITY : MIN_DENSITY;
  const relevant =
    distinctTerms >= MIN_DISTINCT_TERMS && (density >= minDensity || distinctTerms >= BROAD_DISTINCT_TERMS);
  return { relevant, distinctTerms, density };
}

/**
 * Could a scan of this page judge it about mental health? Asked by the gate that decides whether to
 * load the engine, with counts that are at least the scan's (`createTextTermCounter`) and the fewest
 * characters a scan could read: `pageRelevance` only grows with more terms and fewer characters, so
 * where this says no, so would the scan. The characters are worked out only when the terms alone do
 * not decide, as that takes another pass over the text.
 */
export function mayBeRelevant(
  termCounts: Readonly<Record<string, number>>,
  fewestCharacters: () => number,
  { firstOccurrenceOnly = false } = {},
): boolean {
  let distinctTerms = 0;
  let occurrences = 0;
  for (const count of Object.values(termCounts)) {
    if (!(count > 0)) continue;
    distinctTerms++;
    occurrences += firstOccurrenceOnly ? 1 : count;
  }
  if (distinctTerms < MIN_DISTINCT_TERMS) return false;
  if (distinctTerms >= BROAD_DISTINCT_TERMS) return true;
  const characters = fewestCharacters();
  // Nothing known of how much a scan would read: it may be dense enough.
  if (!(characters > 0)) return true;
  const density = (occurrences * 1000) / characters;
  return density >= (firstOccurrenceOnly ? MIN_FIRST_ONLY_DENSITY : MIN_DENSITY);
}
