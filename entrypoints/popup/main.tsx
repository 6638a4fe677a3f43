import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupServices } from '@/components/PopupApp';
import '@/components/series.css';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';
import { sendMessage } from '@/extension/messages';
import { loadSettings, updatePreferences, watchSettings } from '@/extension/settings';
import { switchSite } from '@/extension/site-switch-save';
import { popupTargetTab } from '@/utils/popup-target-tab';

const tabId = popupTargetTab(location.href, async () => {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
});

const services: PopupServices = {
  async loadPageState() {
    const id = await tabId;
    if (id === undefined) return null;
    // No content script in that tab (a browser page, or one still loading) means no answer.
    return (await sendMessage('getPageState', undefined, { tabId: id, frameId: 0 }).catch(() => null)) ?? null;
  },
  loadSettings: async () => (await loadSettings()).settings,
  watchSettings: (onChange) => watchSettings((stored) => onChange(stored.settings)),
  switchSite,
  updatePreferences: async (change) => (await updatePreferences(change)).syncRefused,
  openOptions: () => void browser.runtime.openOptionsPage(),
  openReader: (anchor) => void sendMessage('openReader', anchor),
  uiLanguage: () => browser.i18n.getUILanguage(),
  async showTerm(termId) {
    const id = await tabId;
    if (id === undefined) return false;
    const shown = await sendMessage('showTermOnPage', termId, { tabId: id, frameId: 0 }).catch(() => false);
    // A toolbar popup would cover the card it just opened; a popup opened as a page (?tab=) stays.
    if (shown && !new URL(location.href).searchParams.has('tab')) window.close();
    return shown;
  },
};

// Shown as a page rather than a toolbar popup (Firefox for Android, or opened with ?tab=): as wide
// as the screen allows, up to the popup's own width.
if (new URL(location.href).searchParams.has('tab')) document.documentElement.classList.add('popup-page');
void browser.runtime.getPlatformInfo().then(
  (platform) => platform.os === 'android' && document.documentElement.classList.add('popup-page'),
  () => {},
);

const root = document.getElementById('app');
if (root) render(<PopupApp parts={series} glossary={glossary} services={services} />, root);
