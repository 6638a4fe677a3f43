import { browser } from 'wxt/browser';

/** The first-run page, which the options page links to as well. */
export const FIRST_RUN_PAGE = '/welcome.html';
/** In local storage: when the first-run page was opened. Uninstalling clears it with everything else. */
const SHOWN_KEY = 'firstRunShownAt';

/**
 * Opens the first-run page after an install, never after an update or a browser update, and only
 * once per installation: Firefox reports a temporary add-on installed again at every start (and a
 * reinstall keeps its storage when asked to), so what was shown is remembered too.
 */
export async function openFirstRunPage(reason: string): Promise<boolean> {
  if (reason !== 'install') return false;
  try {
    const stored = await browser.storage.local.get(SHOWN_KEY);
    if (stored[SHOWN_KEY] != null) return false;
    await browser.storage.local.set({ [SHOWN_KEY]: Date.now() });
  } catch {
    // Storage refused: the page still opens this once, for this install event.
  }
  try {
    await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PAGE) });
  } catch {
    return false;
  }
  return true;
}
