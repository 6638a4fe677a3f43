import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { TabBadges } from '@/extension/badge';
import { pauseSite, setTermHidden, undoSitePause } from '@/extension/card-control-saves';
import { openFirstRunPage } from '@/extension/first-run';
import { onMessage } from '@/extension/messages';
import { researchLogRecorder } from '@/extension/research-log-recorder';
import { keepUnpackedRules, migrateSettings } from '@/extension/settings';
import { activeTabId, createSiteSwitchMenu, flipSiteSwitchInTab } from '@/extension/site-switch-in-tab';
import { forwardTermStep } from '@/extension/term-step-forwarding';
import { cleanTermCounts, sumCounts } from '@/utils/research-log-visits';
import { SITE_SWITCH_COMMAND, SITE_SWITCH_MENU_ID, SITE_SWITCH_TITLE } from '@/utils/site-switch-command';

export default defineBackground(() => {
  // Settings migration, the site switch (command and menu), the toolbar badge.
  void migrateSettings();
  // Pages read the rules from an unpacked copy when it is current: no inflating on every page.
  keepUnpackedRules();
  browser.runtime.onInstalled.addListener(({ reason }) => void openFirstRunPage(reason));
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command === SITE_SWITCH_COMMAND) await flipSiteSwitchInTab(tab?.id ?? (await activeTabId()));
  });
  void createSiteSwitchMenu(SITE_SWITCH_TITLE, SITE_SWITCH_MENU_ID);
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SITE_SWITCH_MENU_ID) void flipSiteSwitchInTab(tab?.id);
  });
  const badges = new TabBadges();
  // The research log hears the badge's reports; it does nothing with them until the reader turns it on.
  const researchLog = researchLogRecorder();
  onMessage('reportTermCount', ({ data: report, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const frameId = sender.frameId ?? 0;
    void badges.report(tabId, frameId, report && sumCounts(cleanTermCounts(report.terms))).catch(() => {});
    const place = { url: sender.tab?.url ?? sender.url, title: sender.tab?.title };
    void researchLog.report({ tabId, frameId, ...place }, report).catch(() => {});
  });
  onMessage('eraseResearchLog', ({ data: site }) => researchLog.erase(site));
  browser.tabs.onRemoved.addListener((tabId) => void badges.forget(tabId));

  browser.commands.onCommand.addListener((command, tab) => void forwardTermStep(command, tab));

  // The card's controls: pages cannot write settings.
  onMessage('pauseSite', ({ data: address }) => pauseSite(address));
  onMessage('undoSitePause', ({ data: change }) => undoSitePause(change));
  onMessage('setTermHidden', ({ data }) => setTermHidden(data.termId, data.hidden));

  onMessage('openReader', async ({ data: anchor, sender }) => {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/reader.html#${encodeURI(anchor)}`),
      index: sender.tab ? sender.tab.index + 1 : undefined,
    });
  });
});
