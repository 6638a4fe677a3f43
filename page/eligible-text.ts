/**
 * Where a reader's prose can be: never inside code, form fields, editors, hidden subtrees or our own
 * UI, where a highlight would either be wrong or disturb typing.
 */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'svg',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);

export function isSkippedElement(element: Element, ownHostTag: string): boolean {
  if (SKIPPED_TAGS.has(element.tagName) || element.localName === ownHostTag) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Text nodes under `root` that may carry highlights, in document order. */
export function collectEligibleTextNodes(root: Node, ownHostTag: string): Text[] {
  const document = root.ownerDocument ?? (root as Document);
  if (document.designMode === 'on') return [];
  const found: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) {
        // Shorter than any term: not worth a look.
        return (node as Text).length >= 3 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      return isSkippedElement(node as Element, ownHostTag) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) found.push(node as Text);
  return found;
}
