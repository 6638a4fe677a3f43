/**
 * The elements the DOM lets carry a shadow root: autonomous custom elements and these few.
 * https://dom.spec.whatwg.org/#valid-shadow-host-name
 */
export const VALID_SHADOW_HOST_NAMES: readonly string[] = [
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
];

/**
 * Common elements that can never carry a shadow root. Asking each element for its shadow root
 * makes a content-script wrapper for it, which is what costs; table cells, links, list items and
 * line breaks are most of a page's elements, and the engine passes over them in a selector
 * without making any. A name left out costs only time, never a missed root.
 */
export const NEVER_SHADOW_HOSTS: readonly string[] = [
  // Each element the selector keeps is compared with every name: the list holds only the most
  // common, the likeliest first.
  'td',
  'a',
  'li',
  'tr',
  'i',
  'br',
  'img',
  'button',
  'b',
  'em',
  'strong',
  'th',
  'ul',
  'ol',
  'col',
  'table',
  'tbody',
  'label',
  'small',
  'sup',
  'time',
  // SVG's own elements: only HTML elements carry shadow roots.
  'path',
  'g',
  'use',
];

/** Selects, under an element, every element that may carry a shadow root. */
export const SHADOW_HOST_CANDIDATES = `:not(${NEVER_SHADOW_HOSTS.join(',')})`;
