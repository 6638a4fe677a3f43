/**
 * Fires an event of `type` on a target once the page's current code has run, for scripts in the
 * page's own world (entrypoints/mhx-page-signals.content.ts). The built-ins it uses are taken when
 * it is made, so a page that later replaces them changes nothing, and no error of its reaches the page.
 */
export function pageWorldEvent(type: string, init: EventInit): (target: EventTarget) => void {
  const { apply } = Reflect;
  const later = queueMicrotask;
  const PlainEvent = Event;
  const { dispatchEvent } = EventTarget.prototype;
  return (target) => {
    try {
      const event = new PlainEvent(type, init);
      later(() => {
        try {
          apply(dispatchEvent, target, [event]);
        } catch {
          // Nor one the page's own listeners threw on.
        }
      });
    } catch {
      // An announcement that fails is only one not made.
    }
  };
}
