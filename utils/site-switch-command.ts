/** The keyboard command and context-menu entry that turn highlighting on or off for the current site. */
/**
 * The manifest's command name. Browsers keep a shortcut the user chose under this name, so it stays
 * what the first release called it; in code the feature is the site switch.
 */
export const SITE_SWITCH_COMMAND = 'toggle-site';
/** The browser keeps context-menu entries across worker restarts by this id (see createSiteSwitchMenu). */
export const SITE_SWITCH_MENU_ID = 'mhx-toggle-site';
export const SITE_SWITCH_SHORTCUT = 'Alt+Shift+H';
export const SITE_SWITCH_TITLE = 'Turn highlighting on or off for this site';

/** The manifest's `commands` entry for the site switch (the user can change the key in the browser's shortcut settings). */
export function siteSwitchCommandManifest(): Record<
  string,
  { suggested_key: { default: string }; description: string }
> {
  return {
    [SITE_SWITCH_COMMAND]: { suggested_key: { default: SITE_SWITCH_SHORTCUT }, description: SITE_SWITCH_TITLE },
  };
}
