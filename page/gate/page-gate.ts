import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage, type PageState } from '@/extension/messages';
import { releaseListeners } from '@/extension/release-listeners';
import { loadSettings, watchSettings } from '@/extension/settings';
import type { ExplainerEngine, ExplainerEngineModule } from '@/page/engine/engine-module';
import { mayBeRelevant } from '@/utils/page-relevance';
import { DEFAULT_SETTINGS, highlightsFirstOnly, type Settings } from '@/utils/preferences';
import { decideSite, decisionDependsOnPath, pageAddress, type SiteDecision } from '@/utils/site-rules';
import { createTextTermCounter, type GlossarySpellings, type TermCounts } from '@/utils/text-term-counts';
import { removeEarlierInstance } from './earlier-instance';
import { addedText, fetchPageText, fewestCharactersRead, pageTextRoot } from './page-text';

export interface PageGateOptions {
  /** Names the highlight, the card's host element and the User Timing measures, as the engine does. */
  prefix: string;
  glossary: GlossarySpellings;
  /** Loads the engine (in the extension, `importEngineModule`). */
  loadEngine: () => Promise<ExplainerEngineModule>;
  /** `performance.now()` when the content script started. */
  startedAt: number;
  /** However often a page changes, its changes are looked at most this often (as the engine reads them). */
  recheckIntervalMs?: number;
}

// Text added or edited, wherever it is: what a page that is not (yet) about mental health adds later.
const OBSERVED_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** What the gate has made of the page in "only pages about mental health", while the engine is not loaded. */
type GateJudgement = 'not-judged' | 'not-relevant' | 'may-be-relevant';

/**
 * What every page loads: reads the settings and the site's rules, and loads the engine only where
 * the page will be highlighted — at once where the site is on, and in "only pages about mental
 * health" only where one fetch of the page's text finds enough of the glossary's terms that a scan
 * could judge it so. A page where the site is off is not read at all. Until the engine is there the
 * gate answers the popup and the keyboard commands, watches the settings, and, in "only pages about
 * mental health", what the page adds later; once it is there the gate hands it every change.
 */
export function runPageGate(ctx: ContentScriptContext, options: PageGateOptions): void {
  const hostTag = `${options.prefix}-explainer`;
  const highlightName = `${options.prefix}-term`;
  removeEarlierInstance(document, { hostTag, highlights: [highlightName, `${options.prefix}-term-current`] });
  const countTerms = createTextTermCounter(options.glossary);
  const recheckInterval = options.recheckIntervalMs ?? 200;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let decision: SiteDecision = { verdict: 'off', reason: 'unsupported-page' };
  let engine: ExplainerEngine | null = null;
  let loading: Promise<void> | null = null;
  let judgement: GateJudgement = 'not-judged';
  /** Every term seen in the page's text since it was first judged, added text included: never fewer than a scan finds. */
  let counts: TermCounts = {};
  let observer: MutationObserver | null = null;
  let pending: MutationRecord[] = [];
  let recheckTimer: number | null = null;
  let lastRecheckAt = -Infinity;
  let watchingLocation = false;

  const mayBe = (fewestCharacters: () => number) =>
    mayBeRelevant(counts, fewestCharacters, { firstOccurrenceOnly: highlightsFirstOnly(settings) });
  const fewestCharactersNow = () => {
    const root = pageTextRoot(document);
    return fewestCharactersRead(root, fetchPageText(root), hostTag);
  };

  const startEngine = () => {
    stopWatching();
    loading ??= options.loadEngine().then(
      (module) => {
        if (ctx.isInvalid) return;
        engine = module.startEngine(ctx, { prefix: options.prefix, startedAt: options.startedAt, settings, decision });
        watchLocation();
      },
      () => {
        // An engine that could not be loaded leaves the page as it is; a later change of settings tries again.
        loading = null;
      },
    );
  };

  /** The gate's one fetch of the page's text, and what it makes of it. */
  const judgePage = () => {
    const startedAt = performance.now();
    const root = pageTextRoot(document);
    const text = fetchPageText(root);
    counts = countTerms(text);
    if (mayBe(() => fewestCharactersRead(root, text, hostTag))) {
      judgement = 'may-be-relevant';
      startEngine();
      return;
    }
    judgement = 'not-relevant';
    // As the engine marks its passes: a page left alone has been read too.
    performance.measure(`${options.prefix}:scan`, { start: startedAt, end: performance.now() });
    watchForMore();
  };

  const watchForMore = () => {
    if (observer) return;
    observer = new MutationObserver((records) => onChanges(records));
    observer.observe(document, OBSERVED_CHANGES);
  };

  const stopWatching = () => {
    observer?.disconnect();
    observer = null;
    pending = [];
  };

  const onChanges = (records: MutationRecord[]) => {
    if (ctx.isInvalid) return;
    pending.push(...records);
    if (recheckTimer !== null) return;
    const wait = Math.max(0, lastRecheckAt + recheckInterval - performance.now());
    recheckTimer = ctx.setTimeout(() => {
      recheckTimer = null;
      lastRecheckAt = performance.now();
      const records = pending;
      pending = [];
      if (!observer || engine || loading) return;
      // Only what was added is read: terms seen once stay counted, so a page's count only grows.
      countTerms(addedText(records), counts);
      if (mayBe(fewestCharactersNow)) {
        judgement = 'may-be-relevant';
        startEngine();
      } else performance.measure(`${options.prefix}:rescan`, { start: lastRecheckAt, end: performance.now() });
    }, wait);
  };

  /**
   * On a site switched off nothing is read. Its highlight is registered, empty, as the engine's is
   * in a page it shows nothing in: the sign, to whoever looks, that the extension has run there.
   */
  let emptyHighlight: Highlight | null = null;
  const registerEmptyHighlight = (registered: boolean) => {
    if (!registered) {
      if (emptyHighlight && CSS.highlights.get(highlightName) === emptyHighlight) CSS.highlights.delete(highlightName);
      emptyHighlight = null;
      return;
    }
    if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    if (CSS.highlights.has(highlightName)) return;
    emptyHighlight = new Highlight();
    CSS.highlights.set(highlightName, emptyHighlight);
  };

  const apply = (next: Settings) => {
    settings = next;
    decision = decideSite(location, next.mode, next.rules);
    if (decisionDependsOnPath(location, next.rules)) watchLocation();
    if (engine) {
      engine.apply(settings, decision);
      return;
    }
    if (loading) return;
    // Only once registered is the highlight looked at again: most pages never touch it.
    if (decision.verdict === 'off' || emptyHighlight) registerEmptyHighlight(decision.verdict === 'off');
    if (decision.verdict === 'off') {
      stopWatching();
      judgement = 'not-judged';
    } else if (decision.verdict === 'on') startEngine();
    else if (judgement === 'not-judged') judgePage();
    // The same page under other settings ("first occurrence only" sets a lower bar).
    else if (mayBe(fewestCharactersNow)) startEngine();
  };

  const gateState = (): PageState => {
    const address = pageAddress(location);
    return {
      site: address?.host ?? null,
      path: address?.path ?? '/',
      enabled: false,
      relevant: decision.verdict === 'if-relevant' && judgement === 'not-relevant' ? false : null,
      termCounts: {},
    };
  };

  // Every frame answers; the popup and the background ask the top frame (frameId 0).
  const removeStateListener = onMessage('getPageState', () => (engine ? engine.pageState() : gateState()));
  // Keyboard reading (commands, the popup's terms list) is sent to the top frame only.
  const removeStepListener = onMessage('showAdjacentTerm', ({ data: direction }) =>
    engine ? engine.showAdjacentTerm(direction) : false,
  );
  const removeShowListener = onMessage('showTermOnPage', ({ data: termId }) =>
    engine ? engine.showTerm(termId) : false,
  );
  // Asked by the background only while the research log records pages without highlights: a page the
  // gate left alone is then read by the engine (highlights hidden), whose counts are a scan's, not the
  // gate's over-count. A site switched off is not read for it either.
  const removeCountListener = onMessage('countPageTerms', async () => {
    if (decision.verdict === 'off') return null;
    startEngine();
    await loading;
    return engine ? engine.countPageTerms() : null;
  });
  // Settings changed anywhere (popup, options page, command, another machine) apply at once.
  let watched = false;
  const unwatchSettings = watchSettings((stored) => {
    watched = true;
    apply(stored.settings);
  });
  ctx.onInvalidated(() => {
    stopWatching();
    releaseListeners(removeStateListener, removeStepListener, removeShowListener, removeCountListener, unwatchSettings);
  });
  // Path rules: a single-page app that changes its URL may have moved under another rule. It may
  // also show another page: the engine's first pass over its changes judges it again. Watched only
  // where either can happen: where the site has path rules, or once the engine is there.
  function watchLocation() {
    if (watchingLocation) return;
    watchingLocation = true;
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl, oldUrl }) => {
      apply(settings);
      engine?.locationChanged(newUrl.pathname !== oldUrl.pathname || newUrl.search !== oldUrl.search);
    });
  }

  void loadSettings().then((initial) => {
    if (!watched && ctx.isValid) apply(initial.settings);
  });
}
