import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { injectScript } from 'wxt/utils/inject-script';
import { compiledGlossary } from '@/content/compiled-glossary';
import { sendMessage } from '@/extension/messages';
import { PageExplainer, type PageTermStats } from '@/page/page-explainer';
import { glossarySenses } from '@/utils/one-sense-per-page';
import { pageRelevance } from '@/utils/page-relevance';
import { DEFAULT_SETTINGS, highlightsFirstOnly, type Settings } from '@/utils/preferences';
import { pageAddress, type SiteDecision } from '@/utils/site-rules';
import { createTermMatcher } from '@/utils/term-matcher';
import type { ExplainerEngine, ExplainerEngineStart } from './engine-module';

/**
 * The term engine of one frame, started by the gate where the page will be highlighted (or may be,
 * in "only pages about mental health"): the scan and its observers, relevance judged on each
 * finished pass, the badge count, keyboard reading, and the page-world signals it asks for.
 */
export function startPageEngine(ctx: ContentScriptContext, start: ExplainerEngineStart): ExplainerEngine {
  // From the content script's start to the engine's, for `npm run bench` (the gate's share of the first highlight's wait).
  performance.measure(`${start.prefix}:engine`, { start: start.startedAt, end: performance.now() });
  // Only the matcher: what the cards say comes with the card script, the first time one is wanted.
  const matcher = createTermMatcher(compiledGlossary);
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let decision: SiteDecision = { verdict: 'off', reason: 'unsupported-page' };
  /** Passes over the page since it was last switched on: relevance is judged on a finished pass. */
  let passes = 0;
  /** Once a page proves to be about mental health it stays so: highlights must not flicker as it changes. */
  let relevant = false;
  /** A single-page app moved to another address: the next finished pass judges the page afresh. */
  let rejudge = false;
  let reported: string | null | undefined;
  /** When this page, or the single-page app's current view, was loaded: with the tab, it names a visit. */
  let since = performance.timeOrigin;
  /** Settles on the first finished pass since the engine started: the page's terms are all counted. */
  let firstPassDone: () => void = () => {};
  const firstPass = new Promise<void>((resolve) => {
    firstPassDone = resolve;
  });

  const shown = () => decision.verdict === 'on' || (decision.verdict === 'if-relevant' && relevant);
  const judge = (stats: PageTermStats) => {
    if (decision.verdict !== 'if-relevant' || (relevant && !rejudge)) return;
    rejudge = false;
    relevant = pageRelevance(stats, { firstOccurrenceOnly: highlightsFirstOnly(settings) }).relevant;
    explainer.setHighlightsVisible(relevant);
  };
  // The toolbar badge (and the research log, which only the background knows of): this frame's
  // highlighted terms per term, null when it shows none.
  const reportCount = () => {
    const terms = shown() ? explainer.termCounts() : null;
    const key = terms && `${since} ${JSON.stringify(terms)}`;
    if (key === reported) return;
    reported = key;
    sendMessage('reportTermCount', terms && { since, terms }).catch(() => {});
  };

  const explainer = new PageExplainer(ctx, {
    prefix: start.prefix,
    matcher,
    senses: glossarySenses(compiledGlossary),
    openDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
    onReadMore: (anchor) => void sendMessage('openReader', anchor),
    onTermsChanged: (stats) => {
      passes++;
      judge(stats);
      reportCount();
      firstPassDone();
    },
  });

  // Shadow roots attached and design mode switched are announced from the page's own world
  // (entrypoints/mhx-page-signals.ts), put there now, only in pages the engine runs in; until it has
  // run, the scan finds the roots already attached, and once it has, a page already
  // made an editor is read as one. A sandboxed page (an opaque origin: "null") may
  // not run scripts, and would log that it refused this one.
  if (self.origin !== 'null') {
    injectScript('/mhx-page-signals.js').then(
      () => explainer.pageSignalsReady(),
      () => {},
    );
  }

  // A page leaving (or entering the back-forward cache) takes its count off the badge; back, it puts it again.
  ctx.addEventListener(window, 'pagehide', () => {
    if (reported === null || reported === undefined) return;
    reported = null;
    sendMessage('reportTermCount', null).catch(() => {});
  });
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) reportCount();
  });

  const engine: ExplainerEngine = {
    apply(next, nextDecision) {
      settings = next;
      decision = nextDecision;
      if (decision.verdict === 'off') {
        explainer.disable();
        passes = 0;
      }
      explainer.setHoverDelay(next.hoverDelayMs);
      explainer.setCardChoices(next.cardTrigger, next.cardTriggerKey, next.cardTextSize);
      explainer.setHighlightStyle(next.highlightStyle);
      explainer.setHiddenTerms(next.hiddenTerms);
      explainer.setDensity(next.highlightDensity);
      // Hidden until relevance is known, so a page that is not about mental health never flashes.
      explainer.setHighlightsVisible(decision.verdict !== 'if-relevant' || relevant);
      if (decision.verdict !== 'off') {
        explainer.enable();
        if (passes > 0) judge(explainer.stats());
      }
      reportCount();
    },
    locationChanged(anotherVisit) {
      if (anotherVisit) since = Date.now();
      rejudge = true;
    },
    async countPageTerms() {
      await firstPass;
      if (decision.verdict === 'off') return null;
      return { since, terms: explainer.termCounts(), highlighted: shown(), url: location.href, title: document.title };
    },
    pageState() {
      const address = pageAddress(location.href);
      return {
        site: address?.host ?? null,
        path: address?.path ?? '/',
        enabled: shown(),
        relevant: decision.verdict === 'if-relevant' && passes > 0 ? relevant : null,
        termCounts: shown() ? explainer.termCounts() : {},
      };
    },
    showAdjacentTerm: (direction) => explainer.showAdjacentTerm(direction),
    showTerm: (termId) => explainer.showTerm(termId),
  };
  engine.apply(start.settings, start.decision);
  return engine;
}
