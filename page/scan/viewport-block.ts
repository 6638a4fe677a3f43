import { isInsideSkipped } from './changed-blocks';
import { blockContainerOf } from './text-runs';

/**
 * The block in the middle of the viewport when the reader is scrolled down (a reload keeps the
 * scroll position), so its terms light up first; null at the top of the page, where reading in
 * document order already starts with what is on screen.
 */
export function viewportBlock(document: Document, ownHostTag: string): Node | null {
  const view = document.defaultView;
  if (!view || view.scrollY < view.innerHeight / 2) return null;
  const element = document.elementFromPoint(view.innerWidth / 2, view.innerHeight / 2);
  if (!element) return null;
  const block = blockContainerOf(element);
  if (block === document.body || block === document.documentElement) return null;
  return isInsideSkipped(block, ownHostTag) ? null : block;
}
