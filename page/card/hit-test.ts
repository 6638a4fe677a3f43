import type { HighlightedTerm, TermHighlighter } from '@/page/scan/term-highlighter';

export interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a viewport point, across the standard and the older WebKit API. */
export function caretAt(document: Document, x: number, y: number): CaretPoint | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * The caret APIs snap to the nearest character even when the pointer is past the end of a line,
 * so a hit only counts when the point lies inside one of the range's boxes.
 */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The highlighted term under a viewport point, if any. */
export function termAtPoint(highlighter: TermHighlighter, x: number, y: number): HighlightedTerm | null {
  const caret = caretAt(document, x, y);
  if (!caret) return null;
  return highlighter.termsAround(caret.node, caret.offset).find((term) => rangeContainsPoint(term.range, x, y)) ?? null;
}
