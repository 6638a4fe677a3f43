import { pageWorldEvent } from './page-world-event';

/**
 * The event a document fires, from the page's own world, when its design mode is switched on or off.
 * No DOM change says so: without it a page made editable after the scan (a "make this page
 * editable" bookmarklet) would keep its highlights while the reader types, and one made read-only
 * again would stay unread.
 */
export const DESIGN_MODE_CHANGED = 'mhx-design-mode-changed';

/** Makes setting `designMode` announce a change; like `announceAttachedShadowRoots`, in the page's world. */
export function announceDesignModeChanges(prototype: Document): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'designMode');
  const { get, set } = descriptor ?? {};
  if (!descriptor || !get || !set) return;
  const { apply } = Reflect;
  const announce = pageWorldEvent(DESIGN_MODE_CHANGED, {});
  Object.defineProperty(prototype, 'designMode', {
    ...descriptor,
    set(this: Document, mode: string) {
      const before: unknown = apply(get, this, []);
      apply(set, this, [mode]);
      if (apply(get, this, []) !== before) announce(this);
    },
  });
}
