import { isSkippedElement } from './eligible-text';
import { blockContainerOf, isInlineElement } from './text-runs';

/**
 * The blocks whose text a batch of mutations may have changed, outermost only, so each is read once.
 * Changes inside skipped content (editors, code, our own card) are ignored: typing is never disturbed.
 */
export function changedBlocks(records: readonly MutationRecord[], ownHostTag: string): Node[] {
  const blocks = new Set<Node>();
  for (const record of records) {
    if (record.type === 'characterData') {
      blocks.add(blockContainerOf(record.target));
      continue;
    }
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
  return outermost.filter((block) => !isInsideSkipped(block, ownHostTag));
}

export function isInsideSkipped(node: Node, ownHostTag: string): boolean {
  let current: Node | null = node;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE && isSkippedElement(current as Element, ownHostTag)) return true;
    // Climb out of shadow roots too: a shadow tree inside an editor is part of the editor.
    current = current.parentNode ?? (current as Partial<ShadowRoot>).host ?? null;
  }
  return false;
}
