import { defineContentScript } from 'wxt/utils/define-content-script';
import { prepareDesignModeAnnouncer } from '@/page/signals/design-mode-announcer';
import { prepareShadowRootAnnouncer } from '@/page/signals/shadow-root-announcer';
import { installWhenWanted } from '@/page/signals/signals-on-request';

/**
 * In the page's own world, from the start: tells the engine (page/engine/) of what no mutation
 * record reports: shadow roots attached to elements already on the page, and design mode switched on
 * or off. It takes the built-ins it needs now, and wraps nothing until the engine, loaded only where
 * the page will be highlighted, asks for it (page/signals/signals-on-request.ts).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_start',
  world: 'MAIN',
  // No global variable for its result: the page's own names stay the page's.
  globalName: false,
  main() {
    // The prototypes are looked up when the engine asks: a page never highlighted pays for nothing more.
    installWhenWanted(
      document,
      prepareShadowRootAnnouncer(() => Element.prototype),
    );
    installWhenWanted(
      document,
      prepareDesignModeAnnouncer(() => Document.prototype),
    );
  },
});
