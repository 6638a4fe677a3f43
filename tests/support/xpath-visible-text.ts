// happy-dom has no XPath. The scan asks XPath one question (page/scan/text-runs.ts, `holdsNoVisibleText`):
// the first child text node of an element with more than white space in it. This answers exactly
// that question, as browsers do, so the DOM and property tests read pages the way Chromium and
// Firefox do; any other expression is refused rather than answered wrongly.
const VISIBLE_TEXT_CHILD = 'text()[normalize-space()]';
// XPath's white space: space, tab, carriage return, line feed (not NBSP).
const XPATH_VISIBLE = /[^ \t\r\n]/u;

if (typeof globalThis.XPathResult === 'undefined') {
  const FIRST_ORDERED_NODE_TYPE = 9;
  Object.assign(globalThis, { XPathResult: { FIRST_ORDERED_NODE_TYPE } });
  const evaluate = function evaluate(expression: string, contextNode: Node, _resolver, type) {
    if (expression !== VISIBLE_TEXT_CHILD || type !== FIRST_ORDERED_NODE_TYPE) {
      throw new Error(`the test XPath answers only ${VISIBLE_TEXT_CHILD}, not ${expression}`);
    }
    const first = [...contextNode.childNodes].find(
      (child) => child.nodeType === Node.TEXT_NODE && XPATH_VISIBLE.test((child as Text).data),
    );
    return { singleNodeValue: first ?? null } as XPathResult;
  } as Document['evaluate'];
  // happy-dom's documents are not all built from the global `Document`: give it to each kind.
  for (const kind of [Document, globalThis.HTMLDocument, globalThis.XMLDocument, document.constructor]) {
    if (typeof kind === 'function') kind.prototype.evaluate = evaluate;
  }
}
