/**
 * Where a reader's prose can be: never inside code, form fields, editors, hidden subtrees or our own
 * UI, where a highlight would either be wrong or disturb typing.
 *
 * By local name, which is lower case for HTML elements in HTML and XHTML documents alike (`tagName`
 * is upper case in HTML only), and for SVG's and MathML's own elements.
 */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
]);

/**
 * Chromium shows an XML file without a stylesheet as a tree it builds, and keeps the file's own
 * elements beside it in this hidden container: read both and every term would count twice.
 */
const XML_VIEWER_SOURCE_ID = 'webkit-xml-viewer-source-xml';

/**
 * A selector for the elements `isSkippedElement` skips, so one call into the engine can tell
 * whether a whole subtree holds any.
 */
export function skippedSelector(ownHostTag: string): string {
  return [
    ...SKIPPED_TAGS,
    ownHostTag,
    `#${XML_VIEWER_SOURCE_ID}`,
    '[aria-hidden="true"]',
    '[contenteditable]:not([contenteditable="false"])',
  ].join(',');
}

/** `localName` saves a call into the engine where the caller has already read it. */
export function isSkippedElement(element: Element, ownHostTag: string, localName = element.localName): boolean {
  if (SKIPPED_TAGS.has(localName) || localName === ownHostTag) return true;
  // Most elements carry no attributes at all: one call answers for all the checks below.
  if (!element.hasAttributes()) return false;
  if (element.id === XML_VIEWER_SOURCE_ID) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}
