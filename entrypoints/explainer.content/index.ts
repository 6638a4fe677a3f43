import { defineContentScript } from 'wxt/utils/define-content-script';
import { compiledGlossary } from '@/content/compiled-glossary';
import { onMessage, sendMessage } from '@/extension/messages';
import { releaseListeners } from '@/extension/release-listeners';
import { loadSettings, watchSettings } from '@/extension/settings';
import { PageExplainer, type PageTermStats } from '@/page/page-explainer';
import { pageRelevance } from '@/utils/page-relevance';
import { DEFAULT_SETTINGS, highlightsFirstOnly, type Settings } from '@/utils/preferences';
import { decideSite, pageAddress, type SiteDecision } from '@/utils/site-rules';
import { createTermMatcher } from '@/utils/term-matcher';
import './highlight.css';

const PREFIX = 'mhx';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
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
    let reportedCount: number | null | undefined;

    const shown = () => decision.verdict === 'on' || (decision.verdict === 'if-relevant' && relevant);
    const judge = (stats: PageTermStats) => {
      if (decision.verdict !== 'if-relevant' || (relevant && !rejudge)) return;
      rejudge = false;
      relevant = pageRelevance(stats, { firstOccurrenceOnly: highlightsFirstOnly(settings) }).relevant;
      explainer.setHighlightsVisible(relevant);
    };
    // The toolbar badge: this frame's highlighted terms, null when it shows none.
    const reportCount = () => {
      const count = shown() ? Object.values(explainer.termCounts()).reduce((sum, n) => sum + n, 0) : null;
      if (count === reportedCount) return;
      reportedCount = count;
      sendMessage('reportTermCount', count).catch(() => {});
    };

    const explainer = new PageExplainer(ctx, {
      prefix: PREFIX,
      matcher,
      openDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
      onReadMore: (anchor) => void sendMessage('openReader', anchor),
      onTermsChanged: (stats) => {
        passes++;
        judge(stats);
        reportCount();
      },
    });

    const apply = (next: Settings) => {
      settings = next;
      decision = decideSite(location.href, next.mode, next.rules);
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
    };

    // Every frame answers; the popup and the background ask the top frame (frameId 0).
    const removeMessageListener = onMessage('getPageState', () => {
      const address = pageAddress(location.href);
      return {
        site: address?.host ?? null,
        path: address?.path ?? '/',
        enabled: shown(),
        relevant: decision.verdict === 'if-relevant' && passes > 0 ? relevant : null,
        termCounts: shown() ? explainer.termCounts() : {},
      };
    });
    // Keyboard reading (commands, the popup's terms list) is sent to the top frame only.
    const removeStepListener = onMessage('showAdjacentTerm', ({ data: direction }) =>
      explainer.showAdjacentTerm(direction),
    );
    const removeShowListener = onMessage('showTermOnPage', ({ data: termId }) => explainer.showTerm(termId));
    // Settings changed anywhere (popup, options page, command, another machine) apply at once.
    let watched = false;
    const unwatchSettings = watchSettings((stored) => {
      watched = true;
      apply(stored.settings);
    });
    ctx.onInvalidated(() =>
      releaseListeners(removeMessageListener, removeStepListener, removeShowListener, unwatchSettings),
    );
    // Path rules: a single-page app that changes its URL may have moved under another rule. It may
    // also show another page: the first pass over its changes judges it again (until then, as it was).
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      apply(settings);
      rejudge = true;
    });
    // A page leaving (or entering the back-forward cache) takes its count off the badge; back, it puts it again.
    ctx.addEventListener(window, 'pagehide', () => {
      reportedCount = null;
      sendMessage('reportTermCount', null).catch(() => {});
    });
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) reportCount();
    });

    const initial = await loadSettings();
    if (!watched) apply(initial.settings);
  },
});
