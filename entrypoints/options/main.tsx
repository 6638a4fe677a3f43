import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsServices } from '@/components/OptionsApp';
import '@/components/series.css';
import { glossary } from '@/content/glossary';
import { FIRST_RUN_PAGE } from '@/extension/first-run';
import { researchLogSectionServices } from '@/extension/research-log-options';
import { loadSettings, updateSettings, watchSettings } from '@/extension/settings';
import { SITE_SWITCH_COMMAND } from '@/utils/site-switch-command';

const services: OptionsServices = {
  load: loadSettings,
  watch: watchSettings,
  update: updateSettings,
  download(fileName, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
    // Revoking at once can cancel a download that has not read the blob yet.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  async siteShortcut() {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === SITE_SWITCH_COMMAND)?.shortcut ?? '';
  },
  firstRunPage: browser.runtime.getURL(FIRST_RUN_PAGE),
  uiLanguage: () => browser.i18n.getUILanguage(),
};

const root = document.getElementById('app');
if (root)
  render(<OptionsApp services={services} glossary={glossary} researchLog={researchLogSectionServices()} />, root);
