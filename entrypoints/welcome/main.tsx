import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/series.css';
import { WelcomeApp, type WelcomeServices } from '@/components/WelcomeApp';
import { firstRunSample } from '@/content/first-run-sample';
import { series } from '@/content/series';
import { loadSettings, updatePreferences, watchSettings } from '@/extension/settings';
import { SITE_SWITCH_COMMAND } from '@/utils/site-switch-command';

const services: WelcomeServices = {
  loadSettings: async () => (await loadSettings()).settings,
  watchSettings: (onChange) => watchSettings((stored) => onChange(stored.settings)),
  setMode: async (mode) => (await updatePreferences({ mode })).syncRefused,
  explainSample: () => ({ terms: () => [], showTerm: () => false, stop: () => {} }),
  async siteShortcut() {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === SITE_SWITCH_COMMAND)?.shortcut ?? '';
  },
  optionsPage: browser.runtime.getURL('/options.html'),
};

const sample = firstRunSample(series);
const root = document.getElementById('app');
if (root && sample) render(<WelcomeApp services={services} sample={sample} />, root);
