import { isSkippedElement } from './eligible-text';
import { parentAcrossShadow } from './parent-across-shadow';
import { blockContainerOf, isInlineElement } from './text-runs';

/**
 * The blocks whose text a batch of mutations may have changed, outermost only, so each is read once.
 * Changes inside skipped content (editors, code, our own card) are ignored: typing is never disturbed.
 */
export function changedBlocks(
  records: readonly MutationRecord[],
  ownHostTag: string,
  /** Blocks known to need reading again that no record names (hosts given a shadow root). */
  alsoChanged: readonly Node[] = [],
): Node[] {
  const blocks = new Set<Node>(alsoChanged);
  for (const record of records) {
    if (record.type === 'characterData') {
      blocks.add(blockContainerOf(record.target));
      continue;
    }
    if (record.type === 'attributes') {
      // An element that became an editor or hidden is skipped, so its highlights are dropped with its
      // parent's block, which is read again without it (and with it, once it is no longer skipped).
      const parent = record.target.parentNode;
      // A shadow root's own child has the shadow root as its block's container.
      blocks.add(parent ? blockContainerOf(parent) : record.target);
      continue;
    }
    if (changesRunsAround(record)) blocks.add(blockContainerOf(record.target));
    for (const added of record.addedNodes) {
      if (added.nodeType === Node.TEXT_NODE) blocks.add(blockContainerOf(added));
      else if (added.nodeType === Node.ELEMENT_NODE) {
        blocks.add(isInlineElement(added as Element) ? blockContainerOf(added) : added);
      }
    }
  }
  // In document order an ancestor comes just before its descendants, so one pass keeps the outermost.
  const ordered = [...blocks]
    .filter((block) => block.isConnected)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const outermost: Node[] = [];
  for (const block of ordered) {
    const previous = outermost.at(-1);
    if (previous?.contains(block)) continue;
    outermost.push(block);
  }
  // `contains` stops at shadow roots, but reading a host's block reads its shadow tree too: once is enough.
  const kept = new Set(outermost);
  return outermost.filter((block) => !isInsideSkipped(block, ownHostTag) && !hasAncestorAmong(block, kept));
}

function hasAncestorAmong(node: Node, blocks: ReadonlySet<Node>): boolean {
  for (let current = parentAcrossShadow(node); current; current = parentAcrossShadow(current)) {
    if (blocks.has(current)) return true;
  }
  return false;
}

/**
 * Whether a change of children alters the text runs around it, not only those of what it added:
 * text or formatting removed shortens a run ("Ketamine <span>therapy</span>" is left "Ketamine"), a
 * block added or removed between two pieces of text splits or joins theirs. A block added to or
 * removed from between other blocks (a feed's items) does neither, and the block around is not read.
 */
function changesRunsAround(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  if (record.target.nodeType === Node.ELEMENT_NODE && isInlineElement(record.target as Element)) return true;
  for (const removed of record.removedNodes) {
    const formatting = removed.nodeType === Node.ELEMENT_NODE && !breaksLine(removed);
    if (removed.nodeType === Node.TEXT_NODE || formatting) return true;
  }
  const edge = (sibling: Node | null) => sibling === null || breaksLine(sibling);
  const removedBlock = [...record.removedNodes].some(breaksLine);
  if (removedBlock && !edge(record.previousSibling) && !edge(record.nextSibling)) return true;
  // An added block's own siblings: the record's are the same in browsers, but not every DOM fills them in.
  return [...record.addedNodes].some(
    (added) => breaksLine(added) && !edge(added.previousSibling) && !edge(added.nextSibling),
  );
}

/** Whether a node is an element that is not inline formatting: no run goes past it. */
function breaksLine(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element);
}

export function isInsideSkipped(node: Node, ownHostTag: string): boolean {
  let current: Node | null = node;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE && isSkippedElement(current as Element, ownHostTag)) return true;
    // Climb out of shadow roots too: a shadow tree inside an editor is part of the editor.
    current = parentAcrossShadow(current);
  }
  return false;
}
