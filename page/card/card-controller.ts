import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HighlightedTerm } from '@/page/scan/term-highlighter';
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

/**
 * Who opens, pins and closes the one card on the page, from the pointer and from the keyboard:
 * - resting on a term opens its card, leaving term and card closes it (HoverIntent);
 * - a click on a term pins its card, a second click unpins it; a click elsewhere or Escape closes it;
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
    // The same functions every time: adding a listener that is still there is a no-op.
    const listen = () => {
      ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true });
      ctx.addEventListener(document, 'pointerout', onPointerOut, { passive: true });
      ctx.addEventListener(document, 'click', onClick, { capture: true, passive: true });
      ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
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
    // The frame's hit-test reads the last position, not the first: a pointer that comes to rest on a
    // term within a frame (Firefox often delivers several moves per frame) is over that term.
    this.latestPointer = { x: event.clientX, y: event.clientY };
    if (this.pointerFrame !== null) return;
    // One hit-test per frame however fast the pointer moves.
    this.pointerFrame = this.ctx.requestAnimationFrame(() => {
      this.pointerFrame = null;
      const point = this.latestPointer;
      const term = this.options.termAt(point.x, point.y);
      // The card loads while the pointer rests, so the first one opens as soon as the delay is over.
      if (term) this.card.prepare();
      this.hover.pointerOver(term);
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
    const term = this.options.isLive() ? this.options.termAt(event.clientX, event.clientY) : null;
    // The end of a text selection is not a click on a term.
    const selecting = term !== null && getSelection()?.isCollapsed === false;
    if (term && !selecting) {
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
    if (this.ctx.isInvalid || this.hover.current === null) return;
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
