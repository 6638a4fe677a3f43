import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { helpLineData } from '@/content/help-lines';
import { releaseListeners } from '@/extension/release-listeners';
import { loadSettings, watchSettings } from '@/extension/settings';
import { chooseHelp, type HelpChoice } from '@/utils/help-line-choice';
import type { Settings } from '@/utils/preferences';

/**
 * The help a condition's card points to, kept in step with the settings for as long as the card
 * script runs in this page: null while help lines are off. The country comes from the browser's UI
 * language, which this script can ask for because it runs in the content script's world (a page
 * sees only its own content language), unless the options name one.
 */
export function watchHelpChoice(ctx: ContentScriptContext): () => Promise<HelpChoice | null> {
  const uiLanguage = browserUiLanguage();
  const choose = (settings: Settings) =>
    settings.helpLines ? chooseHelp(helpLineData, settings.helpCountry, uiLanguage) : null;
  let current = loadSettings().then(({ settings }) => choose(settings));
  const unwatch = watchSettings(({ settings }) => {
    current = Promise.resolve(choose(settings));
  });
  // After an extension update the old context's storage API is gone: letting go must not throw.
  ctx.onInvalidated(() => releaseListeners(unwatch));
  return () => current;
}

/** The browser's UI language ('en-US'); '' where it cannot be read, which points to the directory only. */
function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return '';
  }
}
