import type { TermDirection } from '@/utils/term-step-commands';

export type { TermDirection };

interface Placed {
  range: Range;
}

/**
 * Orders two ranges as a reader meets them. Ranges in different trees (a term inside an open
 * shadow root and one outside) cannot be compared directly — `compareBoundaryPoints` throws
 * WrongDocumentError across roots (https://dom.spec.whatwg.org/#dom-range-compareboundarypoints) —
 * so each side is lifted to the shadow host that places it in the other's tree.
 */
export function compareDocumentOrder(a: Range, b: Range): number {
  const startA = a.startContainer;
  const startB = b.startContainer;
  if (startA.getRootNode() === startB.getRootNode()) return a.compareBoundaryPoints(Range.START_TO_START, b);
  const hostsA = hostChain(startA);
  const hostsB = hostChain(startB);
  for (const nodeA of hostsA) {
    const root = nodeA.getRootNode();
    const nodeB = hostsB.find((candidate) => candidate.getRootNode() === root);
    if (!nodeB) continue;
    // One term sits inside a shadow root hosted by an ancestor of the other's text: the host's own
    // shadow content is rendered where the host is, so it counts as coming first.
    if (nodeA === nodeB) return hostsA.indexOf(nodeA) === 0 ? 1 : -1;
    const position = nodeA.compareDocumentPosition(nodeB);
    if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  // Disconnected trees have no order; keep them stable rather than throw.
  return 0;
}

/** `node`, then the host of its shadow root, the host of that host's root, and so on up to the document. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    chain.push(root.host);
  }
  return chain;
}

/**
 * The term to show next when stepping through a page in `direction`: the first term in document
 * order that lies `beyond` the reader's place going forward (the last one going back), wrapping
 * round to the first (last) term of the page when none does. Terms come from the highlighter in
 * the order they were found, which after rescans is not document order, so one pass picks the
 * nearest instead of trusting that order.
 */
export function adjacentTerm<T extends Placed>(
  terms: Iterable<T>,
  direction: TermDirection,
  beyond: (term: T) => boolean,
): T | null {
  // Going forward the earliest term wins; going back the latest.
  const better = (candidate: T, best: T | null) => {
    if (best === null) return true;
    const order = compareDocumentOrder(candidate.range, best.range);
    return direction === 'next' ? order < 0 : order > 0;
  };
  let nearest: T | null = null;
  let wrapped: T | null = null;
  for (const term of terms) {
    if (better(term, wrapped)) wrapped = term;
    if (beyond(term) && better(term, nearest)) nearest = term;
  }
  return nearest ?? wrapped;
}

/** For stepping on from `current`: which terms lie beyond it in `direction`. */
export function beyondTerm(current: Placed, direction: TermDirection): (term: Placed) => boolean {
  return (term) => {
    const order = compareDocumentOrder(term.range, current.range);
    return direction === 'next' ? order > 0 : order < 0;
  };
}

/** A term the reader can be taken to: still in the page and rendered (not in a hidden subtree). */
export function isReachable(term: Placed): boolean {
  return term.range.startContainer.isConnected && term.range.getClientRects().length > 0;
}
