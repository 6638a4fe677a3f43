import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { announceDesignModeChanges } from '@/page/signals/design-mode-announcer';
import { announceAttachedShadowRoots } from '@/page/signals/shadow-root-announcer';

/**
 * In the page's own world, put there by the engine (page/engine/page-engine.ts) where it highlights:
 * tells it of what no mutation record reports — shadow roots attached to elements already on the
 * page, and design mode switched on or off. Pages the engine never loads in get nothing in their world.
 */
export default defineUnlistedScript({
  // No global variable for its result: the page's own names stay the page's.
  globalName: false,
  main() {
    announceAttachedShadowRoots(Element.prototype);
    announceDesignModeChanges(Document.prototype);
  },
});
