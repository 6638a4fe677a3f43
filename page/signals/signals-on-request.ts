/**
 * The page-world signals (shadow roots attached, design mode switched) are installed only in the
 * pages the engine is loaded in: a page can tell a wrapped `attachShadow` from the browser's own, and
 * most pages are never highlighted. The page-world script (entrypoints/mhx-page-signals.content.ts)
 * takes what it needs at the page's start and waits for this event; the engine, in its own world,
 * fires it when it starts, before its first scan, which finds whatever roots were attached until then.
 */
export const PAGE_SIGNALS_WANTED = 'mhx-page-signals-wanted';

/** In the page's world: runs `install` the first time the engine asks, and never before. */
export function installWhenWanted(target: EventTarget, install: () => void): void {
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  const { apply } = Reflect;
  const listener = () => {
    apply(removeEventListener, target, [PAGE_SIGNALS_WANTED, listener]);
    try {
      install();
    } catch {
      // A page that broke the built-ins before we were asked gets no signals, and no error.
    }
  };
  apply(addEventListener, target, [PAGE_SIGNALS_WANTED, listener]);
}

/** In the engine's world: asks the page-world script to install the signals. */
export function wakePageSignals(document: Document): void {
  document.dispatchEvent(new Event(PAGE_SIGNALS_WANTED));
}
