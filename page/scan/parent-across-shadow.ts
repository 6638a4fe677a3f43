/**
 * The node's parent, or a shadow root's host: reading a host's block reads its shadow tree too, so
 * questions of "is this inside that?" climb out of shadow roots.
 */
export function parentAcrossShadow(node: Node): Node | null {
  return node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
}
