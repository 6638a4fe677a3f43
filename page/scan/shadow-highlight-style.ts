let sheet: CSSStyleSheet | null = null;

/**
 * `::highlight()` rules do not cross shadow boundaries, so the page-level style that paints our
 * highlights is adopted into each open shadow root whose text we highlight. It adds a style only;
 * the shadow tree's content is untouched. Failing that (an old engine, a hostile page), the terms
 * are still found and explained, only not painted.
 */
export function adoptHighlightStyle(root: ShadowRoot, css: string): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Painting inside this shadow root is a nicety, never worth an error on the page.
  }
}
