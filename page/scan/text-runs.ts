import { isSkippedElement, skippedSelector } from './eligible-text';
import { SHADOW_HOST_CANDIDATES } from './shadow-host-candidates';

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

// Elements that do not break a line: text on either side of them reads as one phrase. By local name
// (see `isSkippedElement`).
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  // Obsolete, and still on old pages: "<acronym>SSRI</acronym>s", a novel's <big>.
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  // A line-break opportunity, not a break: "psycho<wbr>therapy" is one word.
  'wbr',
]);

const INVISIBLE_ALL = /[\u00ad\u200b]/gu;

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
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
  /**
   * A global pattern that matches wherever a term may be read (a superset of the matcher's
   * matches): text where it finds nothing is passed over without reading its text nodes.
   */
  mayHoldTerm: RegExp;
  /** Open shadow roots under the root, outside skipped content, are reported here to be read as roots of their own. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Told the length of each stretch of text looked at, read or passed over. */
  onTextRead?: (characters: number) => void;
  /**
   * Told of a parent whose rest was not read: during a pause the page removed both the child read
   * last and the one to read next, so there is no telling where to go on. Its whole block needs reading again.
   */
  onPlaceLost?: (parent: Node) => void;
  /**
   * A block to read first (the one the reader is looking at) and on to the root's end, then the
   * rest of the root from its start up to that block; every run is still read exactly once.
   */
  startAt?: Node | null;
}

/** Whether an element's text is skipped, and the block its text belongs to. */
interface Placement {
  skipped: boolean;
  block: Node;
}

/** What one reading of a root shares between its passes. */
interface Reading {
  document: Document;
  options: TextRunOptions;
  placementOf: (parent: Node) => Placement;
  skipped: string;
  collector: RunCollector;
}

/**
 * The text runs under `root` that may hold a term, skipping code, form fields, editors and hidden
 * content; `null` between them marks a point where the caller may pause, as long stretches of
 * text without a term yield no run.
 *
 * A block's whole text is fetched with one call and tested with `mayHoldTerm`; only blocks where
 * it finds something have their text nodes read one by one, so most text is never visited by
 * script at all: calls into the engine, not matching, are what a scan costs.
 */
export function* textRuns(root: Node, options: TextRunOptions): Generator<TextRun | null> {
  const document = root.ownerDocument ?? (root as Document);
  if (document.designMode === 'on') return;
  const placements = new Map<Node, Placement>();
  const placementOf = (parent: Node): Placement => place(parent, root, options.ownHostTag, placements);
  if (placementOf(root).skipped) return;
  const ownShadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (ownShadow) options.onShadowRoot?.(ownShadow);
  const reading: Reading = {
    document,
    options,
    placementOf,
    skipped: skippedSelector(options.ownHostTag),
    collector: new RunCollector(placementOf),
  };
  const startAt = firstBlock(root, options.startAt ?? null);
  if (startAt) {
    const lineage = ancestorsOf(startAt, root);
    yield* runsOfBlocks(reading, root, { from: startAt, until: null, lineage });
    yield* runsOfBlocks(reading, root, { from: null, until: startAt, lineage });
  } else {
    yield* runsOfBlocks(reading, root, { from: null, until: null, lineage: new Set() });
  }
}

/**
 * The block to start at, if it can be read apart from the rest: inside the root, and not inside
 * inline formatting, whose text is read with its neighbours'.
 */
function firstBlock(root: Node, startAt: Node | null): Element | null {
  if (startAt === null || startAt === root || startAt.nodeType !== Node.ELEMENT_NODE) return null;
  if (isInlineElement(startAt as Element) || !root.contains(startAt)) return null;
  for (let node = startAt.parentNode; node && node !== root; node = node.parentNode) {
    if (node.nodeType === Node.ELEMENT_NODE && isInlineElement(node as Element)) return null;
  }
  return startAt as Element;
}

function ancestorsOf(node: Node, root: Node): Set<Node> {
  const ancestors = new Set<Node>();
  for (let current = node.parentNode; current && current !== root; current = current.parentNode) {
    ancestors.add(current);
  }
  return ancestors;
}

// A block with at most this many elements inside has its text fetched with one call. A bigger one
// is looked into child by child: the engine joins a long text more slowly per character, and a
// block that holds most of the page would be fetched again at every level below it.
const ONE_CALL_ELEMENTS = 256;
// How many children are looked at between two points where the caller may pause.
const CHILDREN_PER_PAUSE_POINT = 64;
// Or after fetching this many characters of text: a few milliseconds' worth.
const CHARACTERS_PER_PAUSE_POINT = 262_144;

interface Frame {
  parent: Node;
  next: ChildNode | null;
  /** The child read last, to go on from if the page removes `next` while the caller pauses. */
  previous: ChildNode | null;
  /** `pauses` when `next` was last known to be the parent's. */
  checkedAt: number;
  /** The parent's own text is white space only: its element children are visited alone (see `holdsNoVisibleText`). */
  elementsOnly: boolean;
  /**
   * The parent is too big to fetch whole and its one element child holds all of it but itself: that
   * child is looked into without counting its elements again (wrappers nest thousands deep).
   */
  loneChildTooBig: boolean;
  /**
   * Set when the parent was fetched whole and its text may hold a term: its text is counted and its
   * shadow roots reported already, and nothing inside hides text. Its blocks are tested one by one,
   * so only the ones that may hold a term are read closely, while the budget lasts.
   */
  narrowing: NarrowingBudget | null;
}

/** How many characters looking into one fetched block may still fetch again. */
interface NarrowingBudget {
  characters: number;
}

interface Stretch {
  /** Reading starts at this block (and goes on to the end), or at the root's start if null. */
  from: Element | null;
  /** Reading stops before this block, or at the root's end if null. */
  until: Element | null;
  /** The ancestors of `from` or `until` below the root: looked into, never read whole. */
  lineage: ReadonlySet<Node>;
}

/**
 * Reads the root's blocks depth first without recursion (pages nest 10,000 deep). Consecutive text
 * and inline children of one parent are read together, as the lines of that parent's block.
 */
function* runsOfBlocks(reading: Reading, root: Node, stretch: Stretch): Generator<TextRun | null> {
  const { options, collector } = reading;
  const stack: Frame[] = [];
  /** Points where the caller may have paused and the page changed, so far. */
  let pauses = 0;
  const enter = (parent: Node, loneChildTooBig: boolean, narrowing: NarrowingBudget | null, many = false) => {
    // Elements only: a shadow root read as a root of its own is visited child by child.
    const elementsOnly =
      many && parent.nodeType === Node.ELEMENT_NODE && holdsNoVisibleText(parent as Element, reading.document);
    const next = elementsOnly ? (parent as ParentNode).firstElementChild : parent.firstChild;
    stack.push({ parent, next, previous: null, checkedAt: pauses, elementsOnly, loneChildTooBig, narrowing });
  };
  // A rescan's roots are mostly a few new paragraphs: ask only of a root with many children.
  enter(root, false, null, (root as ParentNode).childElementCount >= MANY_CHILDREN);
  let reached = stretch.from === null;
  let lines: Node[] = [];
  let linesText = '';
  let linesSkippedLength = 0;
  // Hidden inline formatting is in the lines' text but not in their runs: such lines are always read.
  let linesHideText = false;
  let sincePausePoint = 0;
  let fetchedSincePausePoint = 0;
  while (stack.length > 0) {
    if (++sincePausePoint === CHILDREN_PER_PAUSE_POINT || fetchedSincePausePoint > CHARACTERS_PER_PAUSE_POINT) {
      sincePausePoint = 0;
      fetchedSincePausePoint = 0;
      yield null;
      pauses++;
    }
    const frame = stack[stack.length - 1] as Frame;
    if (frame.checkedAt !== pauses) {
      frame.checkedAt = pauses;
      if (frame.next !== null && frame.next.parentNode !== frame.parent) findPlaceAgain(frame, options);
    }
    const child = frame.next;
    const localName = child !== null && child.nodeType === Node.ELEMENT_NODE ? (child as Element).localName : null;
    const isBlock = localName !== null && !INLINE_TAGS.has(localName);
    if ((child === null || isBlock) && lines.length > 0) {
      if (frame.narrowing === null) options.onTextRead?.(linesText.length - linesSkippedLength);
      if (linesHideText || mayHoldTerm(linesText, options.mayHoldTerm)) {
        for (const line of lines) yield* runsOfInline(reading, line);
        const run = collector.finish();
        if (run) yield run;
        pauses++;
      }
      lines = [];
      linesText = '';
      linesSkippedLength = 0;
      linesHideText = false;
    }
    if (child === null) {
      stack.pop();
      continue;
    }
    // Inline formatting reads with the text around it: from here on, every child is visited.
    if (frame.elementsOnly && localName !== null && !isBlock) frame.elementsOnly = false;
    frame.next = frame.elementsOnly ? (child as Element).nextElementSibling : child.nextSibling;
    frame.previous = child;
    if (isBlock) {
      const element = child as Element;
      if (element === stretch.until) return;
      if (element === stretch.from) reached = true;
      else if (stretch.lineage.has(element)) {
        if (!isSkippedElement(element, options.ownHostTag, localName)) {
          // Both passes look into these; the one that reads what comes before `from` reports them.
          if (stretch.until !== null) reportShadowRoot(element, options);
          enter(element, false, null);
        }
        continue;
      }
      if (!reached || isSkippedElement(element, options.ownHostTag, localName)) continue;
      if (frame.narrowing !== null) {
        const text = element.textContent ?? '';
        fetchedSincePausePoint += text.length;
        frame.narrowing.characters -= text.length;
        if (mayHoldTerm(text, options.mayHoldTerm)) {
          yield* runsOfFetchedBlock(reading, element, frame.narrowing, enter);
          pauses++;
        }
        continue;
      }
      reportShadowRoot(element, options);
      const skippedLength = frame.loneChildTooBig ? null : skippedLengthIfOneCall(element, reading);
      if (skippedLength === null) {
        const children = element.childElementCount;
        enter(element, children === 1, null, children >= MANY_CHILDREN);
        continue;
      }
      const text = element.textContent ?? '';
      fetchedSincePausePoint += text.length;
      options.onTextRead?.(text.length - skippedLength);
      if (mayHoldTerm(text, options.mayHoldTerm)) {
        const budget = { characters: text.length <= NARROWED_BLOCK_CHARACTERS ? NARROWING_FETCHES * text.length : 0 };
        yield* runsOfFetchedBlock(reading, element, budget, enter);
        pauses++;
      }
      continue;
    }
    if (!reached) continue;
    if (child.nodeType === Node.TEXT_NODE) {
      lines.push(child);
      linesText += (child as Text).data;
    } else if (localName !== null) {
      const element = child as Element;
      if (isSkippedElement(element, options.ownHostTag, localName)) continue;
      lines.push(element);
      const text = element.textContent ?? '';
      fetchedSincePausePoint += text.length;
      linesText += text;
      if (frame.narrowing !== null) continue;
      reportShadowRoot(element, options);
      if (element.firstElementChild !== null) {
        reportShadowRootsInside(element, reading);
        const skippedLength = skippedTextLength(element, reading);
        if (skippedLength === null) linesHideText = true;
        else linesSkippedLength += skippedLength;
      }
    }
  }
}

/**
 * The page removed the child to read next while the caller paused: go on after the child read last
 * if that is still there, from the start if none was read yet, else give the parent up to be read again.
 */
function findPlaceAgain(frame: Frame, options: TextRunOptions): void {
  const { parent, previous } = frame;
  if (previous === null) frame.next = frame.elementsOnly ? (parent as ParentNode).firstElementChild : parent.firstChild;
  else if (previous.parentNode === parent) {
    frame.next = frame.elementsOnly ? (previous as Element).nextElementSibling : previous.nextSibling;
  } else {
    frame.next = null;
    options.onPlaceLost?.(parent);
  }
}

// A parent with fewer element children than this is visited child by child without asking.
const MANY_CHILDREN = 16;
// Text other than white space among a parent's own children.
const VISIBLE_TEXT_CHILD = 'text()[normalize-space()]';

/**
 * Whether a parent's own text is all white space, as in a long page's body or a feed, where blocks
 * follow each other with line breaks between them: then its element children are visited alone, and
 * the browser steps over the line breaks without making a wrapper for each (until inline formatting
 * among them, which is read with the text around it). Asked of parents too big to fetch whole, which
 * are few; where the browser has no XPath, every child is visited.
 */
function holdsNoVisibleText(parent: Element, document: Document): boolean {
  if (typeof XPathResult === 'undefined') return false;
  const text = document.evaluate(VISIBLE_TEXT_CHILD, parent, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null);
  return text.singleNodeValue === null;
}

// Looking into a block fetches the text of its blocks again: at most this many times the block's
// own text in all, and only in a block of at most this much text, so a long text wrapped many times
// is not fetched once per wrapper.
const NARROWING_FETCHES = 32;
const NARROWED_BLOCK_CHARACTERS = 65_536;

/**
 * The runs of a block fetched whole whose text may hold a term: read at once if it is one block of
 * lines or the budget is spent, else looked into (pushed on the stack) so that only its blocks that
 * may hold one are read.
 */
function* runsOfFetchedBlock(
  reading: Reading,
  element: Element,
  budget: NarrowingBudget,
  enter: (parent: Node, loneChildTooBig: boolean, narrowing: NarrowingBudget) => void,
): Generator<TextRun> {
  if (budget.characters > 0) {
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
      if (!INLINE_TAGS.has(child.localName)) {
        enter(element, false, budget);
        return;
      }
    }
  }
  yield* runsWithin(reading, element);
}

/**
 * How much of a block's text is skipped content, if the block's text can be fetched with one call
 * (it holds few elements; see `skippedTextLength`). Null when the block must be looked into instead.
 * Its inner shadow roots are reported on the way.
 */
function skippedLengthIfOneCall(element: Element, reading: Reading): number | null {
  if (element.firstElementChild === null) return 0;
  if (element.getElementsByTagName('*')[ONE_CALL_ELEMENTS] !== undefined) return null;
  const skippedLength = skippedTextLength(element, reading);
  // A block looked into instead reports its shadow roots on the way down.
  if (skippedLength !== null) reportShadowRootsInside(element, reading);
  return skippedLength;
}

/**
 * How much of an element's text is skipped content. Null when it holds hidden inline formatting: its text is in the element's but not in the runs,
 * where a term may read across it, so a test of the element's text may miss that term.
 */
function skippedTextLength(element: Element, reading: Reading): number | null {
  const skipped = element.querySelectorAll(reading.skipped);
  let skippedLength = 0;
  let outermost: Element | null = null;
  for (let index = 0; index < skipped.length; index++) {
    const inside = skipped[index] as Element;
    if (outermost?.contains(inside)) continue;
    if (INLINE_TAGS.has(inside.localName)) return null;
    outermost = inside;
    skippedLength += inside.textContent?.length ?? 0;
  }
  return skippedLength;
}

function reportShadowRoot(element: Element, options: TextRunOptions): void {
  const shadow = element.shadowRoot;
  if (shadow) options.onShadowRoot?.(shadow);
}

/** A shadow root may sit on a host with or without light children: every element that may host one is looked at. */
function reportShadowRootsInside(element: Element, reading: Reading): void {
  const report = reading.options.onShadowRoot;
  if (!report) return;
  const inside = element.querySelectorAll(SHADOW_HOST_CANDIDATES);
  for (let index = 0; index < inside.length; index++) {
    const shadow = inside[index]?.shadowRoot;
    if (shadow && !reading.placementOf(shadow.host).skipped) report(shadow);
  }
}

const INVISIBLE = /[\u00ad\u200b]/u;

function mayHoldTerm(text: string, pattern: RegExp): boolean {
  // Terms read across soft hyphens and zero-width spaces ("keta&shy;mine"): test the text without them.
  const visible = INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
  pattern.lastIndex = 0;
  return pattern.test(visible);
}

/** The runs of one text node or inline element, in a line the collector is building. */
function* runsOfInline(reading: Reading, node: Node): Generator<TextRun> {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = reading.collector.add(node as Text);
    if (run) yield run;
    return;
  }
  yield* runsOfTextNodes(reading, node);
}

/** Every run inside a block. */
function* runsWithin(reading: Reading, block: Node): Generator<TextRun> {
  // Most blocks read are a paragraph of plain text: its one text node is its one run.
  const only = block.firstChild;
  if (only !== null && only === block.lastChild && only.nodeType === Node.TEXT_NODE) {
    yield toRun([only as Text]);
    return;
  }
  yield* runsOfTextNodes(reading, block);
  const run = reading.collector.finish();
  if (run) yield run;
}

/**
 * The walk shows the browser only text nodes and passes no filter: a filter callback costs a call
 * from the engine into script for every element and made the walk twenty times slower. Where a
 * text node belongs (skipped? which block?) is worked out from its parent instead, once per parent.
 */
function* runsOfTextNodes(reading: Reading, node: Node): Generator<TextRun> {
  const walker = reading.document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode() as Text | null; text !== null; text = walker.nextNode() as Text | null) {
    const run = reading.collector.add(text);
    if (run) yield run;
  }
}

/** Joins text nodes, in document order, into runs: a new run starts at each new block or line. */
class RunCollector {
  private nodes: Text[] = [];
  private block: Node | null = null;
  // Neighbouring text nodes mostly share a parent: the memo's lookup is skipped for them.
  private lastParent: Node | null = null;
  private lastPlacement: Placement | null = null;

  constructor(private readonly placementOf: (parent: Node) => Placement) {}

  /** Takes the next text node; returns the run it ended, if it starts a new one. */
  add(node: Text): TextRun | null {
    const parent = node.parentNode;
    if (!parent) return null;
    if (parent !== this.lastParent || this.lastPlacement === null) {
      this.lastParent = parent;
      this.lastPlacement = this.placementOf(parent);
    }
    const placement = this.lastPlacement;
    if (placement.skipped) return null;
    let ended: TextRun | null = null;
    if (placement.block !== this.block || startsLine(node, placement.block, this.placementOf)) {
      ended = this.finish();
      this.block = placement.block;
    }
    this.nodes.push(node);
    return ended;
  }

  /** The run being built, if any; the next text node starts a new one. */
  finish(): TextRun | null {
    this.block = null;
    if (this.nodes.length === 0) return null;
    const run = toRun(this.nodes);
    this.nodes = [];
    return run;
  }
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
  return { range, nodes: first === 0 && last === run.nodes.length - 1 ? run.nodes : run.nodes.slice(first, last + 1) };
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
