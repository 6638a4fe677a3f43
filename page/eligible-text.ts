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
