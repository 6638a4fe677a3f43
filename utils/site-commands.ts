/** The keyboard command and context-menu entry that turn highlighting on or off for the current site. */
export const TOGGLE_SITE_COMMAND = 'toggle-site';
export const TOGGLE_SITE_MENU_ID = 'mhx-toggle-site';
export const TOGGLE_SITE_SHORTCUT = 'Alt+Shift+H';
export const TOGGLE_SITE_TITLE = 'Turn highlighting on or off for this site';

/** The manifest's `commands` entry for the site toggle (the user can change the key in the browser's shortcut settings). */
export function siteCommandsManifest(): Record<string, { suggested_key: { default: string }; description: string }> {
  return {
    [TOGGLE_SITE_COMMAND]: { suggested_key: { default: TOGGLE_SITE_SHORTCUT }, description: TOGGLE_SITE_TITLE },
  };
}
