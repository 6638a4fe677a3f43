/**
 * Which tab the popup speaks about. A `?tab=<id>` in the popup's own URL wins: it lets the popup be
 * opened as a page about a given tab (tests do this; some browsers' popups see no active tab).
 * Otherwise it is the active tab of the current window.
 */
export async function popupTargetTab(
  popupUrl: string,
  queryActiveTabId: () => Promise<number | undefined>,
): Promise<number | undefined> {
  const named = new URL(popupUrl).searchParams.get('tab');
  if (named !== null && /^\d+$/u.test(named)) return Number(named);
  return queryActiveTabId();
}
