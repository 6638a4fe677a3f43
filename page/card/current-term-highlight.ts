/**
 * Marks the occurrence whose card is open, over the ordinary highlight: when the keyboard steps
 * through a page, or a term repeats in one paragraph, the reader sees which one is explained.
 * Registered with the page only when a card first opens.
 */
export class CurrentTermHighlight {
  private highlight: Highlight | null = null;

  constructor(private readonly name: string) {}

  show(range: Range | null): void {
    if (range === null) {
      this.highlight?.clear();
      return;
    }
    const highlight = this.registered();
    if (!highlight) return;
    highlight.clear();
    highlight.add(range);
  }

  dispose(): void {
    this.highlight?.clear();
    if (this.highlight && CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
    this.highlight = null;
  }

  private registered(): Highlight | null {
    if (this.highlight) return this.highlight;
    if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !('highlights' in CSS)) return null;
    this.highlight = new Highlight();
    // Painted above the ordinary highlight of the same text.
    this.highlight.priority = 1;
    CSS.highlights.set(this.name, this.highlight);
    return this.highlight;
  }
}
