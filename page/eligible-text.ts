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

/**
 * Chromium shows an XML file without a stylesheet as a tree it builds, and keeps the file's own
 * elements beside it in this hidden container: read both and every term would count twice.
 */
const XML_VIEWER_SOURCE_ID = 'webkit-xml-viewer-source-xml';

export function isSkippedElement(element: Element, ownHostTag: string): boolean {
  if (SKIPPED_TAGS.has(element.tagName) || element.localName === ownHostTag) return true;
  // Most elements carry no attributes at all: one call answers for all the checks below.
  if (!element.hasAttributes()) return false;
  if (element.id === XML_VIEWER_SOURCE_ID) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}
