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

/**
 * A selector for the elements `isSkippedElement` skips, so one call into the engine can tell
 * whether a whole subtree holds any.
 */
export function skippedSelector(ownHostTag: string): string {
  const tags = new Set([...SKIPPED_TAGS].map((tag) => tag.toLowerCase()));
  return [
    ...tags,
    ownHostTag,
    `#${XML_VIEWER_SOURCE_ID}`,
    '[aria-hidden="true"]',
    '[contenteditable]:not([contenteditable="false"])',
  ].join(',');
}

/** `tagName` saves a call into the engine where the caller has already read it. */
export function isSkippedElement(element: Element, ownHostTag: string, tagName = element.tagName): boolean {
  // Our host is an HTML element: its tag name is upper case, except in XHTML documents.
  if (SKIPPED_TAGS.has(tagName) || tagName === ownHostTag || tagName === ownHostTag.toUpperCase()) return true;
  // Most elements carry no attributes at all: one call answers for all the checks below.
  if (!element.hasAttributes()) return false;
  if (element.id === XML_VIEWER_SOURCE_ID) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}
