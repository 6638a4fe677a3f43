import { parentAcrossShadow } from './parent-across-shadow';

export interface HighlightedTerm {
  termId: string;
  range: Range;
  /** Where the term is highlighted once only (see `hasAt`); undefined where every occurrence is. */
  place?: unknown;
}

/**
 * Highlights terms with the CSS Custom Highlight API, so the page's DOM is never touched, and
 * remembers which range belongs to which term for hit-testing.
 * https://drafts.csswg.org/css-highlight-api-1/
 */
export class TermHighlighter {
  private readonly highlight: Highlight | null;
  /** Every text node a highlighted range touches, to its terms: a caret lands in one of them. */
  private readonly byNode = new Map<Text, HighlightedTerm[]>();
  private readonly terms = new Set<HighlightedTerm>();
  private readonly counts = new Map<string, number>();
  /** Terms highlighted in each place (a section, the page) where a term is highlighted once only. */
  private readonly placed = new Map<unknown, Set<string>>();
  /** Ranges found but not yet handed to the browser (see `commit`). */
  private pending: HighlightedTerm[] = [];
  /** Each text node whose run holds a term in another sense (a `notWhen` phrase), to those terms. */
  private readonly otherSense = new Map<Text, string[]>();
  /**
   * Terms whose bare mentions take another sense on this page (utils/one-sense-per-page.ts): known,
   * but neither painted, counted nor stepped through.
   */
  private suppressed: ReadonlySet<string> = new Set();

  private visible = true;

  constructor(private readonly name: string) {
    // Browsers without the API get no highlights rather than an error.
    this.highlight =
      typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS ? new Highlight() : null;
    this.setVisible(true);
  }

  /** Shows or hides every highlight at once; the terms stay known, so showing them again costs nothing. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (!this.highlight) return;
    if (visible) CSS.highlights.set(this.name, this.highlight);
    else if (CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
  }

  get isVisible(): boolean {
    return this.visible;
  }

  add(termId: string, range: Range, nodes: readonly Text[], place?: unknown): void {
    const term: HighlightedTerm = place === undefined ? { termId, range } : { termId, range, place };
    if (place !== undefined) {
      const terms = this.placed.get(place);
      if (terms) terms.add(termId);
      else this.placed.set(place, new Set([termId]));
    }
    this.terms.add(term);
    this.pending.push(term);
    this.counts.set(termId, (this.counts.get(termId) ?? 0) + 1);
    for (const node of nodes) {
      const known = this.byNode.get(node);
      if (known) known.push(term);
      else this.byNode.set(node, [term]);
    }
  }

  /** Records an occurrence of `termId` in another sense, in the run that starts with `node`. */
  addOtherSense(termId: string, node: Text): void {
    const known = this.otherSense.get(node);
    if (known) known.push(termId);
    else this.otherSense.set(node, [termId]);
  }

  /** Occurrences in another sense per term, of the text on the page now. */
  otherSenseCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const terms of this.otherSense.values()) {
      for (const termId of terms) counts.set(termId, (counts.get(termId) ?? 0) + 1);
    }
    return counts;
  }

  /** Occurrences per term, those not shown included. */
  allTermCounts(): ReadonlyMap<string, number> {
    return this.counts;
  }

  /** Stops painting, counting and stepping through these terms, and starts again for those no longer in it. */
  setSuppressed(termIds: ReadonlySet<string>): void {
    const before = this.suppressed;
    this.suppressed = termIds;
    const same = before.size === termIds.size && [...before].every((termId) => termIds.has(termId));
    if (same || !this.highlight) return;
    for (const term of this.terms) {
      const was = before.has(term.termId);
      const is = termIds.has(term.termId);
      if (was && !is) this.highlight.add(term.range);
      else if (!was && is) this.highlight.delete(term.range);
    }
  }

  /**
   * Hands the ranges found since the last commit to the browser in one go. Chromium rebuilds the
   * markers of every registered range in the frame after any change to a highlight, so ranges
   * added across many tasks cost that rebuild many times over (seconds on a page with thousands
   * of terms); a scan therefore commits once early, for what is on screen, and once at its end.
   */
  commit(): void {
    if (this.pending.length === 0) return;
    const found = this.pending;
    this.pending = [];
    if (!this.highlight) return;
    for (const term of found) {
      if (this.terms.has(term) && !this.suppressed.has(term.termId)) this.highlight.add(term.range);
    }
  }

  /** Terms whose range holds a caret at `offset` of `node` (a caret just after a term's last letter counts). */
  termsAround(node: Node, offset: number): HighlightedTerm[] {
    if (node.nodeType !== Node.TEXT_NODE) return [];
    return (this.byNode.get(node as Text) ?? []).filter(
      (term) =>
        this.terms.has(term) && !this.suppressed.has(term.termId) && term.range.comparePoint(node, offset) === 0,
    );
  }

  has(termId: string): boolean {
    return (this.counts.get(termId) ?? 0) > 0;
  }

  /** Whether `termId` is highlighted in `place` already (terms added there with `add(…, place)`). */
  hasAt(termId: string, place: unknown): boolean {
    return this.placed.get(place)?.has(termId) ?? false;
  }

  /** Drops the terms inside any of `containers` (to be read again) and those whose text has left the page. */
  removeWithin(containers: ReadonlySet<Node>): void {
    for (const [node, terms] of this.byNode) {
      if (node.isConnected && !isInside(node, containers)) continue;
      for (const term of terms) this.remove(term);
      this.byNode.delete(node);
    }
    for (const node of this.otherSense.keys()) {
      if (!node.isConnected || isInside(node, containers)) this.otherSense.delete(node);
    }
  }

  /** Occurrences per term shown on the page. */
  termCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [termId, count] of this.counts) if (!this.suppressed.has(termId)) counts[termId] = count;
    return counts;
  }

  /** The highlighted terms shown, in the order they were found. */
  *[Symbol.iterator](): IterableIterator<HighlightedTerm> {
    for (const term of this.terms) if (!this.suppressed.has(term.termId)) yield term;
  }

  clear(): void {
    this.pending = [];
    this.highlight?.clear();
    this.byNode.clear();
    this.terms.clear();
    this.counts.clear();
    this.otherSense.clear();
    this.placed.clear();
  }

  dispose(): void {
    this.clear();
    this.setVisible(false);
  }

  private remove(term: HighlightedTerm): void {
    if (!this.terms.delete(term)) return;
    // A term found and dropped between two commits is still pending; the next commit skips it.
    if (!this.suppressed.has(term.termId)) this.highlight?.delete(term.range);
    // One occurrence per term and place: its place is free again.
    if (term.place !== undefined) this.placed.get(term.place)?.delete(term.termId);
    const left = (this.counts.get(term.termId) ?? 1) - 1;
    if (left > 0) this.counts.set(term.termId, left);
    else this.counts.delete(term.termId);
  }
}

function isInside(node: Node, containers: ReadonlySet<Node>): boolean {
  if (containers.size === 0) return false;
  // Across shadow roots too: reading a container again reads the shadow trees inside it again.
  for (let current: Node | null = node; current; current = parentAcrossShadow(current)) {
    if (containers.has(current)) return true;
  }
  return false;
}
