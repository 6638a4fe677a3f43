/**
 * Brings a range into view: every scroll container around it (innermost first), then the window,
 * each scrolled only when the range is outside it, and then so the range sits in the middle. A
 * range has no `scrollIntoView`, and its element's would align the whole element — a long paragraph
 * can still leave the term out of view — so the range's own box is used throughout.
 *
 * `isOwn` names elements of ours (the card) that may cover the range without counting as covering.
 */
export function revealRange(range: Range, isOwn: (element: Element) => boolean = () => false): void {
  const start = range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  if (!element) return;
  const view = element.ownerDocument.defaultView;
  if (!view) return;

  for (let ancestor = composedParent(element); ancestor; ancestor = composedParent(ancestor)) {
    if (ancestor === element.ownerDocument.documentElement || ancestor === element.ownerDocument.body) break;
    if (!isScrollContainer(ancestor, view)) continue;
    const box = ancestor.getBoundingClientRect();
    const inner = {
      top: box.top + ancestor.clientTop,
      left: box.left + ancestor.clientLeft,
      height: ancestor.clientHeight,
      width: ancestor.clientWidth,
    };
    const rect = range.getBoundingClientRect();
    ancestor.scrollBy({ ...centringDelta(rect, inner), behavior: 'instant' });
  }

  const rect = range.getBoundingClientRect();
  const viewport = { top: 0, left: 0, height: view.innerHeight, width: view.innerWidth };
  let delta = centringDelta(rect, viewport);
  if (delta.top === 0 && delta.left === 0 && isCovered(range, rect, isOwn)) {
    // In view but under something else (a fixed header): the middle of the window is the best bet.
    delta = { top: rect.top + rect.height / 2 - viewport.height / 2, left: 0 };
  }
  if (delta.top !== 0 || delta.left !== 0) view.scrollBy({ ...delta, behavior: 'instant' });
}

interface Box {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** How far to scroll so `rect` sits in the middle of `box`: zero on an axis where it is already inside. */
function centringDelta(rect: DOMRect, box: Box): { top: number; left: number } {
  const inside = (start: number, size: number, boxStart: number, boxSize: number) =>
    start >= boxStart && start + size <= boxStart + boxSize;
  const middle = (start: number, size: number, boxStart: number, boxSize: number) =>
    Math.round(start + size / 2 - (boxStart + boxSize / 2));
  return {
    top: inside(rect.top, rect.height, box.top, box.height) ? 0 : middle(rect.top, rect.height, box.top, box.height),
    left: inside(rect.left, rect.width, box.left, box.width) ? 0 : middle(rect.left, rect.width, box.left, box.width),
  };
}

function isScrollContainer(element: Element, view: Window): boolean {
  const style = view.getComputedStyle(element);
  const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay';
  return (
    (scrolls(style.overflowY) && element.scrollHeight > element.clientHeight) ||
    (scrolls(style.overflowX) && element.scrollWidth > element.clientWidth)
  );
}

/** The parent element, stepping out of shadow roots to their hosts. */
function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function isCovered(range: Range, rect: DOMRect, isOwn: (element: Element) => boolean): boolean {
  const root = range.startContainer.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return false;
  const hit = root.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  const element = range.startContainer.parentElement;
  if (!hit || !element || isOwn(hit)) return false;
  return !(hit === element || hit.contains(element) || element.contains(hit));
}
