import { defineContentScript } from 'wxt/utils/define-content-script';
import { announceAttachedShadowRoots } from '@/page/shadow-root-announcer';

/**
 * In the page's own world, from the start: tells the explainer (entrypoints/explainer.content) of
 * shadow roots attached to elements already on the page, which no mutation record reports.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    announceAttachedShadowRoots(Element.prototype);
  },
});
