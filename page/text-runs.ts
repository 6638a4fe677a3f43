import { isSkippedElement } from './eligible-text';

/**
 * A stretch of text a reader sees as continuous: consecutive text nodes inside one block, joined
 * across inline formatting, so "selective <em>serotonin</em> reuptake inhibitors" is one phrase.
 */
export interface TextRun {
  nodes: Text[];
  /** Where each node's data starts in the joined text. */
  starts: number[];
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
]);

const INVISIBLE = /[\u00ad\u200b]/u;
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
  /** Open shadow roots met on the way are reported here, to be read as roots of their own. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * A block to read first (the one the reader is looking at), then the rest of the root from its
   * start up to that block; every run is still read exactly once.
   */
  startAt?: Node | null;
}

/** The text runs under `root`, skipping code, form fields, editors and hidden content. */
export function* textRuns(root: Node, options: TextRunOptions): Generator<TextRun> {
  const document = root.ownerDocument ?? (root as Document);
  if (document.designMode === 'on') return;
  if (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element, options.ownHostTag)) return;
  const startAt = options.startAt;
  if (startAt && startAt !== root && root.contains(startAt)) {
    yield* runsAlong(document, root, options, startAt, null);
    yield* runsAlong(document, root, options, null, startAt);
  } else {
    yield* runsAlong(document, root, options, null, null);
  }
}

/** Runs in document order from `from` (or the root's start) up to, not into, `stopAt`. */
function* runsAlong(
  document: Document,
  root: Node,
  options: TextRunOptions,
  from: Node | null,
  stopAt: Node | null,
): Generator<TextRun> {
  let lineBreak = false;
  let stopped = false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node === stopAt) {
        stopped = true;
        return NodeFilter.FILTER_ACCEPT;
      }
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (element.shadowRoot) options.onShadowRoot?.(element.shadowRoot);
      if (isInlineElement(element)) return NodeFilter.FILTER_SKIP;
      lineBreak = true;
      return isSkippedElement(element, options.ownHostTag) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  if (from) walker.currentNode = from;

  let nodes: Text[] = [];
  let block: Node | null = null;
  for (let node = walker.nextNode(); node !== null && !stopped; node = walker.nextNode()) {
    const text = node as Text;
    const textBlock = blockContainerOf(text);
    if (lineBreak || textBlock !== block) {
      if (nodes.length > 0) yield toRun(nodes);
      nodes = [];
      block = textBlock;
      lineBreak = false;
    }
    nodes.push(text);
  }
  if (nodes.length > 0) yield toRun(nodes);
}

function toRun(nodes: Text[]): TextRun {
  const starts: number[] = [];
  let joined = '';
  for (const node of nodes) {
    starts.push(joined.length);
    joined += node.data;
  }
  if (!INVISIBLE.test(joined)) return { nodes, starts, text: joined, sourceIndex: null };
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
