import { pageWorldEvent } from './page-world-event';

/**
 * The event a page's element fires, from the page's own world, when it is given an open shadow root
 * while on the page. No DOM change says so: without it a custom element upgraded after the scan
 * (a lazily defined web component) would keep the text of its shadow root unread.
 */
export const SHADOW_ROOT_ATTACHED = 'mhx-shadow-root-attached';

/**
 * Makes `attachShadow` announce each open shadow root given to an element already on the page. It
 * runs in the page's world (content scripts' own worlds cannot see the page's calls): the root is
 * the browser's own, the page's errors reach it as before, and ours never do.
 * An element not yet on the page needs no announcement: it is read when it is added.
 */
export function announceAttachedShadowRoots(prototype: Element): void {
  const attach = prototype.attachShadow;
  const isConnected = Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected')?.get;
  const modeOf = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'mode')?.get;
  if (typeof attach !== 'function' || !isConnected || !modeOf) return;
  const { apply } = Reflect;
  // Composed, so it leaves the shadow trees the host is in.
  const announce = pageWorldEvent(SHADOW_ROOT_ATTACHED, { bubbles: true, composed: true });
  prototype.attachShadow = {
    attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
      const root: ShadowRoot = apply(attach, this, [init]);
      if (apply(modeOf, root, []) === 'open' && apply(isConnected, this, [])) announce(this);
      return root;
    },
  }.attachShadow;
}
