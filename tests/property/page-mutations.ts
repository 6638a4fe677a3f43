import fc from 'fast-check';
import { buildNode, type PageNode, pageNode, SHADOW_HOST_TAGS, textData } from './page-tree';

/**
 * What scripts do to a page after it loads. Targets are indices into the page's nodes at the time
 * the change is made (taken modulo their number), so any sequence applies to any page and still
 * shrinks well.
 */
export type PageMutation =
  | { kind: 'append'; target: number; content: PageNode }
  | { kind: 'insertBefore'; target: number; content: PageNode }
  | { kind: 'remove'; target: number }
  | { kind: 'replace'; target: number; content: PageNode }
  | { kind: 'move'; target: number; destination: number }
  | { kind: 'setData'; target: number; data: string }
  | { kind: 'split'; target: number; at: number }
  | { kind: 'wrap'; target: number; tag: 'em' | 'p' }
  | { kind: 'addShadowHost'; target: number; tag: string; shadow: PageNode[] }
  | { kind: 'setEditable'; target: number; editable: 'true' | 'false' | null }
  | { kind: 'setHidden'; target: number; hidden: 'true' | 'false' | null };

/** A batch of changes made in one task, and whether the page then waits for the extension to catch up. */
export interface MutationBatch {
  mutations: PageMutation[];
  waitAfter: boolean;
}

const target = fc.nat({ max: 1000 });

export const pageMutation: fc.Arbitrary<PageMutation> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), target, content: pageNode }),
  fc.record({ kind: fc.constant('insertBefore' as const), target, content: pageNode }),
  fc.record({ kind: fc.constant('remove' as const), target }),
  fc.record({ kind: fc.constant('replace' as const), target, content: pageNode }),
  fc.record({ kind: fc.constant('move' as const), target, destination: target }),
  fc.record({ kind: fc.constant('setData' as const), target, data: textData }),
  fc.record({ kind: fc.constant('split' as const), target, at: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('wrap' as const), target, tag: fc.constantFrom('em' as const, 'p' as const) }),
  fc.record({
    kind: fc.constant('addShadowHost' as const),
    target,
    tag: fc.constantFrom(...SHADOW_HOST_TAGS),
    shadow: fc.array(pageNode, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('setEditable' as const),
    target,
    editable: fc.constantFrom('true' as const, 'false' as const, null),
  }),
  fc.record({
    kind: fc.constant('setHidden' as const),
    target,
    hidden: fc.constantFrom('true' as const, 'false' as const, null),
  }),
);

export const mutationBatches: fc.Arbitrary<MutationBatch[]> = fc.array(
  fc.record({ mutations: fc.array(pageMutation, { minLength: 1, maxLength: 4 }), waitAfter: fc.boolean() }),
  { minLength: 1, maxLength: 4 },
);

/** Every node under `root`, shadow trees included (the shadow roots themselves too), in document order. */
function nodesUnder(root: Node): Node[] {
  const nodes: Node[] = [];
  const visit = (parent: Node) => {
    for (const child of parent.childNodes) {
      nodes.push(child);
      const shadow = (child as Element).shadowRoot;
      if (shadow) {
        nodes.push(shadow);
        visit(shadow);
      }
      visit(child);
    }
  };
  visit(root);
  return nodes;
}

const pick = <T>(list: readonly T[], index: number): T | undefined => list[index % Math.max(1, list.length)];
const isContainer = (node: Node) =>
  node.nodeType === Node.DOCUMENT_FRAGMENT_NODE || (node.nodeType === Node.ELEMENT_NODE && !isVoid(node as Element));
const isVoid = (element: Element) => ['BR', 'IMG', 'HR', 'WBR'].includes(element.tagName);
const isElement = (node: Node): node is Element => node.nodeType === Node.ELEMENT_NODE;
const isChild = (node: Node) => node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE;

/** Browsers refuse to move a node into its own shadow tree; happy-dom does not check and recurses forever. */
function isShadowIncludingAncestor(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode ?? (current as ShadowRoot).host ?? null) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * Makes one change under `root`. Shadow roots are only attached to elements made for the purpose
 * and then inserted: attaching one to an element already on the page makes no mutation record, so
 * no observer can see it (a limit of the platform, not of the extension).
 */
export function applyMutation(root: Element, mutation: PageMutation): void {
  const document = root.ownerDocument;
  const nodes = nodesUnder(root);
  const containers = [root, ...nodes.filter(isContainer)];
  const children = nodes.filter(isChild);
  const texts = nodes.filter((node): node is Text => node.nodeType === Node.TEXT_NODE);
  try {
    switch (mutation.kind) {
      case 'append':
        pick(containers, mutation.target)?.appendChild(buildNode(document, mutation.content));
        break;
      case 'insertBefore': {
        const before = pick(children, mutation.target);
        before?.parentNode?.insertBefore(buildNode(document, mutation.content), before);
        break;
      }
      case 'remove':
        pick(children, mutation.target)?.parentNode?.removeChild(pick(children, mutation.target) as Node);
        break;
      case 'replace': {
        const old = pick(children, mutation.target);
        old?.parentNode?.replaceChild(buildNode(document, mutation.content), old);
        break;
      }
      case 'move': {
        const moved = pick(children, mutation.target);
        const destination = pick(containers, mutation.destination);
        if (moved && destination && !isShadowIncludingAncestor(moved, destination)) destination.appendChild(moved);
        break;
      }
      case 'setData': {
        const text = pick(texts, mutation.target);
        if (text) text.data = mutation.data;
        break;
      }
      case 'split': {
        const text = pick(texts, mutation.target);
        if (text) text.splitText(mutation.at % (text.data.length + 1));
        break;
      }
      case 'wrap': {
        const text = pick(texts, mutation.target);
        if (!text?.parentNode) break;
        const wrapper = document.createElement(mutation.tag);
        text.parentNode.replaceChild(wrapper, text);
        wrapper.appendChild(text);
        break;
      }
      case 'addShadowHost': {
        const host = document.createElement(mutation.tag);
        const shadow = host.attachShadow({ mode: 'open' });
        for (const node of mutation.shadow) shadow.appendChild(buildNode(document, node));
        pick(containers, mutation.target)?.appendChild(host);
        break;
      }
      case 'setEditable': {
        // Click-to-edit: a paragraph becomes an editor, and read-only again.
        const element = pick(nodes.filter(isElement), mutation.target);
        if (mutation.editable === null) element?.removeAttribute('contenteditable');
        else element?.setAttribute('contenteditable', mutation.editable);
        break;
      }
      case 'setHidden': {
        // A dialog opens and hides the rest of the page from assistive technology, and closes again.
        const element = pick(nodes.filter(isElement), mutation.target);
        if (mutation.hidden === null) element?.removeAttribute('aria-hidden');
        else element?.setAttribute('aria-hidden', mutation.hidden);
        break;
      }
    }
  } catch (error) {
    // A change the DOM refuses (a cycle, a shadow root on the wrong element) is simply not made.
    if (!(error instanceof Error && /Hierarchy|NotSupported|not supported|cycle|contains/iu.test(`${error}`)))
      throw error;
  }
}
