import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import '@/components/series.css';
import { WelcomeApp, type WelcomeServices } from '@/components/WelcomeApp';
import '@/entrypoints/explainer.content/highlight.css';
import { compiledGlossary } from '@/content/compiled-glossary';
import { firstRunSample } from '@/content/first-run-sample';
import { glossary } from '@/content/glossary';
import { seriesParts } from '@/content/parts';
import { series } from '@/content/series';
import { loadSettings, updatePreferences, watchSettings } from '@/extension/settings';
import { createTermCardHost } from '@/page/card/term-card-host';
import { SampleExplainer } from '@/page/sample-explainer';
import { SITE_SWITCH_COMMAND } from '@/utils/site-switch-command';
import { explainGlossary } from '@/utils/term-explanation';
import { createTermMatcher } from '@/utils/term-matcher';

const names = new Map(glossary.map((entry) => [entry.id, entry.term]));

/** The first-run page's paragraph, highlighted and explained by the page engine itself. */
function explainSample(paragraph: HTMLElement, onReady: () => void) {
  const ctx = new ContentScriptContext('first-run-sample');
  const explainer = new SampleExplainer(ctx, paragraph, {
    prefix: 'mhx',
    matcher: createTermMatcher(compiledGlossary),
    // The card as pages get it, without "Not on this site" (this page is the extension's own).
    loadCard: async () => ({ explanations: explainGlossary(glossary, seriesParts), createTermCardHost }),
    onReadMore: (anchor) =>
      void browser.tabs.create({ url: browser.runtime.getURL(`/reader.html#${encodeURI(anchor)}`) }),
    onReady,
  });
  void loadSettings().then((stored) => explainer.apply(stored.settings));
  const unwatch = watchSettings((stored) => explainer.apply(stored.settings));
  ctx.onInvalidated(unwatch);
  return {
    terms: () => explainer.terms().map((id) => ({ id, term: names.get(id) ?? id })),
    showTerm: (termId: string) => explainer.showTerm(termId),
    stop: () => explainer.stop(),
  };
}

const services: WelcomeServices = {
  loadSettings: async () => (await loadSettings()).settings,
  watchSettings: (onChange) => watchSettings((stored) => onChange(stored.settings)),
  setMode: async (mode) => (await updatePreferences({ mode })).syncRefused,
  explainSample,
  async siteShortcut() {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === SITE_SWITCH_COMMAND)?.shortcut ?? '';
  },
  optionsPage: browser.runtime.getURL('/options.html'),
};

const sample = firstRunSample(series);
const root = document.getElementById('app');
if (root && sample) render(<WelcomeApp services={services} sample={sample} />, root);
