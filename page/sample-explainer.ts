import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Settings } from '@/utils/preferences';
import type { TermMatcher } from '@/utils/term-matcher';
import { CardController } from './card/card-controller';
import { termAtPoint } from './card/hit-test';
import type { TermCardModule } from './card/term-card-module';
import { HighlightPaint } from './scan/highlight-paint';
import { TermHighlighter } from './scan/term-highlighter';
import { scanForTerms } from './scan/term-scanner';

export interface SampleExplainerOptions {
  prefix: string;
  matcher: TermMatcher;
  loadCard: () => Promise<TermCardModule>;
  onReadMore: (anchor: string) => void;
  /** Called once the paragraph's terms are highlighted. */
  onReady: () => void;
}

/**
 * The page engine on one paragraph of an extension page (the first-run page), where no content
 * script runs: its terms highlighted and its cards opened by the same scan, highlight and card
 * controller as on any web page, following the reader's settings. No site rules, relevance or page
 * observers: the paragraph is the extension's own and does not change.
 */
export class SampleExplainer {
  private readonly highlighter: TermHighlighter;
  private readonly cards: CardController;
  private readonly paint: HighlightPaint;
  private hidden: readonly string[] = [];
  /** Every occurrence, or each term once: the paragraph is one section of one page. */
  private everyOccurrence = false;
  private scanned = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly paragraph: HTMLElement,
    private readonly options: SampleExplainerOptions,
  ) {
    this.highlighter = new TermHighlighter(`${options.prefix}-term`);
    this.paint = new HighlightPaint({ highlight: `${options.prefix}-term`, current: `${options.prefix}-term-current` });
    this.paint.adopt(document);
    this.cards = new CardController(ctx, {
      hostTag: `${options.prefix}-explainer`,
      currentHighlightName: `${options.prefix}-term-current`,
      loadCard: options.loadCard,
      onReadMore: options.onReadMore,
      openDelayMs: 300,
      closeDelayMs: 250,
      termAt: (x, y) => termAtPoint(this.highlighter, x, y),
      isLive: () => true,
    });
    // The page's colour scheme changes its background: colours chosen again.
    const darkScheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (darkScheme) ctx.addEventListener(darkScheme, 'change', () => this.paint.refresh());
    ctx.onInvalidated(() => {
      this.cards.dismiss();
      this.highlighter.dispose();
      this.paint.release(document);
    });
    void this.scan();
  }

  /**
   * The reader's settings: how highlights look, how many occurrences are marked and how cards open;
   * hidden terms are left out here too.
   */
  apply(settings: Settings): void {
    this.paint.setStyle(settings.highlightStyle);
    this.cards.setOpenDelay(settings.hoverDelayMs);
    this.cards.setTrigger(settings.cardTrigger, settings.cardTriggerKey);
    this.cards.setTextSize(settings.cardTextSize);
    const hidden = settings.hiddenTerms;
    const everyOccurrence = settings.highlightDensity === 'every';
    if (hidden.join() !== this.hidden.join() || everyOccurrence !== this.everyOccurrence) {
      this.hidden = hidden;
      this.everyOccurrence = everyOccurrence;
      if (this.scanned) void this.scan();
    }
  }

  /** The paragraph's highlighted terms, each once, in order. */
  terms(): string[] {
    return [...new Set([...this.highlighter].map((term) => term.termId))];
  }

  /** Opens a term's card as the keyboard does; false when it is not highlighted here. */
  showTerm(termId: string): boolean {
    const term = [...this.highlighter].find((candidate) => candidate.termId === termId);
    if (term) this.cards.showFromKeyboard(term);
    return term !== undefined;
  }

  stop(): void {
    this.ctx.abort();
  }

  private async scan(): Promise<void> {
    this.cards.dismiss();
    this.highlighter.clear();
    const hidden = new Set(this.hidden);
    await scanForTerms([this.paragraph], {
      matcher: this.options.matcher,
      highlighter: this.highlighter,
      ownHostTag: `${this.options.prefix}-explainer`,
      isHidden: (termId) => hidden.has(termId),
      placeOf: this.everyOccurrence ? null : () => this.paragraph,
      yieldToPage: async () => this.ctx.isValid,
    });
    this.scanned = true;
    this.options.onReady();
  }
}
