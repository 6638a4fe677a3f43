import fc from 'fast-check';
import { glossary } from '@/content/glossary';

/**
 * A page as plain data, so fast-check can generate and shrink it, then built with DOM calls rather
 * than parsed: that keeps what a parser would merge (adjacent and empty text nodes, elements a
 * parser would move out of a <p>) and is how scripts build pages anyway. `markup` goes through the
 * HTML parser, for entities.
 */
export type PageNode =
  | { kind: 'text'; data: string }
  | { kind: 'markup'; html: string }
  | { kind: 'comment'; data: string }
  | {
      kind: 'element';
      tag: string;
      attributes: Readonly<Record<string, string>>;
      children: PageNode[];
      shadow: PageNode[] | null;
    };

export const OWN_HOST_TAG = 'mhx-explainer';

/** Tag and attributes, weighted towards what prose is made of, with every kind of skipped content. */
const ELEMENT_SHAPES: readonly { tag: string; attributes?: Record<string, string> }[] = [
  { tag: 'span' },
  { tag: 'em' },
  { tag: 'strong' },
  { tag: 'b' },
  { tag: 'a', attributes: { href: '#x' } },
  { tag: 'i' },
  { tag: 'mark' },
  { tag: 'sub' },
  { tag: 'wbr' },
  { tag: 'p' },
  { tag: 'div' },
  { tag: 'section' },
  { tag: 'li' },
  { tag: 'h2' },
  { tag: 'blockquote' },
  { tag: 'td' },
  { tag: 'br' },
  { tag: 'img', attributes: { alt: 'ketamine' } },
  { tag: 'hr' },
  { tag: 'script' },
  { tag: 'style' },
  { tag: 'code' },
  { tag: 'pre' },
  { tag: 'textarea' },
  { tag: 'noscript' },
  { tag: 'kbd' },
  { tag: 'span', attributes: { 'aria-hidden': 'true' } },
  { tag: 'div', attributes: { 'aria-hidden': 'true' } },
  { tag: 'span', attributes: { 'aria-hidden': 'false' } },
  { tag: 'div', attributes: { contenteditable: '' } },
  { tag: 'span', attributes: { contenteditable: 'true' } },
  { tag: 'div', attributes: { contenteditable: 'false' } },
  { tag: OWN_HOST_TAG },
  { tag: 'x-card' },
  { tag: 'x-card' },
  { tag: 'x-chip' },
];

const VOID_TAGS = new Set(['wbr', 'br', 'img', 'hr']);
/** Shadow roots go on custom elements, as web components put them, and on the standard elements that may host one. */
export const SHADOW_HOST_TAGS = new Set(['x-card', 'x-chip', 'div', 'section', 'p', 'blockquote', 'h2']);

const spellings = glossary.flatMap((entry) => [entry.term, ...entry.aliases]);
const exclusions = glossary.flatMap((entry) => entry.notWhen ?? []);
const FILLER = ['the', 'and', 'of', 'x', 'era', 'erased', 'eras', 'great', 'based', 'é', 'ü', '1', 'a', 'Long'];
// The last is pretty-printed markup's indentation, longer than any exclusion phrase.
const WHITESPACE = [' ', ' ', ' ', '\u00a0', '\n', '  ', '\t', '\u2009', `\n${' '.repeat(80)}`];
const JOINERS = ['', '-', '’', "'", ',', '.', '&', '<', '\u00ad', '\u200b', '(', ')', 'é', '\u0301', 's'];
const ENTITIES = ['&shy;', '&nbsp;', '&#8217;', '&rsquo;', '&amp;', '&lt;', '&#x200b;', '&#160;', '&apos;'];

const casing = fc.constantFrom<(text: string) => string>(
  (text) => text,
  (text) => text.toLowerCase(),
  (text) => text.toUpperCase(),
  (text) => text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()),
);

/** A glossary spelling as pages write it: any case, any white space, maybe a suffix or a soft hyphen. */
const spellingAsWritten = fc
  .record({
    phrase: fc.constantFrom(...spellings, ...exclusions),
    casing,
    space: fc.constantFrom(...WHITESPACE),
    suffix: fc.constantFrom('', '', '', 's', 'es', "'s", '’s', 'x', 'é', '-based', 'sé', '\u0301'),
    softHyphenAt: fc.option(fc.nat(), { freq: 4 }),
  })
  .map(({ phrase, casing, space, suffix, softHyphenAt }) => {
    const written = casing(phrase).replace(/ /gu, space) + suffix;
    if (softHyphenAt === null) return written;
    const at = softHyphenAt % (written.length + 1);
    return `${written.slice(0, at)}\u00ad${written.slice(at)}`;
  });

/** Part of a spelling, so terms also come split across text nodes and inline elements. */
const spellingFragment = fc
  .tuple(fc.constantFrom(...spellings), fc.nat(), fc.boolean())
  .map(([phrase, at, head]) => (head ? phrase.slice(0, at % phrase.length) : phrase.slice(at % phrase.length)));

const word = fc.oneof(
  { arbitrary: spellingAsWritten, weight: 4 },
  { arbitrary: spellingFragment, weight: 2 },
  { arbitrary: fc.constantFrom(...FILLER), weight: 2 },
);
const separator = fc.oneof(
  { arbitrary: fc.constantFrom(...WHITESPACE), weight: 4 },
  { arbitrary: fc.constantFrom(...JOINERS), weight: 1 },
);

export const textData = fc
  .array(fc.tuple(separator, word), { maxLength: 4 })
  .chain((pairs) =>
    fc.constantFrom('', ' ', '\u00a0').map((tail) => pairs.map((pair) => pair.join('')).join('') + tail),
  );

const escapeHtml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const markup = fc
  .array(fc.oneof({ arbitrary: textData.map(escapeHtml), weight: 2 }, fc.constantFrom(...ENTITIES)), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => ({ kind: 'markup' as const, html: parts.join('') }));

const leaf = fc.oneof(
  { arbitrary: textData.map((data) => ({ kind: 'text' as const, data })), weight: 6 },
  { arbitrary: markup, weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', 'ketamine').map((data) => ({ kind: 'comment' as const, data })), weight: 1 },
);

const { node: pageNodeArbitrary } = fc.letrec<{ node: PageNode; element: PageNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, leaf, tie('element')),
  element: fc
    .record({
      shape: fc.constantFrom(...ELEMENT_SHAPES),
      children: fc.array(tie('node'), { maxLength: 4 }),
      shadow: fc.option(fc.array(tie('node'), { maxLength: 3 }), { freq: 6 }),
    })
    .map(({ shape, children, shadow }): PageNode => {
      const isVoid = VOID_TAGS.has(shape.tag);
      return {
        kind: 'element',
        tag: shape.tag,
        attributes: shape.attributes ?? {},
        children: isVoid ? [] : children,
        shadow: SHADOW_HOST_TAGS.has(shape.tag) ? shadow : null,
      };
    }),
}));

export const pageNode: fc.Arbitrary<PageNode> = pageNodeArbitrary;
export const pageBody: fc.Arbitrary<PageNode[]> = fc.array(pageNode, { minLength: 1, maxLength: 5 });

/** Builds `nodes` into `parent`, shadow roots and all. */
export function buildInto(parent: Node, nodes: readonly PageNode[]): void {
  const document = parent.ownerDocument ?? (parent as Document);
  for (const node of nodes) parent.appendChild(buildNode(document, node));
}

export function buildNode(document: Document, node: PageNode): Node {
  switch (node.kind) {
    case 'text':
      return document.createTextNode(node.data);
    case 'comment':
      return document.createComment(node.data);
    case 'markup': {
      const template = document.createElement('template');
      template.innerHTML = node.html;
      return template.content;
    }
    case 'element': {
      const element = document.createElement(node.tag);
      for (const [name, value] of Object.entries(node.attributes)) element.setAttribute(name, value);
      buildInto(element, node.children);
      if (node.shadow) buildInto(element.attachShadow({ mode: 'open' }), node.shadow);
      return element;
    }
  }
}
