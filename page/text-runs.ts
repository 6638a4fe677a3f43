import { isSkippedElement } from './eligible-text';

/**
 * A stretch of text a reader sees as continuous: consecutive text nodes inside one block, joined
 * across inline formatting, so "selective <em>serotonin</em> reuptake inhibitors" is one phrase.
 */
export interface TextRun {
  nodes: Text[];
  /** Where each node's data starts in the joined text. */
  starts: readonly number[];
  /** The joined text with invisible soft hyphens and zero-width spaces removed, as it reads. */
  text: string;
  /** For each index of `text`, its index in the joined node data; null when nothing was removed. */
  sourceIndex: Int32Array | null;
}

// Elements that do not break a line: text on either side of them reads as one phrase.
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  // A line-break opportunity, not a break: "psycho<wbr>therapy" is one word.
  'WBR',
]);

const INVISIBLE_ALL = /[\u00ad\u200b]/gu;

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
}

/** The nearest ancestor that starts a new line: runs never cross it, so a rescan never has to look outside it. */
export function blockContainerOf(node: Node): Node {
  let current: Node | null = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
  while (current && current.nodeType === Node.ELEMENT_NODE && isInlineElement(current as Element)) {
    current = current.parentNode;
  }
  return current ?? node;
}

export interface TextRunOptions {
  ownHostTag: string;
  /** Open shadow roots under the root, outside skipped content, are reported here to be read as roots of their own. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * A block to read first (the one the reader is looking at), then the rest of the root from its
   * start up to that block; every run is still read exactly once.
   */
  startAt?: Node | null;
}

/** Whether an element's text is skipped, and the block its text belongs to. */
interface Placement {
  skipped: boolean;
  block: Node;
}

/**
 * The text runs under `root`, skipping code, form fields, editors and hidden content.
 *
 * The walk shows the browser only text nodes and passes no filter: a filter callback costs a call
 * from the engine into script for every element and made the walk twenty times slower. Where a
 * text node belongs (skipped? which block?) is worked out from its parent instead, once per parent.
 */
export function* textRuns(root: Node, options: TextRunOptions): Generator<TextRun> {
  const document = root.ownerDocument ?? (root as Document);
  if (document.designMode === 'on') return;
  const placements = new Map<Node, Placement>();
  const placementOf = (parent: Node): Placement => place(parent, root, options.ownHostTag, placements);
  if (placementOf(root).skipped) return;
  if (options.onShadowRoot) reportShadowRoots(document, root, placementOf, options.onShadowRoot);

  const startAt = options.startAt;
  if (startAt && startAt !== root && root.contains(startAt)) {
    let firstSeen: Text | null = null;
    yield* runsAlong(document, root, placementOf, startAt, null, (text) => {
      firstSeen ??= text;
    });
    yield* runsAlong(document, root, placementOf, null, firstSeen, () => {});
  } else {
    yield* runsAlong(document, root, placementOf, null, null, () => {});
  }
}

/** Runs in document order from `from` (or the root's start) up to, not including, the text node `stopAt`. */
function* runsAlong(
  document: Document,
  root: Node,
  placementOf: (parent: Node) => Placement,
  from: Node | null,
  stopAt: Text | null,
  onText: (text: Text) => void,
): Generator<TextRun> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  if (from) walker.currentNode = from;
  let nodes: Text[] = [];
  let block: Node | null = null;
  // Neighbouring text nodes mostly share a parent: the memo's lookup is skipped for them.
  let lastParent: Node | null = null;
  let lastPlacement: Placement | null = null;
  for (
    let node = walker.nextNode() as Text | null;
    node !== null && node !== stopAt;
    node = walker.nextNode() as Text | null
  ) {
    const parent = node.parentNode;
    if (!parent) continue;
    if (parent !== lastParent || lastPlacement === null) {
      lastParent = parent;
      lastPlacement = placementOf(parent);
    }
    const placement = lastPlacement;
    if (placement.skipped) continue;
    onText(node);
    if (placement.block !== block || startsLine(node, placement.block, placementOf)) {
      if (nodes.length > 0) yield toRun(nodes);
      nodes = [];
      block = placement.block;
    }
    nodes.push(node);
  }
  if (nodes.length > 0) yield toRun(nodes);
}

/**
 * Where `parent`'s text goes, memoised, climbing without recursion (pages nest 10,000 deep). The
 * scan root counts as a block; its own ancestors are not looked at (rescans check them beforehand).
 */
function place(parent: Node, root: Node, ownHostTag: string, placements: Map<Node, Placement>): Placement {
  const known = placements.get(parent);
  if (known) return known;
  const unplaced: Node[] = [];
  let current: Node | null = parent;
  let above: Placement | undefined;
  while (current) {
    above = placements.get(current);
    if (above) break;
    unplaced.push(current);
    if (current === root) break;
    current = current.parentNode;
  }
  for (let index = unplaced.length - 1; index >= 0; index--) {
    const node = unplaced[index] as Node;
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
    const skipped = (above?.skipped ?? false) || (element !== null && isSkippedElement(element, ownHostTag));
    const block = element && above && node !== root && isInlineElement(element) ? above.block : node;
    above = { skipped, block };
    placements.set(node, above);
  }
  return above as Placement;
}

/**
 * A line break, image or empty block between a text node and the text read before it (within its
 * block) starts a new line of reading, even though no other text came between.
 */
function startsLine(text: Text, block: Node, placementOf: (parent: Node) => Placement): boolean {
  // Step back in document order to the text read before this one; any element that is not inline
  // formatting on the way ends the line, nested or not: "a<span><br></span>b", "a<br><!-- -->b".
  let node: Node = text;
  for (;;) {
    let previous = node.previousSibling;
    if (previous === null) {
      const parent = node.parentNode;
      if (parent === null || parent === block) return false;
      node = parent;
      continue;
    }
    for (;;) {
      if (previous.nodeType === Node.ELEMENT_NODE && !isInlineElement(previous as Element)) return true;
      const parent = previous.parentNode;
      if (previous.nodeType === Node.TEXT_NODE && parent && !placementOf(parent).skipped) return false;
      if (previous.lastChild === null) break;
      previous = previous.lastChild;
    }
    node = previous;
  }
}

/**
 * Open shadow roots under the root, the root's own first: a rescan's root is often a just-added web
 * component whose text is all in its shadow root. Any element may be a host, with or without light
 * children, so every element is looked at; selectors that tried to narrow the search (custom
 * elements, empty hosts) cost the engine more than this walk, and missed hosts.
 */
function reportShadowRoots(
  document: Document,
  root: Node,
  placementOf: (parent: Node) => Placement,
  report: (root: ShadowRoot) => void,
): void {
  const ownShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (ownShadow) report(ownShadow);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let element = walker.nextNode() as Element | null; element; element = walker.nextNode() as Element | null) {
    const shadow = element.shadowRoot;
    if (shadow && !placementOf(element).skipped) report(shadow);
  }
}

// Most runs are one text node: they share this rather than each allocating their own.
const ONLY_START: readonly number[] = [0];

function toRun(nodes: Text[]): TextRun {
  let joined = (nodes[0] as Text).data;
  let starts = ONLY_START;
  if (nodes.length > 1) {
    const seams = [0];
    for (let index = 1; index < nodes.length; index++) {
      seams.push(joined.length);
      joined += (nodes[index] as Text).data;
    }
    starts = seams;
  }
  if (joined.indexOf('\u00ad') === -1 && joined.indexOf('\u200b') === -1) {
    return { nodes, starts, text: joined, sourceIndex: null };
  }
  const sourceIndex = new Int32Array(joined.length + 1);
  let kept = 0;
  for (let index = 0; index < joined.length; index++) {
    if (joined[index] === '\u00ad' || joined[index] === '\u200b') continue;
    sourceIndex[kept++] = index;
  }
  sourceIndex[kept] = joined.length;
  return { nodes, starts, text: joined.replace(INVISIBLE_ALL, ''), sourceIndex: sourceIndex.subarray(0, kept + 1) };
}

/** A DOM range over the run's nodes for `[start, end)` of its text, and the nodes it touches. */
export function rangeInRun(run: TextRun, start: number, end: number): { range: Range; nodes: Text[] } {
  const sourceStart = run.sourceIndex ? (run.sourceIndex[start] ?? start) : start;
  // The end maps through the last kept character, so a trailing soft hyphen is not included.
  const sourceEnd = run.sourceIndex ? (run.sourceIndex[end - 1] ?? end - 1) + 1 : end;
  const range = (run.nodes[0]?.ownerDocument ?? document).createRange();
  const first = locate(run, sourceStart, false);
  const last = locate(run, sourceEnd, true);
  const startNode = run.nodes[first] as Text;
  const endNode = run.nodes[last] as Text;
  range.setStart(startNode, sourceStart - (run.starts[first] ?? 0));
  range.setEnd(endNode, sourceEnd - (run.starts[last] ?? 0));
  return { range, nodes: run.nodes.slice(first, last + 1) };
}

/** The index of the node holding a joined-text index; at a seam, `atEnd` picks the earlier node. */
function locate(run: TextRun, index: number, atEnd: boolean): number {
  let low = 0;
  let high = run.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const start = run.starts[middle] ?? 0;
    if (start < index || (!atEnd && start === index)) low = middle;
    else high = middle - 1;
  }
  return low;
}
