/**
 * Everything a user can see that differs between the Chromium and the Firefox build, in one place.
 * Both builds are Manifest V3 from the same code, and the tests run the same user paths in both
 * (tests/e2e and tests/hostile, each run in Chromium and in Firefox ESR), so the list is short:
 *
 * - Firefox identifies an add-on by the id in `browser_specific_settings.gecko`: without it
 *   `storage.sync` does not work and the add-on cannot be signed, so settings would not follow the user.
 * - Firefox shows `data_collection_permissions` in its install prompt and on addons.mozilla.org: the
 *   add-on says it collects nothing (Chromium has no such field; its store asks in the dashboard).
 * - Firefox 140 (the ESR) is the oldest release with everything the add-on needs, the CSS Custom
 *   Highlight API above all: older ones would install it and highlight nothing. Firefox for Android
 *   reads `data_collection_permissions` only from 142, so there the add-on asks for 142: an older
 *   one would install it without showing the user that nothing is collected.
 * - The scripts the content script loads when they are wanted, the term engine, its page-world
 *   signals and the hover card (see `pageScriptAccess`), are reachable from web pages' content scripts; Chromium serves them
 *   under a per-session URL (`use_dynamic_url`), so a page cannot probe a fixed URL to learn the
 *   extension is installed. Firefox has no such option and needs none: its
 *   moz-extension:// origin is a random UUID of each installation, which pages cannot guess.
 *
 * Not differences, though one might expect them: the popup, the card, the reader and the keyboard
 * shortcuts look and behave the same; Firefox grants the content script its site access at install
 * (Firefox 127+), and in either browser a user who withdraws it sees the popup say highlighting is not
 * available on the page.
 */

export type TargetBrowser = 'chrome' | 'firefox' | (string & {});

export const FIREFOX_ADDON_ID = 'explainer@mental-health-explainer.local';
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** The manifest keys only one browser gets. */
export function browserSpecificManifest(browser: TargetBrowser) {
  if (browser !== 'firefox') return {};
  return {
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}

/** The pages whose content script may load the engine and card scripts: those it runs on. */
const PAGE_SCRIPT_PAGES = ['http://*/*', 'https://*/*'];

/**
 * `web_accessible_resources` for the scripts the content script loads when they are wanted: the
 * term engine, where a page will be highlighted (page/engine/engine-module.ts), the page-world
 * signals the engine puts in such a page (entrypoints/mhx-page-signals.ts), and the hover card, the
 * first time a card is wanted (page/card/term-card-module.ts). Browsers load a content script's
 * `import()` and a script element it adds as the page would, so the files must be web-accessible.
 * Nothing else of the extension is.
 */
export function pageScriptAccess(browser: TargetBrowser) {
  return [
    {
      resources: ['explainer-engine.js', 'mhx-page-signals.js', 'term-card.js'],
      matches: PAGE_SCRIPT_PAGES,
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    },
  ];
}
