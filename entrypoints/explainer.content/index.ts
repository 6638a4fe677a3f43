import { defineContentScript } from 'wxt/utils/define-content-script';
import { glossary } from '@/content/glossary';
import { seriesParts } from '@/content/parts';
import { onMessage, sendMessage } from '@/extension/messages';
import { releaseListeners } from '@/extension/release-listeners';
import { loadPreferences, loadSiteRules, watchPreferences, watchSiteRules } from '@/extension/settings';
import { PageExplainer } from '@/page/page-explainer';
import { buildGlossaryIndex } from '@/utils/glossary-index';
import { decideHighlighting, type SiteRule, siteOf } from '@/utils/site-rules';
import './highlight.css';
import highlightCss from './highlight.css?inline';

const PREFIX = 'mhx';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const { matcher, explanations } = buildGlossaryIndex(glossary, seriesParts);
    const explainer = new PageExplainer(ctx, {
      prefix: PREFIX,
      matcher,
      explanations,
      highlightCss,
      onReadMore: (anchor) => void sendMessage('openReader', anchor),
    });

    let enabled = false;
    const applyRules = (rules: readonly SiteRule[]) => {
      enabled = decideHighlighting(location.href, rules).enabled;
      if (enabled) explainer.enable();
      else explainer.disable();
    };

    // Every frame answers; the popup asks the top frame (frameId 0).
    const removeMessageListener = onMessage('getPageState', () => ({
      site: siteOf(location.href),
      enabled,
      termCounts: explainer.termCounts(),
    }));
    const unwatchRules = watchSiteRules(applyRules);
    const unwatchPreferences = watchPreferences((preferences) =>
      explainer.setFirstOccurrenceOnly(preferences.firstOccurrenceOnly),
    );
    ctx.onInvalidated(() => releaseListeners(removeMessageListener, unwatchRules, unwatchPreferences));

    const [rules, preferences] = await Promise.all([loadSiteRules(), loadPreferences()]);
    explainer.setFirstOccurrenceOnly(preferences.firstOccurrenceOnly);
    applyRules(rules);
  },
});
