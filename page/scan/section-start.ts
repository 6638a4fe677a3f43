import { parentAcrossShadow } from './parent-across-shadow';

/** What starts a section: a heading of any level. */
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * The section a node is in, named by the heading that starts it (null before the first heading),
 * for "highlight each term once per section" (decision 040). The headings are listed once, the first
 * time a section is asked for, and each question is a binary search over them by document position.
 * Text in a shadow root is in the section of its host.
 */
export function sectionLookup(document: Document): (node: Node) => Element | null {
  let headings: Element[] | null = null;
  return (node) => {
    headings ??= [...document.querySelectorAll(HEADINGS)];
    let target: Node = node;
    while (!target.isConnected || target.getRootNode() !== document) {
      const parent = parentAcrossShadow(target);
      if (!parent) return null;
      target = parent;
    }
    let low = 0;
    let high = headings.length - 1;
    let found: Element | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const heading = headings[middle] as Element;
      // At or after the heading: text in the heading itself opens its section.
      if (heading === target || heading.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = heading;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  };
}
