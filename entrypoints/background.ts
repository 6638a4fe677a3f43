import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { TabBadges } from '@/extension/badge';
import { onMessage } from '@/extension/messages';
import { migrateSettings } from '@/extension/settings';
import { activeTabId, createSiteMenu, toggleSiteInTab } from '@/extension/site-commands';
import { forwardTermCommand } from '@/extension/term-commands';
import { TOGGLE_SITE_COMMAND, TOGGLE_SITE_MENU_ID, TOGGLE_SITE_TITLE } from '@/utils/site-commands';

export default defineBackground(() => {
  // Site control: settings migration, the site toggle (command and menu), the toolbar badge.
  void migrateSettings();
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command === TOGGLE_SITE_COMMAND) await toggleSiteInTab(tab?.id ?? (await activeTabId()));
  });
  void createSiteMenu(TOGGLE_SITE_TITLE, TOGGLE_SITE_MENU_ID);
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === TOGGLE_SITE_MENU_ID) void toggleSiteInTab(tab?.id);
  });
  const badges = new TabBadges();
  onMessage('reportTermCount', ({ data: count, sender }) => {
    if (sender.tab?.id !== undefined) void badges.report(sender.tab.id, sender.frameId ?? 0, count).catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => void badges.forget(tabId));

  browser.commands.onCommand.addListener((command, tab) => void forwardTermCommand(command, tab));

  onMessage('openReader', async ({ data: anchor, sender }) => {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/reader.html#${encodeURI(anchor)}`),
      index: sender.tab ? sender.tab.index + 1 : undefined,
    });
  });
});
