import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermExplanation } from '@/utils/term-explanation';
import type { TermMatcher } from '@/utils/term-matcher';
import { caretAt, rangeContainsPoint } from './hit-test';
import { HoverIntent } from './hover-intent';
import { scanAndHighlight } from './scan-page';
import { createTermCardHost } from './term-card-host';
import { type HighlightedTerm, TermHighlighter } from './term-highlighter';

export interface PageExplainerOptions {
  /** Names the highlight, the card's host element and the User Timing measures. */
  prefix: string;
  matcher: TermMatcher;
  explanations: ReadonlyMap<string, TermExplanation>;
  onReadMore: (anchor: string) => void;
  openDelayMs?: number;
}

/**
 * Highlights the page's terms and explains them on hover. Every listener and timer goes through
 * `ctx`, so an extension reload or update leaves nothing behind.
 */
export class PageExplainer {
  private readonly highlighter: TermHighlighter;
  private readonly hover: HoverIntent<HighlightedTerm>;
  private scanRun = 0;
  private active = false;
  private pointerFrame: number | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: PageExplainerOptions,
  ) {
    this.highlighter = new TermHighlighter(`${options.prefix}-term`);
    const card = createTermCardHost(ctx, {
      hostTag: `${options.prefix}-explainer`,
      onReadMore: options.onReadMore,
      onPointerEnter: () => this.hover.cardEntered(),
      onPointerLeave: () => this.hover.cardLeft(),
    });
    this.hover = new HoverIntent<HighlightedTerm>({
      openDelayMs: options.openDelayMs ?? 300,
      closeDelayMs: 250,
      open: (term) => {
        const explanation = options.explanations.get(term.termId);
        if (explanation) void card.show(term.range, explanation);
      },
      close: () => card.hide(),
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
      clearTimer: (id) => clearTimeout(id),
    });
    ctx.addEventListener(document, 'pointermove', (event) => this.onPointerMove(event), { passive: true });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.key === 'Escape') this.hover.dismiss();
    });
    ctx.onInvalidated(() => this.highlighter.dispose());
  }

  async enable(): Promise<void> {
    if (this.active) return;
    this.active = true;
    const run = ++this.scanRun;
    const root = document.body ?? document.documentElement;
    await scanAndHighlight(root, this.options.matcher, this.highlighter, {
      ownHostTag: `${this.options.prefix}-explainer`,
      measurePrefix: this.options.prefix,
      // Stop when the extension goes away or the site is switched off mid-scan.
      yieldToPage: () =>
        new Promise((resolve) => this.ctx.setTimeout(() => resolve(this.ctx.isValid && run === this.scanRun), 0)),
    });
  }

  disable(): void {
    this.active = false;
    this.scanRun++;
    this.hover.dismiss();
    this.highlighter.clear();
  }

  termCounts(): Record<string, number> {
    return this.highlighter.termCounts();
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.active || this.pointerFrame !== null) return;
    const { clientX: x, clientY: y } = event;
    // One hit-test per frame however fast the pointer moves.
    this.pointerFrame = this.ctx.requestAnimationFrame(() => {
      this.pointerFrame = null;
      this.hover.pointerOver(this.termAtPoint(x, y));
    });
  }

  private termAtPoint(x: number, y: number): HighlightedTerm | null {
    const caret = caretAt(document, x, y);
    if (!caret) return null;
    return (
      this.highlighter.termsAround(caret.node, caret.offset).find((term) => rangeContainsPoint(term.range, x, y)) ??
      null
    );
  }
}
