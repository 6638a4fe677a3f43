import { defineContentScript } from 'wxt/utils/define-content-script';
import { announceDesignModeChanges } from '@/page/signals/design-mode-announcer';
import { announceAttachedShadowRoots } from '@/page/signals/shadow-root-announcer';

/**
 * In the page's own world, from the start: tells the explainer (entrypoints/explainer.content) of
 * what no mutation record reports: shadow roots attached to elements already on the page, and
 * design mode switched on or off.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  world: 'MAIN',
  // No global variable for its result: the page's own names stay the page's.
  globalName: false,
  main() {
    announceAttachedShadowRoots(Element.prototype);
    announceDesignModeChanges(Document.prototype);
  },
});
