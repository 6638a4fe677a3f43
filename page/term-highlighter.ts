import type { TermMatch } from '@/utils/term-matcher';

export interface HighlightedTerm {
  termId: string;
  range: Range;
}

/**
 * Highlights terms with the CSS Custom Highlight API, so the page's DOM is never touched, and
 * remembers which range belongs to which term for hit-testing.
 * https://drafts.csswg.org/css-highlight-api-1/
 */
export class TermHighlighter {
  private readonly highlight: Highlight | null;
  private readonly byNode = new Map<Text, HighlightedTerm[]>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly name: string) {
    // Browsers without the API get no highlights rather than an error.
    this.highlight = typeof Highlight === 'function' && 'highlights' in CSS ? new Highlight() : null;
    if (this.highlight) CSS.highlights.set(name, this.highlight);
  }

  add(node: Text, matches: readonly TermMatch[]): void {
    if (matches.length === 0) return;
    const terms = matches.map((match): HighlightedTerm => {
      const range = node.ownerDocument.createRange();
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      this.highlight?.add(range);
      this.counts.set(match.termId, (this.counts.get(match.termId) ?? 0) + 1);
      return { termId: match.termId, range };
    });
    this.byNode.set(node, [...(this.byNode.get(node) ?? []), ...terms]);
  }

  /** Terms whose range touches a caret at `offset`; a caret after a term's last letter still counts. */
  termsAround(node: Node, offset: number): HighlightedTerm[] {
    if (node.nodeType !== Node.TEXT_NODE) return [];
    return (this.byNode.get(node as Text) ?? []).filter(
      (term) => term.range.startOffset <= offset && offset <= term.range.endOffset,
    );
  }

  termCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  clear(): void {
    this.highlight?.clear();
    this.byNode.clear();
    this.counts.clear();
  }

  dispose(): void {
    this.clear();
    if (this.highlight && CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
  }
}
