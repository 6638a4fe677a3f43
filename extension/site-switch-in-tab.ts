import { browser } from 'wxt/browser';
import { siteDomainOf } from '@/utils/site-domain';
import { flippedRules } from '@/utils/site-switch-rules';
import { type PageState, sendMessage } from './messages';
import { updateSettings } from './settings';

export type AskPageState = (tabId: number) => Promise<PageState>;

/** The background cannot read tab URLs (no "tabs" permission): the tab's top frame says where it is. */
const askTopFrame: AskPageState = (tabId) => sendMessage('getPageState', undefined, { tabId, frameId: 0 });

/**
 * Turns highlighting on or off for the site of a tab, from the keyboard command or the context menu:
 * the opposite of what the page shows now, where the rule deciding for it is (else for the whole
 * site). False when the tab has no explainer to ask (browser pages, a tab still loading), and when
 * no storage took the change: the page then stays as it was, which is what the user sees.
 */
export async function flipSiteSwitchInTab(
  tabId: number | undefined,
  ask: AskPageState = askTopFrame,
): Promise<boolean> {
  if (tabId === undefined || tabId < 0) return false;
  let page: PageState | undefined;
  try {
    page = await ask(tabId);
  } catch {
    return false;
  }
  if (!page || page.site === null) return false;
  const site = page.site;
  const address = { host: site, path: page.path };
  try {
    await updateSettings((current) => ({
      ...current,
      rules: flippedRules(current.rules, address, siteDomainOf(site), page.enabled),
    }));
  } catch {
    // Nothing was stored (see updateSettings). An uncaught rejection here would only reach the
    // extension's error log, never the user.
    return false;
  }
  return true;
}

/** The context-menu entry, on web pages only (where the content script runs). */
export async function createSiteSwitchMenu(title: string, id: string): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  // The background starts again and again (an MV3 worker after each idle stop) and the browser keeps
  // menus across those starts: replace ours rather than create a duplicate (an error).
  try {
    await menus.remove(id);
  } catch {
    // Not there yet.
  }
  menus.create({
    id,
    title,
    contexts: ['page', 'frame', 'selection', 'link', 'image'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** The active tab's id, for a command the browser reported without its tab (ids need no "tabs" permission). */
export async function activeTabId(): Promise<number | undefined> {
  try {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  } catch {
    return undefined;
  }
}
