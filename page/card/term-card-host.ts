import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { rescueSwallowedControls } from '@/page/card/control-activation';
import { TermCard } from '@/page/card/TermCard';
import cardCss from '@/page/card/term-card.css?inline';
import { UndoNotice } from '@/page/card/UndoNotice';
import type { HelpChoice } from '@/utils/help-line-choice';
import type { CardTextSize } from '@/utils/preferences';
import type { TermExplanation } from '@/utils/term-explanation';

/** How a card's control went: done, with what to say and how to take it back; or not, and why. */
export type CardControlResult =
  | {
      done: true;
      /** "Highlighting is off on example.org". */
      notice: string;
      /** Said under it (the change is kept on this device only), or null. */
      detail: string | null;
      /** Takes the change back; null when it cannot be. */
      undo: (() => Promise<CardControlResult>) | null;
    }
  | { done: false; reason: string };

/** What the card's controls ask of the page's explainer (which asks the background). */
export interface CardControlRequests {
  pauseSite(): Promise<CardControlResult>;
  /** `term` is the term's name, for the notice. */
  hideTerm(termId: string, term: string): Promise<CardControlResult>;
}

export interface TermCardHost {
  /** Shows the card of term `termId` for `range`, below it (or above, when there is no room below). */
  show(range: Range, termId: string): Promise<void>;
  hide(): void;
  /** Reads a term's name and summary out to screen readers through a live region in the card's own shadow root. */
  announce(termId: string): void;
  /** Whether `event` happened inside the card (or its host). */
  contains(event: Event): boolean;
  hasFocus(): boolean;
  /** Moves focus to the card's first control; false when no card is open. */
  focusFirst(): boolean;
  /** Focus on the card's heading, e.g. after its content was replaced under the focused control. */
  focusTitle(): void;
  /** Keeps Tab and Shift+Tab cycling through the card's controls while focus is inside it. */
  cycleFocus(event: KeyboardEvent): void;
  /** Shows the next card's text at this size (the open card's at once). */
  setTextSize(size: CardTextSize): void;
}

export interface TermCardHostOptions {
  hostTag: string;
  /** What each term's card says. */
  explanations: ReadonlyMap<string, TermExplanation>;
  onReadMore: (anchor: string) => void;
  onRelated: (termId: string) => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** The help a condition's card points to, as the settings now say; null while help lines are off. */
  helpChoice?: () => Promise<HelpChoice | null>;
  /** "Not on this site" and "Hide this term"; without them the card offers neither. */
  controls?: CardControlRequests;
}

interface Mounted {
  /** Where Preact renders the card. */
  root: HTMLElement;
  /** Where the undo notice is rendered: it outlives the card it replaces. */
  noticeRoot: HTMLElement;
  /** The live region: it must be in the page before what it announces. */
  status: HTMLElement;
}

const FOCUSABLE = 'button:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';
/** How long an undo notice stays, unless the pointer or focus is on it. */
const NOTICE_MS = 8000;
/** Time for a screen reader to notice the live region emptied before it is filled again. */
const ANNOUNCE_AFTER_MS = 100;

/**
 * The card lives in a shadow root so page CSS cannot restyle it, and in the top layer (a manual
 * popover) so no page overlay, `z-index` or transformed ancestor can cover or displace it. The
 * host element is only added to the page when a card first opens: pages nobody hovers stay exactly
 * as they were.
 */
export function createTermCardHost(ctx: ContentScriptContext, options: TermCardHostOptions): TermCardHost {
  let mounting: Promise<Mounted> | null = null;
  let mounted: Mounted | null = null;
  let stopFollowing: (() => void) | null = null;
  let announceTimer: number | null = null;
  /** Counts shows and hides: a show still waiting for the first mount gives way to anything later. */
  let latest = 0;
  let created: ShadowRootContentScriptUi<Mounted> | undefined;
  let textSize: CardTextSize = 'normal';
  /** The card on show, and the state of its controls. */
  let shown: {
    termId: string;
    explanation: TermExplanation;
    help: HelpChoice | null;
    busy: boolean;
    error: string | null;
  } | null = null;
  let noticeTimer: number | null = null;
  /** The pointer or focus is on the notice: it stays. */
  let noticeHeld = false;

  const inHost = (event: Event) => {
    const host = created?.shadowHost;
    return host !== undefined && event.composedPath().includes(host);
  };
  rescueSwallowedControls(ctx, inHost);

  const mount = () => {
    mounting ??= createShadowRootUi<Mounted>(ctx, {
      name: options.hostTag,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      // The styles are adopted (below) rather than written into a <style> element, which the
      // extension's own pages forbid (their CSP allows no inline style; the first-run page shows a card).
      inheritStyles: true,
      // Keys typed in the card are ours: the page's own shortcuts must not see them bubble up.
      isolateEvents: true,
      onMount: (body, shadow) => {
        adoptCardStyles(shadow);
        const status = document.createElement('div');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        const root = document.createElement('div');
        const noticeRoot = document.createElement('div');
        body.append(status, root, noticeRoot);
        return { root, noticeRoot, status };
      },
      onRemove: (current) => {
        if (current) {
          render(null, current.root);
          render(null, current.noticeRoot);
        }
      },
    }).then((ui) => {
      created = ui;
      // WXT leaves an empty <style> even with no styles to add: gone before the host is in the page,
      // so an extension page's CSP has nothing to refuse.
      for (const style of ui.shadow.querySelectorAll('style')) style.remove();
      ui.mount();
      mounted = ui.mounted ?? null;
      if (!mounted) throw new Error('the card host did not mount');
      return mounted;
    });
    return mounting;
  };
  const cardElement = () => mounted?.root.querySelector<HTMLElement>('.term-card') ?? null;

  const hideCard = () => {
    latest++;
    shown = null;
    stopFollowing?.();
    stopFollowing = null;
    if (mounted) render(null, mounted.root);
  };

  const renderCard = () => {
    if (!mounted || !shown) return;
    const { termId, explanation, help, busy, error } = shown;
    const controls = options.controls;
    render(
      h(TermCard, {
        explanation,
        onReadMore: options.onReadMore,
        onRelated: options.onRelated,
        onClose: options.onClose,
        onPointerEnter: options.onPointerEnter,
        onPointerLeave: options.onPointerLeave,
        help,
        textSize,
        controls: controls && {
          busy,
          error,
          onPauseSite: () => void runControl(termId, () => controls.pauseSite()),
          onHideTerm: () => void runControl(termId, () => controls.hideTerm(termId, explanation.term)),
        },
      }),
      mounted.root,
    );
  };

  /** Runs a card control: the card waits, then gives way to the notice, or says why nothing changed. */
  const runControl = async (termId: string, request: () => Promise<CardControlResult>) => {
    if (!shown || shown.termId !== termId || shown.busy) return;
    shown.busy = true;
    shown.error = null;
    renderCard();
    const rect = cardElement()?.getBoundingClientRect() ?? null;
    const result = await request().catch(
      (error: unknown): CardControlResult => ({ done: false, reason: `Nothing was changed: ${String(error)}` }),
    );
    if (ctx.isInvalid) return;
    if (!result.done) {
      if (shown?.termId === termId) {
        shown.busy = false;
        shown.error = result.reason;
        renderCard();
      }
      return;
    }
    options.onClose();
    showNotice(result, rect);
  };

  const hideNotice = () => {
    if (noticeTimer !== null) clearTimeout(noticeTimer);
    noticeTimer = null;
    noticeHeld = false;
    if (!mounted) return;
    const notice = mounted.noticeRoot.querySelector('.undo-notice');
    const hadFocus =
      notice !== null && created?.shadow.activeElement != null && notice.contains(created.shadow.activeElement);
    render(null, mounted.noticeRoot);
    // Focus on a control that went would be lost; it goes back to the page as a whole.
    if (hadFocus) (document.activeElement as HTMLElement | null)?.blur?.();
  };

  const scheduleNoticeEnd = (ms = NOTICE_MS) => {
    if (noticeTimer !== null) clearTimeout(noticeTimer);
    noticeTimer = ctx.setTimeout(() => {
      noticeTimer = null;
      if (!noticeHeld) hideNotice();
    }, ms);
  };

  /** Shows what a control did where the card was (or at the top of the window), and focuses its Undo. */
  const showNotice = (result: Extract<CardControlResult, { done: true }>, rect: DOMRect | null) => {
    if (!mounted) return;
    const undo = result.undo;
    render(
      h(UndoNotice, {
        text: result.notice,
        detail: result.detail,
        onUndo: undo && (() => void undoWith(undo, rect)),
        onClose: hideNotice,
        onHold: (held) => {
          noticeHeld = held;
          if (!held) scheduleNoticeEnd();
        },
      }),
      mounted.noticeRoot,
    );
    const notice = mounted.noticeRoot.querySelector<HTMLElement>('.undo-notice');
    if (!notice) return;
    notice.classList.add(`size-${textSize}`);
    const margin = 8;
    const width = Math.min(notice.offsetWidth || 300, innerWidth - 2 * margin);
    const x = Math.min(Math.max(margin, rect?.left ?? margin), innerWidth - width - margin);
    const y = Math.min(Math.max(margin, rect?.top ?? margin), innerHeight - (notice.offsetHeight || 60) - margin);
    notice.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    raiseToTopLayer(notice);
    (notice.querySelector<HTMLElement>('.undo') ?? notice.querySelector<HTMLElement>('.close'))?.focus({
      preventScroll: true,
    });
    scheduleNoticeEnd();
  };

  const undoWith = async (undo: () => Promise<CardControlResult>, rect: DOMRect | null) => {
    const result = await undo().catch(
      (error: unknown): CardControlResult => ({ done: false, reason: `Nothing was changed: ${String(error)}` }),
    );
    if (ctx.isInvalid) return;
    // Taken back: said so without an Undo; not: why, with the Undo to try again.
    showNotice(
      result.done ? { ...result, undo: null } : { done: true, notice: result.reason, detail: null, undo },
      rect,
    );
  };

  return {
    async show(range, termId) {
      const call = ++latest;
      const explanation = options.explanations.get(termId);
      if (!explanation) return;
      // A page that breaks the host (it cannot on any page we know) costs the card, never an error.
      const [{ root }, help] = await Promise.all([
        mount().catch(() => ({ root: null })),
        Promise.resolve(options.helpChoice?.() ?? null).catch(() => null),
      ]);
      if (!root || call !== latest || ctx.isInvalid) return;
      // A page that swept the host away, or rewrote itself with document.open(), gets it back when a
      // card is wanted, never in reaction to the removal: a page that keeps removing it cannot make a loop.
      const host = created?.shadowHost;
      if (host && !host.isConnected) document.documentElement?.append(host);
      stopFollowing?.();
      stopFollowing = null;
      shown = { termId, explanation, help, busy: false, error: null };
      renderCard();
      const card = cardElement();
      if (!card) return;
      card.removeAttribute('data-placed');
      raiseToTopLayer(card);
      const reference = {
        getBoundingClientRect: () => range.getBoundingClientRect(),
        getClientRects: () => range.getClientRects(),
        contextElement: range.startContainer.parentElement ?? undefined,
      };
      stopFollowing = autoUpdate(reference, card, () => {
        void computePosition(reference, card, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            // A term that wraps onto two lines: below its last line, or above its first, never over it.
            inline(),
            offset(6),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            size({
              padding: 8,
              apply: ({ availableHeight, elements }) => {
                elements.floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
              },
            }),
            hide({ strategy: 'referenceHidden' }),
          ],
        }).then(({ x, y, middlewareData }) => {
          card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
          // A term scrolled out of its container (or the window) takes its card with it.
          card.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : '';
          card.setAttribute('data-placed', '');
        });
      });
    },

    hide: hideCard,

    announce(termId) {
      const explanation = options.explanations.get(termId);
      if (!explanation) return;
      const text = `${explanation.term}: ${explanation.summary}`;
      void mount().then(({ status }) => {
        if (ctx.isInvalid) return;
        if (announceTimer !== null) clearTimeout(announceTimer);
        // Emptied first, so saying the same thing twice is still heard as a change.
        status.textContent = '';
        announceTimer = ctx.setTimeout(() => {
          announceTimer = null;
          status.textContent = text;
        }, ANNOUNCE_AFTER_MS);
      }, ignoreFailure);
    },

    contains: inHost,

    setTextSize(size) {
      textSize = size;
      renderCard();
    },

    hasFocus() {
      const card = cardElement();
      const active = created?.shadow.activeElement ?? null;
      return card !== null && active !== null && card.contains(active);
    },

    focusFirst() {
      const card = cardElement();
      const first = card?.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
      return first !== null && first !== undefined;
    },

    focusTitle() {
      cardElement()?.querySelector<HTMLElement>('.term')?.focus();
    },

    cycleFocus(event) {
      const card = cardElement();
      const active = created?.shadow.activeElement;
      if (!card || !active) return;
      const controls = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = controls[0];
      const last = controls[controls.length - 1];
      if (!first || !last) return;
      const from = controls.indexOf(active as HTMLElement);
      if (event.shiftKey && (from <= 0 || !card.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (from === controls.length - 1 || from === -1)) {
        event.preventDefault();
        first.focus();
      }
    },
  };
}

let cardSheet: CSSStyleSheet | null = null;

/** The card's styles, with the reset WXT would add (the page's inherited styles stop at the host). */
function adoptCardStyles(shadow: ShadowRoot): void {
  try {
    if (!cardSheet) {
      cardSheet = new CSSStyleSheet();
      cardSheet.replaceSync(`:host { all: initial !important; }\n${cardCss}`);
    }
    if (!shadow.adoptedStyleSheets.includes(cardSheet))
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, cardSheet];
  } catch {
    // No constructable style sheets: the card is unstyled, never an error on the page.
  }
}

/**
 * A manual popover sits in the top layer, above every page overlay and outside any transformed or
 * clipping ancestor (https://html.spec.whatwg.org/multipage/popover.html). Where popovers are
 * missing the card stays a fixed element with the highest z-index.
 */
function raiseToTopLayer(card: HTMLElement): void {
  if (typeof card.showPopover !== 'function') return;
  try {
    if (!card.hasAttribute('popover')) card.setAttribute('popover', 'manual');
    if (!card.matches(':popover-open')) card.showPopover();
  } catch {
    card.removeAttribute('popover');
  }
}

function ignoreFailure(): void {
  // The card could not be mounted on this page: nothing to announce, and no error on the page.
}
