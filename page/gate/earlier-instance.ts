/**
 * What an earlier instance of the content script left in the document: its card hosts and its
 * highlights. Firefox stops the old script without letting it clean up when the add-on is updated,
 * reloaded or disabled, and injects the new one into the same page; Chromium's orphaned script
 * cleans up itself. At its start a content script has made nothing yet, so whatever carries its
 * names is an earlier instance's, and goes.
 */
export function removeEarlierInstance(
  document: Document,
  names: { hostTag: string; highlights: readonly string[] },
): void {
  for (const host of document.querySelectorAll(names.hostTag)) host.remove();
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  for (const name of names.highlights) CSS.highlights.delete(name);
}
