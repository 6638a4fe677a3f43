/**
 * Comparable descriptions of a page and of highlights: a range is told by where its ends are (a
 * path of child indices from the document, through shadow roots) and the text it covers, so two
 * scans, or a scan and the reference, can be compared as sorted lists of strings.
 */
export function describeRange(
  termId: string | null,
  range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number },
): string {
  const where = `${pathOf(range.startContainer)}@${range.startOffset}..${pathOf(range.endContainer)}@${range.endOffset}`;
  const text = textBetween(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  return `${termId ?? '?'} ${where} ${JSON.stringify(text)}`;
}

export function pathOf(node: Node): string {
  const steps: string[] = [];
  for (let current: Node | null = node; current; ) {
    const parent: Node | null = current.parentNode;
    if (parent) {
      steps.push(String(Array.prototype.indexOf.call(parent.childNodes, current)));
      current = parent;
    } else if ((current as ShadowRoot).host) {
      steps.push('shadow');
      current = (current as ShadowRoot).host;
    } else {
      break;
    }
  }
  return steps.reverse().join('/');
}

/**
 * The text between two points of one tree, in document order, read from the nodes themselves
 * (not `Range.toString`, which a stale range would also answer).
 */
function textBetween(startNode: Node, startOffset: number, endNode: Node, endOffset: number): string {
  if (startNode === endNode) return (startNode as Text).data.slice(startOffset, endOffset);
  const root = startNode.getRootNode();
  const walker = (startNode.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = startNode;
  let text = (startNode as Text).data.slice(startOffset);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node === endNode) return text + node.data.slice(0, endOffset);
    text += node.data;
  }
  return `${text}…(end not found)`;
}

/** The document's markup with every open shadow root's, which a scan must leave exactly as it was. */
export function serialisePage(document: Document): string {
  const parts = [document.documentElement.outerHTML];
  const visit = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let element = walker.nextNode() as Element | null; element; element = walker.nextNode() as Element | null) {
      if (!element.shadowRoot) continue;
      parts.push(`${pathOf(element)}#shadow: ${element.shadowRoot.innerHTML}`);
      visit(element.shadowRoot);
    }
  };
  visit(document);
  return parts.join('\n');
}

/**
 * happy-dom has no CSS Custom Highlight API; this stands in for it as the registry the browser
 * paints from, so the tests see exactly the ranges the extension hands over.
 */
export class RecordingHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

export function installHighlightRegistry(): Map<string, RecordingHighlight> {
  const registry = new Map<string, RecordingHighlight>();
  Object.defineProperty(globalThis, 'Highlight', { value: RecordingHighlight, configurable: true, writable: true });
  // happy-dom hands out a new `CSS` object on every read, so the registry goes on one that stays.
  const css = Object.assign(Object.create(CSS) as typeof CSS, { highlights: registry });
  Object.defineProperty(globalThis, 'CSS', { value: css, configurable: true, writable: true });
  return registry;
}
