/**
 * How many characters of text a batch of mutations added (negative: removed), so a page's
 * running count of text stays true without reading it all again: a rescan reads whole changed
 * blocks, and adding what it reads would count their unchanged text once more on every change.
 *
 * Needs records observed with `characterDataOldValue`. Text inside skipped elements (scripts,
 * styles) counts too: the count is an estimate for a density, not an inventory.
 */
export function textLengthChange(records: readonly MutationRecord[]): number {
  const added = new Set<Node>();
  for (const record of records) for (const node of record.addedNodes) added.add(node);
  let change = 0;
  // A node edited several times in one batch: compare its text now with its text before the first edit.
  const firstOldValue = new Map<Node, string>();
  for (const record of records) {
    if (record.type === 'characterData') {
      if (!firstOldValue.has(record.target)) firstOldValue.set(record.target, record.oldValue ?? '');
      continue;
    }
    if (record.type !== 'childList') continue;
    // Removals are counted at the text the node holds now: whatever left it earlier had its own record.
    for (const node of record.removedNodes) change -= node.textContent?.length ?? 0;
  }
  // An added node is counted with all it holds now, so what was added into it, or edited in it, is not counted again.
  for (const node of added) if (!isInsideAny(node, added)) change += node.textContent?.length ?? 0;
  for (const [node, oldValue] of firstOldValue) {
    if (!isInsideAny(node, added)) change += (node.textContent?.length ?? 0) - oldValue.length;
  }
  return change;
}

function isInsideAny(node: Node, containers: ReadonlySet<Node>): boolean {
  for (let current = node.parentNode; current; current = current.parentNode) {
    if (containers.has(current)) return true;
  }
  return false;
}
