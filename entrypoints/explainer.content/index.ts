import { defineContentScript } from 'wxt/utils/define-content-script';
import { glossary } from '@/content/glossary';
import { seriesParts } from '@/content/parts';
import { onMessage, sendMessage } from '@/extension/messages';
import { loadSiteRules, watchSiteRules } from '@/extension/settings';
import { PageExplainer } from '@/page/page-explainer';
import { buildGlossaryIndex } from '@/utils/glossary-index';
import { decideHighlighting, type SiteRule, siteOf } from '@/utils/site-rules';
import './highlight.css';

const PREFIX = 'mhx';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const { matcher, explanations } = buildGlossaryIndex(glossary, seriesParts);
    const explainer = new PageExplainer(ctx, {
      prefix: PREFIX,
      matcher,
      explanations,
      onReadMore: (anchor) => void sendMessage('openReader', anchor),
    });

    let enabled = false;
    const apply = (rules: readonly SiteRule[]) => {
      enabled = decideHighlighting(location.href, rules).enabled;
      if (enabled) void explainer.enable();
      else explainer.disable();
    };

    const removeMessageListener = onMessage('getPageState', () => ({
      site: siteOf(location.href),
      enabled,
      termCounts: explainer.termCounts(),
    }));
    const unwatch = watchSiteRules(apply);
    ctx.onInvalidated(() => {
      removeMessageListener();
      unwatch();
    });

    apply(await loadSiteRules());
  },
});
