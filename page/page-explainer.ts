import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type GlossarySenses, termsInOtherSense } from '@/utils/one-sense-per-page';
import type { CardTextSize, CardTrigger, CardTriggerKey, HighlightDensity, HighlightStyle } from '@/utils/preferences';
import type { TermMatcher } from '@/utils/term-matcher';
import { CardController } from './card/card-controller';
import { termAtPoint } from './card/hit-test';
import { importTermCardModule } from './card/term-card-module';
import { adjacentTerm, isReachable, type TermDirection } from './card/term-navigation';
import { changedBlocks } from './scan/changed-blocks';
import { HighlightPaint } from './scan/highlight-paint';
import { sectionLookup } from './scan/section-start';
import { TermHighlighter } from './scan/term-highlighter';
import { scanForTerms } from './scan/term-scanner';
import { textLengthChange } from './scan/text-length-change';
import { viewportBlock } from './scan/viewport-block';
import { yieldToPage } from './scan/yield-to-page';
import { DESIGN_MODE_CHANGED } from './signals/design-mode-announcer';
import { SHADOW_ROOT_ATTACHED } from './signals/shadow-root-announcer';

// The attributes that make text skipped: a paragraph the page turns into an editor (click-to-edit)
// must lose its highlights, and get them back once it is read-only again; a page that loads behind a
// dialog which hides the rest from assistive technology (a consent banner) is read when it closes.
const OBSERVED_CHANGES: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // The text an edit replaced: how much text the page holds is kept up to date from the records.
  characterDataOldValue: true,
  attributeFilter: ['contenteditable', 'aria-hidden'],
};

export interface PageExplainerOptions {
  /** Names the highlight, the card's host element and the User Timing measures. */
  prefix: string;
  matcher: TermMatcher;
  onReadMore: (anchor: string) => void;
  openDelayMs?: number;
  /** However often a page changes, its changes are read at most this often. */
  rescanIntervalMs?: number;
  /** Called after every scan or rescan with what the page holds now. */
  onTermsChanged?: (stats: PageTermStats) => void;
  /**
   * One sense of a word per page (utils/one-sense-per-page.ts): the terms that have another sense
   * (`notWhen` phrases), and how often a text speaks of one's own sense (its `senseCues`).
   */
  senses?: GlossarySenses;
}

/** What a pass found: occurrences per term id, and how much text was read in all. */
export interface PageTermStats {
  termCounts: Record<string, number>;
  characters: number;
}

/**
 * Highlights the page's terms, keeps them current as the page changes, and explains them on hover.
 * Every listener, observer and timer goes through `ctx`, so an extension reload or update leaves
 * nothing behind.
 */
export class PageExplainer {
  private readonly highlighter: TermHighlighter;
  private readonly cards: CardController;
  private readonly hostTag: string;
  private readonly observer: MutationObserver;
  private pendingMutations: MutationRecord[] = [];
  /** Elements given a shadow root since the last rescan: their block is read again with the changes. */
  private pendingHosts: Node[] = [];
  private rescanTimer: number | null = null;
  private lastRescanAt = -Infinity;
  private generation = 0;
  private scanning: Promise<unknown> = Promise.resolve();
  private active = false;
  private density: HighlightDensity = 'every';
  private hidden: ReadonlySet<string> = new Set();
  private readonly paint: HighlightPaint;
  private charactersRead = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: PageExplainerOptions,
  ) {
    this.hostTag = `${options.prefix}-explainer`;
    this.highlighter = new TermHighlighter(`${options.prefix}-term`);
    // The content script's default sheet is in every page the engine runs in (its manifest entry).
    this.paint = new HighlightPaint(
      { highlight: `${options.prefix}-term`, current: `${options.prefix}-term-current` },
      'background',
      { documentHasDefaultSheet: true },
    );
    this.cards = new CardController(ctx, {
      hostTag: this.hostTag,
      currentHighlightName: `${options.prefix}-term-current`,
      loadCard: importTermCardModule,
      onReadMore: options.onReadMore,
      openDelayMs: options.openDelayMs ?? 300,
      closeDelayMs: 250,
      termAt: (x, y) => termAtPoint(this.highlighter, x, y),
      isLive: () => this.active && this.highlighter.isVisible,
    });
    this.observer = new MutationObserver((records) => this.onMutations(records));
    // Announced from the page's world (entrypoints/mhx-page-signals.content.ts) and retargeted to
    // the outermost host in the document, which holds the new root however deep it is. Only a host
    // with an open root is read again, whoever fires the event.
    ctx.addEventListener(document, SHADOW_ROOT_ATTACHED, (event) => {
      const host = event.target as Element;
      if (this.active && host.shadowRoot) this.onMutations([], host);
    });
    // Design mode on: the page is an editor, its highlights go (the scan reads nothing there); off: read again.
    ctx.addEventListener(document, DESIGN_MODE_CHANGED, () => {
      if (this.active) this.rescanAll();
    });
    // A page that switches between light and dark gets colours chosen for the new background.
    const darkScheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (darkScheme) ctx.addEventListener(darkScheme, 'change', () => this.paint.refresh());
    ctx.onInvalidated(() => {
      this.observer.disconnect();
      this.highlighter.dispose();
      this.paint.release(document);
    });
  }

  /**
   * The page-world signals (injected where the engine runs) are in place: a page made an editor
   * before they could announce it is read as one now (its highlights go).
   */
  pageSignalsReady(): void {
    if (this.active && document.designMode === 'on') this.rescanAll();
  }

  enable(): void {
    if (this.active) return;
    this.active = true;
    this.paint.adopt(document);
    this.observer.observe(document, OBSERVED_CHANGES);
    this.rescanAll();
  }

  disable(): void {
    this.active = false;
    this.generation++;
    this.observer.disconnect();
    this.pendingMutations = [];
    this.pendingHosts = [];
    this.cards.dismiss();
    this.highlighter.clear();
  }

  /** How many occurrences of each term are highlighted: every one, the first in each section, the first on the page. */
  setDensity(density: HighlightDensity): void {
    if (density === this.density) return;
    this.density = density;
    if (this.active) this.rescanAll();
  }

  /** Terms the reader hid from a card or the options page: never highlighted. */
  setHiddenTerms(termIds: readonly string[]): void {
    if (termIds.length === this.hidden.size && termIds.every((id) => this.hidden.has(id))) return;
    this.hidden = new Set(termIds);
    if (this.active) this.rescanAll();
  }

  /** How highlights look: the colours are chosen against the page's own background. */
  setHighlightStyle(style: HighlightStyle): void {
    this.paint.setStyle(style);
  }

  /** Hides or shows the highlights without reading the page again (e.g. until a page proves relevant). */
  setHighlightsVisible(visible: boolean): void {
    if (!visible) this.cards.dismiss();
    this.highlighter.setVisible(visible);
  }

  termCounts(): Record<string, number> {
    return this.highlighter.termCounts();
  }

  /** How long the pointer rests on a term before its card opens. */
  setHoverDelay(ms: number): void {
    this.cards.setOpenDelay(ms);
  }

  /** How cards open (on hover, on hover with a key held, on click) and how large their text is. */
  setCardChoices(trigger: CardTrigger, key: CardTriggerKey, textSize: CardTextSize): void {
    this.cards.setTrigger(trigger, key);
    this.cards.setTextSize(textSize);
  }

  /** Keyboard reading: opens the card of the next (previous) term in document order, wrapping round. */
  showAdjacentTerm(direction: TermDirection): boolean {
    if (!this.active || !this.highlighter.isVisible) return false;
    const terms = [...this.highlighter].filter(isReachable);
    const term = adjacentTerm(terms, direction, this.cards.readingPlace(direction));
    if (term) this.cards.showFromKeyboard(term);
    return term !== null;
  }

  /** Scrolls to the first occurrence of a term on the page and opens its card, as the keyboard does. */
  showTerm(termId: string): boolean {
    if (!this.active || !this.highlighter.isVisible) return false;
    const occurrences = [...this.highlighter].filter((term) => term.termId === termId && isReachable(term));
    const first = adjacentTerm(occurrences, 'next', () => false);
    if (first) this.cards.showFromKeyboard(first);
    return first !== null;
  }

  stats(): PageTermStats {
    return { termCounts: this.highlighter.termCounts(), characters: this.charactersRead };
  }

  private rescanAll(): void {
    this.generation++;
    this.pendingMutations = [];
    this.pendingHosts = [];
    this.charactersRead = 0;
    this.highlighter.clear();
    // A term with another sense is shown once the whole page is read and has not turned out to use it so.
    this.highlighter.setSuppressed(this.options.senses?.ambiguous ?? new Set());
    this.scan([document.body ?? document.documentElement], 'scan', viewportBlock(document, this.hostTag));
  }

  /**
   * Scans run one after another, so a rescan never races the scan it follows. A rescan first drops
   * what it is about to read again, and what has left the page.
   */
  private scan(
    roots: readonly Node[],
    measure: 'scan' | 'rescan',
    startAt: Node | null = null,
    removed: readonly Node[] = [],
  ): void {
    const generation = this.generation;
    this.scanning = this.scanning.then(async () => {
      if (generation !== this.generation || this.ctx.isInvalid) return;
      const startedAt = performance.now();
      // Removed nodes too, wherever they went: moved into an editor or code, they are not read again.
      if (measure === 'rescan') this.highlighter.removeWithin(new Set([...roots, ...removed]));
      const lostPlaces: Node[] = [];
      const outcome = await scanForTerms(roots, {
        matcher: this.options.matcher,
        highlighter: this.highlighter,
        ownHostTag: this.hostTag,
        // Once per section or per page: the first pass over a place highlights its first occurrence.
        placeOf:
          this.density === 'every' ? null : this.density === 'first-on-page' ? () => document : sectionLookup(document),
        isHidden: (termId) => this.hidden.has(termId),
        startAt,
        onPlaceLost: (parent) => lostPlaces.push(parent),
        onShadowRoot: (shadow) => {
          this.observer.observe(shadow, OBSERVED_CHANGES);
          this.paint.adopt(shadow);
        },
        onOtherSense: (termId, node) => this.highlighter.addOtherSense(termId, node),
        onTextRead: (characters) => {
          // A rescan reads whole changed blocks again; what changed was counted from the records.
          if (measure === 'scan') this.charactersRead += characters;
        },
        // Stop when the extension goes away or the site is switched off mid-scan.
        yieldToPage: async () => {
          await yieldToPage();
          return this.ctx.isValid && generation === this.generation;
        },
      });
      if (outcome.status === 'done') {
        this.decideSenses();
        // The page's own styles may have arrived since: colours against its background as it is now.
        if (measure === 'scan') this.paint.refresh();
        // The pass from start to end, pauses for the page included, and the work in it alone.
        performance.measure(`${this.options.prefix}:${measure}`, { start: startedAt, end: performance.now() });
        performance.measure(`${this.options.prefix}:${measure}-work`, { start: startedAt, duration: outcome.workMs });
        this.options.onTermsChanged?.(this.stats());
        // What the page's changes kept this pass from reading is read whole next.
        const unread = lostPlaces.filter((parent) => parent.isConnected);
        if (unread.length > 0) this.scan(unread, 'rescan');
      }
    });
  }

  /**
   * Each term with another sense takes, on this page, the sense the page gives it: its bare mentions
   * are shown only where the page does not use it in the other sense more than it speaks of its own.
   */
  private decideSenses(): void {
    const senses = this.options.senses;
    if (!senses) return;
    const page = { termCounts: this.highlighter.allTermCounts(), otherSense: this.highlighter.otherSenseCounts() };
    // One more fetch of the page's text, only on a page that uses a term in another sense and says little else.
    const pageText = () => (document.body ?? document.documentElement)?.textContent ?? '';
    this.highlighter.setSuppressed(termsInOtherSense(page, senses, pageText));
  }

  private onMutations(records: MutationRecord[], shadowHost?: Node): void {
    if (this.ctx.isInvalid) return;
    this.pendingMutations.push(...records);
    if (shadowHost) this.pendingHosts.push(shadowHost);
    if (this.rescanTimer !== null) return;
    // Coalesce: a page that changes 60 times a second is read a few times a second, not 60.
    const interval = this.options.rescanIntervalMs ?? 200;
    const wait = Math.max(0, this.lastRescanAt + interval - performance.now());
    this.rescanTimer = this.ctx.setTimeout(() => {
      this.rescanTimer = null;
      this.lastRescanAt = performance.now();
      this.charactersRead = Math.max(0, this.charactersRead + textLengthChange(this.pendingMutations));
      const blocks = changedBlocks(this.pendingMutations, this.hostTag, this.pendingHosts);
      const removed = this.pendingMutations.flatMap((record) => [...record.removedNodes]);
      this.pendingMutations = [];
      this.pendingHosts = [];
      if (this.active) this.scan(blocks, 'rescan', null, removed);
    }, wait);
  }
}
