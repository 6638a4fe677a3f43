/**
 * Removes extension-API listeners when a content script's context ends. After an extension reload
 * or update those calls throw "Extension context invalidated" (the listeners are already dead), and
 * an error on someone else's page is never acceptable, so each is tried on its own.
 */
export function releaseListeners(...removals: ReadonlyArray<() => void>): void {
  for (const remove of removals) {
    try {
      remove();
    } catch {
      // Already released with the old context.
    }
  }
}
