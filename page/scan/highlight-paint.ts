import {
  chooseHighlightColours,
  DEFAULT_HIGHLIGHT_COLOURS,
  highlightStyleSheet,
  type PageColours,
} from '@/utils/highlight-colours';
import type { HighlightStyle } from '@/utils/preferences';

/**
 * What the page shows behind and in its text: the body's and the root's backgrounds (the body's
 * first), the body's text colour, and whether the canvas under them is dark.
 */
export function readPageColours(document: Document): PageColours {
  const view = document.defaultView;
  const styleOf = (element: Element | null) => (element && view ? view.getComputedStyle(element) : null);
  const body = styleOf(document.body);
  const root = styleOf(document.documentElement);
  // The canvas is dark when the page asks for a dark colour scheme and the browser gives it one.
  const darkCanvas =
    /\bdark\b/u.test(root?.colorScheme ?? '') && view?.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
  return {
    backgrounds: [body?.backgroundColor ?? 'transparent', root?.backgroundColor ?? 'transparent'],
    text: body?.color ?? root?.color ?? '',
    darkCanvas,
  };
}

/**
 * Paints the highlights in the reader's style, in colours chosen against the page's own background
 * (utils/highlight-colours.ts). One constructed style sheet is adopted into the document and into
 * each open shadow root whose text is highlighted (`::highlight()` rules do not cross shadow
 * boundaries); changing the style or the page's colours rewrites that one sheet everywhere at once.
 * Adopting a sheet changes no markup and makes no mutation record. The extension's default style
 * sheet paints the first release's look until this one is adopted, and wherever adopting fails (an
 * old engine, a hostile page).
 *
 * Where that default sheet is in the document already (a content script's, injected before the page
 * is parsed), the sheet is adopted into the document only once the chosen colours differ from it:
 * any new `::highlight()` rule makes the browser compute the style of every element again, 0.3 s in
 * one task on a novel-length page, for a look the default sheet already paints.
 */
export class HighlightPaint {
  private sheet: CSSStyleSheet | null = null;
  private css = '';
  /** The document that has the default sheet and waits for colours of another look to get this one. */
  private waitingDocument: Document | null = null;

  constructor(
    private readonly names: { highlight: string; current: string },
    private style: HighlightStyle = 'background',
    private readonly options: { documentHasDefaultSheet?: boolean } = {},
  ) {}

  setStyle(style: HighlightStyle): void {
    this.style = style;
    this.refresh();
  }

  /** Chooses the colours again, e.g. after the page's colour scheme changed. */
  refresh(document: Document = globalThis.document): void {
    const css = highlightStyleSheet(
      this.names.highlight,
      this.names.current,
      chooseHighlightColours(this.style, readPageColours(document)),
    );
    if (css === this.css) return;
    this.css = css;
    try {
      this.sheet?.replaceSync(css);
    } catch {
      // The default style sheet still paints.
    }
    if (this.waitingDocument && !this.paintsDefaultLook()) {
      const waiting = this.waitingDocument;
      this.waitingDocument = null;
      this.adopt(waiting);
    }
  }

  /** Adopts the sheet into `root` (the document or a shadow root), once. */
  adopt(root: Document | ShadowRoot): void {
    if (this.options.documentHasDefaultSheet && root.nodeType === Node.DOCUMENT_NODE) {
      if (this.css === '') this.refresh(root as Document);
      if (this.paintsDefaultLook()) {
        this.waitingDocument = root as Document;
        return;
      }
    }
    try {
      if (!this.sheet) {
        if (this.css === '') this.refresh();
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(this.css);
      }
      if (!root.adoptedStyleSheets.includes(this.sheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    } catch {
      // Painting here is a nicety, never worth an error on the page.
    }
  }

  /** Takes the sheet out of `root` again (the extension is going away). */
  release(root: Document | ShadowRoot): void {
    if (root === this.waitingDocument) this.waitingDocument = null;
    try {
      if (this.sheet && root.adoptedStyleSheets.includes(this.sheet)) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
      }
    } catch {
      // Nothing to take out.
    }
  }

  /** Whether the colours chosen are the default sheet's. */
  private paintsDefaultLook(): boolean {
    return this.css === highlightStyleSheet(this.names.highlight, this.names.current, DEFAULT_HIGHLIGHT_COLOURS);
  }
}
