import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/*
 * The card's own controls keep working on pages that swallow clicks. A page's capture listener on
 * the window or the document that stops a click's propagation (menus that close on any click,
 * analytics, focus traps) would keep it from ever reaching a button in the card's shadow root, and a
 * page that cancels `touchstart` (carousels, drawers) gets no click from a tap at all. So:
 * - each control's click runs its action and marks the click as handled;
 * - a listener of ours in the window's capture phase sees every click that reaches the window
 *   ahead of the page's document-level listeners; once the click's dispatch is over, a click on a
 *   control that its own handler never saw runs that control's action;
 * - a tap (a touch pointer down and up on the same control) with no click after it runs the action
 *   too, and a click that comes late after that is ignored.
 * A page that calls stopImmediatePropagation() in a window capture listener registered before ours
 * hides the click from every script but its own; only the tap rescue helps there.
 */

const actions = new WeakMap<Element, () => void>();
const handled = new WeakSet<Event>();
/** Controls whose action a rescue ran, until when a click on them is taken to be that same press. */
const rescuedUntil = new WeakMap<Element, number>();
/** How long after a tap a click may still follow it. */
const TAP_CLICK_WAIT_MS = 350;

/** Props for a card control (a button): its click runs `action`, and a rescued press does too. */
export function controlProps(action: () => void) {
  return {
    ref: (element: Element | null) => {
      if (element) actions.set(element, action);
    },
    onClick: (event: Event) => {
      handled.add(event);
      const element = event.currentTarget as Element | null;
      if (element && (rescuedUntil.get(element) ?? 0) > performance.now()) return;
      action();
    },
  };
}

/** The control an event happened on, if it happened on one in a card (`inCard` says which events are ours). */
function controlOf(event: Event): Element | null {
  for (const target of event.composedPath()) {
    if (target instanceof Element && actions.has(target)) return target;
  }
  return null;
}

function rescue(control: Element): void {
  if (!control.isConnected) return;
  rescuedUntil.set(control, performance.now() + TAP_CLICK_WAIT_MS * 2);
  actions.get(control)?.();
}

/** Listens for clicks and taps the page kept from the card's controls, and runs their actions. */
export function rescueSwallowedControls(ctx: ContentScriptContext, inCard: (event: Event) => boolean): void {
  let tap: { control: Element; pointerId: number } | null = null;
  let tapTimer: number | null = null;
  const clickSeen = (control: Element) => {
    if (tap?.control === control && tapTimer !== null) {
      clearTimeout(tapTimer);
      tapTimer = null;
    }
  };
  ctx.addEventListener(
    window,
    'click',
    (event: MouseEvent) => {
      if (!inCard(event)) return;
      const control = controlOf(event);
      if (!control) return;
      clickSeen(control);
      // After the dispatch: whoever could handle the click has had it.
      ctx.setTimeout(() => {
        if (!handled.has(event) && (rescuedUntil.get(control) ?? 0) <= performance.now()) rescue(control);
      }, 0);
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'pointerdown',
    (event: PointerEvent) => {
      const control = event.pointerType === 'touch' && inCard(event) ? controlOf(event) : null;
      tap = control ? { control, pointerId: event.pointerId } : null;
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    window,
    'pointerup',
    (event: PointerEvent) => {
      const pressed = tap;
      tap = null;
      if (!pressed || pressed.pointerId !== event.pointerId || controlOf(event) !== pressed.control) return;
      tap = pressed;
      if (tapTimer !== null) clearTimeout(tapTimer);
      tapTimer = ctx.setTimeout(() => {
        tapTimer = null;
        tap = null;
        rescue(pressed.control);
      }, TAP_CLICK_WAIT_MS);
    },
    { capture: true, passive: true },
  );
}
