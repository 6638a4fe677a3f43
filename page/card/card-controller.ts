import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlightedTerm } from '@/page/scan/term-highlighter';
import { clickOnTerm, keyOpensCard, restOpensCard } from '@/utils/card-trigger';
import type { CardTextSize, CardTrigger, CardTriggerKey } from '@/utils/preferences';
import { CurrentTermHighlight } from './current-term-highlight';
import { HoverIntent } from './hover-intent';
import { createLazyTermCardHost, type LazyTermCardHost } from './lazy-term-card-host';
import { revealRange } from './reveal-range';
import type { TermCardModule } from './term-card-module';
import { beyondTerm, type TermDirection } from './term-navigation';

export interface CardControllerOptions {
  hostTag: string;
  /** Names the highlight that marks the occurrence whose card is open. */
  currentHighlightName: string;
  /** Loads the card's UI and explanations, the first time a card is wanted. */
  loadCard: () => Promise<TermCardModule>;
  onReadMore: (anchor: string) => void;
  openDelayMs: number;
  closeDelayMs: number;
  /** The highlighted term under a viewport point, if any. */
  termAt: (x: number, y: number) => HighlightedTerm | null;
  /** Whether the pointer may open cards now (the site is on and its highlights are shown). */
  isLive: () => boolean;
}

/** Elements whose clicks are the page's: a term inside one keeps working as the page made it. */
const PAGE_CONTROLS = 'a[href], button, summary, label, select, [role="link"], [role="button"]';

/**
 * Who opens, pins and closes the one card on the page, from the pointer and from the keyboard:
 * - resting on a term opens its card (by the reader's choice: always, only while a key is held, or
 *   never), leaving term and card closes it (HoverIntent);
 * - a click or tap on a term pins its card, a second one closes it; a click elsewhere or Escape
 *   closes it; a tap on a term inside a link follows the link (utils/card-trigger.ts);
 * - a finger never hovers, so on a device with both a mouse and a touch screen one card is open at
 *   a time, whichever opened it;
 * - a card opened from the keyboard (command, popup) is pinned, announced through a live region,
 *   takes the next Tab, and gives focus back where it was when Escape closes it.
 * Listeners run in the capture phase and never cancel the page's own handling of an event: a term
 * inside a link still follows the link.
 */
export class CardController {
  private readonly hover: HoverIntent<HighlightedTerm>;
  private readonly card: LazyTermCardHost;
  private readonly currentHighlight: CurrentTermHighlight;
  private pointerFrame: number | null = null;
  private latestPointer = { x: 0, y: 0 };
  /** Set while the open card came from the keyboard: it takes the next Tab. */
  private fromKeyboard = false;
  /** Where focus was before a keyboard-opened card, to return it there on Escape. */
  private focusOrigin: HTMLElement | null = null;
  /** The term the keyboard last showed: the next step starts there while it is still in view. */
  private keyboardPlace: HighlightedTerm | null = null;
  private trigger: CardTrigger = 'hover';
  private triggerKey: CardTriggerKey = 'Alt';
  /** The kind of pointer last pressed: a click in a browser that does not say its pointer's kind is that one's. */
  private lastPressType = '';

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: CardControllerOptions,
  ) {
    this.currentHighlight = new CurrentTermHighlight(options.currentHighlightName);
    ctx.onInvalidated(() => this.currentHighlight.dispose());
    this.card = createLazyTermCardHost(ctx, {
      load: options.loadCard,
      hostTag: options.hostTag,
      onReadMore: options.onReadMore,
      onRelated: (termId) => this.showRelated(termId),
      onClose: () => this.close(),
      onPointerEnter: () => this.hover.cardEntered(),
      onPointerLeave: () => this.hover.cardLeft(),
    });
    this.hover = new HoverIntent<HighlightedTerm>({
      openDelayMs: options.openDelayMs,
      closeDelayMs: options.closeDelayMs,
      open: (term) => this.render(term),
      close: () => {
        this.fromKeyboard = false;
        this.currentHighlight.show(null);
        this.card.hide();
      },
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
      clearTimer: (id) => clearTimeout(id),
    });
    const onPointerMove = (event: PointerEvent) => this.onPointerMove(event);
    // Leaving the window (or the iframe) sends no more moves: without this the card would stay.
    const onPointerOut = (event: PointerEvent) => {
      if (event.relatedTarget === null && !this.ctx.isInvalid) this.hover.pointerOver(null);
    };
    const onClick = (event: MouseEvent) => this.onClick(event);
    const onKeyDown = (event: KeyboardEvent) => this.onKeyDown(event);
    const onPointerDown = (event: PointerEvent) => {
      this.lastPressType = event.pointerType;
    };
    // The same functions every time: adding a listener that is still there is a no-op. On the
    // window, in the capture phase: ahead of a page's own document-level listeners, which may stop
    // a click or a move from going further.
    const listen = () => {
      ctx.addEventListener(window, 'pointermove', onPointerMove, { capture: true, passive: true });
      ctx.addEventListener(document, 'pointerout', onPointerOut, { passive: true });
      ctx.addEventListener(window, 'pointerdown', onPointerDown, { capture: true, passive: true });
      ctx.addEventListener(window, 'click', onClick, { capture: true, passive: true });
      ctx.addEventListener(window, 'keydown', onKeyDown, { capture: true });
    };
    listen();
    // document.open() erases every listener on the document, those of content scripts too, and the
    // page then writes itself a new root element: listen again when the root changes.
    // https://html.spec.whatwg.org/multipage/dynamic-markup-insertion.html#document-open-steps
    const rootWatcher = new MutationObserver(() => {
      if (!this.ctx.isInvalid) listen();
    });
    rootWatcher.observe(document, { childList: true });
    ctx.onInvalidated(() => rootWatcher.disconnect());
  }

  /** The term whose card is open. */
  get current(): HighlightedTerm | null {
    return this.hover.current;
  }

  setOpenDelay(ms: number): void {
    this.hover.setOpenDelay(ms);
  }

  /** What opens a card under the pointer: resting on a term, resting with `key` held, or a click only. */
  setTrigger(trigger: CardTrigger, key: CardTriggerKey): void {
    this.trigger = trigger;
    this.triggerKey = key;
  }

  setTextSize(size: CardTextSize): void {
    this.card.setTextSize(size);
  }

  dismiss(): void {
    this.hover.dismiss();
  }

  /**
   * Which terms lie beyond the reader's place in `direction`: past the open card, or past the term
   * the keyboard last showed while it is still on screen, or else past the top (bottom) of the window.
   */
  readingPlace(direction: TermDirection): (term: HighlightedTerm) => boolean {
    const open = this.hover.current;
    // A term whose text has left the page has no place in it any more.
    const place =
      open?.range.startContainer.isConnected === true
        ? open
        : this.keyboardPlace && isOnScreen(this.keyboardPlace)
          ? this.keyboardPlace
          : null;
    if (place) return beyondTerm(place, direction);
    return direction === 'next'
      ? (term) => term.range.getBoundingClientRect().bottom > 0
      : (term) => term.range.getBoundingClientRect().top < innerHeight;
  }

  /** Opens `term`'s card as the keyboard does: scrolled into view, pinned and read out. */
  showFromKeyboard(term: HighlightedTerm): void {
    revealRange(term.range, (element) => element.localName === this.options.hostTag);
    if (!this.card.hasFocus()) this.focusOrigin = focusedElement();
    this.keyboardPlace = term;
    const alreadyShown = this.hover.current === term;
    this.hover.pin(term);
    // Pinning the open term does not open it again, but it may show a related term's explanation.
    if (alreadyShown) this.render(term);
    this.fromKeyboard = true;
    this.card.announce(term.termId);
  }

  /** Shows the card of `term`, or of the related term `termId` in its place. */
  private render(term: HighlightedTerm, termId = term.termId): Promise<void> {
    this.currentHighlight.show(term.range);
    return this.card.show(term.range, termId);
  }

  /** Shows a related term's explanation in the open card, which stays where it is, pinned. */
  private showRelated(termId: string): void {
    const term = this.hover.current;
    if (!term) return;
    const hadFocus = this.card.hasFocus();
    this.hover.pin(term);
    void this.render(term, termId).then(() => {
      // The control that had focus may be gone with the old content.
      if (hadFocus) this.card.focusTitle();
    });
    this.card.announce(termId);
  }

  private close(): void {
    const hadFocus = this.card.hasFocus();
    const origin = this.focusOrigin;
    this.focusOrigin = null;
    this.hover.dismiss();
    if (hadFocus && origin?.isConnected) origin.focus({ preventScroll: true });
  }

  private onPointerMove(event: PointerEvent): void {
    // After an extension reload or update, the first pointer move finds out and cleans up.
    if (this.ctx.isInvalid) return;
    if (!this.options.isLive()) return;
    // A finger's move is a scroll or a drag, never a hover.
    if (event.pointerType === 'touch') return;
    // The frame's hit-test reads the last position, not the first: a pointer that comes to rest on a
    // term within a frame (Firefox often delivers several moves per frame) is over that term.
    this.latestPointer = { x: event.clientX, y: event.clientY };
    const opens = restOpensCard(this.trigger, this.triggerKey, event);
    // With cards on click only, or a key not held, moves matter only to close a card they opened.
    if (!opens && (this.hover.current === null || this.hover.isPinned)) return;
    if (this.pointerFrame !== null) return;
    // One hit-test per frame however fast the pointer moves.
    this.pointerFrame = this.ctx.requestAnimationFrame(() => {
      this.pointerFrame = null;
      const point = this.latestPointer;
      const term = this.options.termAt(point.x, point.y);
      if (!opens) {
        // Still over the open card's term: it stays; anywhere else it goes, and nothing opens.
        this.hover.pointerOver(term === this.hover.current ? term : null);
        return;
      }
      // The card loads while the pointer rests, so the first one opens as soon as the delay is over.
      if (term) this.card.prepare();
      // A held key says what the pointer means: no wait.
      if (this.trigger === 'hover-with-key' && term) this.hover.showNow(term);
      else this.hover.pointerOver(term);
    });
  }

  private onClick(event: MouseEvent): void {
    if (this.ctx.isInvalid) return;
    if (this.card.contains(event)) {
      // Working with the card keeps it open.
      const term = this.hover.current;
      if (term) this.hover.pin(term);
      return;
    }
    const found = this.options.isLive() ? this.options.termAt(event.clientX, event.clientY) : null;
    const pointerType = (event as Partial<PointerEvent>).pointerType || this.lastPressType;
    const inControl = found?.range.startContainer.parentElement?.closest(PAGE_CONTROLS) != null;
    const action = found
      ? clickOnTerm(this.trigger, { pointerType, altKey: event.altKey, shiftKey: event.shiftKey, inControl })
      : null;
    // A term inside a link, tapped: the link is followed, and the card stays as it was.
    const term = action === 'toggle' ? found : null;
    if (found && !term) return;
    // The end of a text selection is not a click on a term.
    const selecting = term !== null && getSelection()?.isCollapsed === false;
    if (term && !selecting) {
      if (pointerType === 'touch') this.card.prepare();
      if (this.hover.isPinned && this.hover.current === term) {
        this.hover.unpin();
        this.fromKeyboard = false;
      } else {
        this.fromKeyboard = false;
        this.hover.pin(term);
      }
      return;
    }
    if (!selecting && this.hover.current !== null) this.hover.dismiss();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.ctx.isInvalid) return;
    // The key that opens cards, pressed while the pointer rests on a term: its card opens.
    if (!event.repeat && keyOpensCard(this.trigger, this.triggerKey, event.key) && this.options.isLive()) {
      const term = this.options.termAt(this.latestPointer.x, this.latestPointer.y);
      if (term) {
        this.card.prepare();
        this.hover.showNow(term);
      }
      return;
    }
    if (this.hover.current === null) return;
    if (event.key === 'Escape') {
      const fromKeyboard = this.fromKeyboard;
      const origin = this.focusOrigin;
      const hadFocus = this.card.hasFocus();
      this.focusOrigin = null;
      this.hover.dismiss();
      if ((hadFocus || fromKeyboard) && origin?.isConnected) origin.focus({ preventScroll: true });
      return;
    }
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (this.card.hasFocus()) this.card.cycleFocus(event);
    else if (this.fromKeyboard && this.card.focusFirst()) event.preventDefault();
  }
}

/** The focused element of the page, or null when that is nothing in particular (the body). */
function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

function isOnScreen(term: HighlightedTerm): boolean {
  if (!term.range.startContainer.isConnected) return false;
  const rect = term.range.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < innerHeight && (rect.width > 0 || rect.height > 0);
}
