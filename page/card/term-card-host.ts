import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TermCard } from '@/page/card/TermCard';
import cardCss from '@/page/card/term-card.css?inline';
import type { HelpChoice } from '@/utils/help-line-choice';
import type { TermExplanation } from '@/utils/term-explanation';

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
}

interface Mounted {
  /** Where Preact renders the card. */
  root: HTMLElement;
  /** The live region: it must be in the page before what it announces. */
  status: HTMLElement;
}

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';
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

  const mount = () => {
    mounting ??= createShadowRootUi<Mounted>(ctx, {
      name: options.hostTag,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: cardCss,
      // Keys typed in the card are ours: the page's own shortcuts must not see them bubble up.
      isolateEvents: true,
      onMount: (body) => {
        const status = document.createElement('div');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        const root = document.createElement('div');
        body.append(status, root);
        return { root, status };
      },
      onRemove: (current) => {
        if (current) render(null, current.root);
      },
    }).then((ui) => {
      created = ui;
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
    stopFollowing?.();
    stopFollowing = null;
    if (mounted) render(null, mounted.root);
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
      render(
        h(TermCard, {
          explanation,
          onReadMore: options.onReadMore,
          onRelated: options.onRelated,
          onClose: options.onClose,
          onPointerEnter: options.onPointerEnter,
          onPointerLeave: options.onPointerLeave,
          help,
        }),
        root,
      );
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

    contains(event) {
      const host = created?.shadowHost;
      return host !== undefined && event.composedPath().includes(host);
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
