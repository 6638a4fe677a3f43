import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightPaint } from '@/page/scan/highlight-paint';
import { DEFAULT_HIGHLIGHT_COLOURS, highlightStyleSheet } from '@/utils/highlight-colours';

const NAMES = { highlight: 'mhx-term', current: 'mhx-term-current' };

/** The declarations of each `::highlight(name)` rule, white space folded. */
function declarationsByHighlight(css: string): Record<string, string> {
  const rules: Record<string, string> = {};
  for (const [, selectors, body] of css.replace(/\/\*[\s\S]*?\*\//gu, '').matchAll(/([^{}]+)\{([^}]*)\}/gu)) {
    const name = /::highlight\(([^)]+)\)/u.exec(selectors ?? '')?.[1];
    if (name) rules[name] = (body ?? '').replace(/\s+/gu, ' ').replace(/;\s*$/u, '').trim();
  }
  return rules;
}

const ourSheets = (root: Document | ShadowRoot) => root.adoptedStyleSheets.length;

describe('HighlightPaint', () => {
  afterEach(() => {
    document.adoptedStyleSheets = [];
    document.body.removeAttribute('style');
  });

  it("the default look is the content script's default style sheet, rule for rule", () => {
    const defaultSheet = readFileSync(path.resolve('entrypoints/explainer.content/highlight.css'), 'utf8');
    const chosen = highlightStyleSheet(NAMES.highlight, NAMES.current, DEFAULT_HIGHLIGHT_COLOURS);
    expect(declarationsByHighlight(chosen)).toEqual(declarationsByHighlight(defaultSheet));
  });

  it('where the document has the default sheet, adopts nothing into it while the default look is chosen', () => {
    const paint = new HighlightPaint(NAMES, 'background', { documentHasDefaultSheet: true });
    paint.adopt(document);
    expect(ourSheets(document)).toBe(0);
    paint.refresh();
    expect(ourSheets(document)).toBe(0);
  });

  it('adopts its sheet into that document once another look is chosen, and keeps it current', () => {
    const paint = new HighlightPaint(NAMES, 'background', { documentHasDefaultSheet: true });
    paint.adopt(document);
    paint.setStyle('underline');
    expect(ourSheets(document)).toBe(1);
    const sheet = document.adoptedStyleSheets[0] as CSSStyleSheet;
    paint.setStyle('background');
    expect(document.adoptedStyleSheets).toEqual([sheet]);
  });

  it('adopts its sheet once the page turns out to be dark', () => {
    const paint = new HighlightPaint(NAMES, 'background', { documentHasDefaultSheet: true });
    paint.adopt(document);
    expect(ourSheets(document)).toBe(0);
    document.body.style.backgroundColor = 'rgb(20, 20, 20)';
    document.body.style.color = 'rgb(230, 230, 230)';
    paint.refresh();
    expect(ourSheets(document)).toBe(1);
  });

  it('always adopts into shadow roots, where no default sheet reaches, and into documents without one', () => {
    const paint = new HighlightPaint(NAMES, 'background', { documentHasDefaultSheet: true });
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    paint.adopt(shadow);
    expect(ourSheets(shadow)).toBe(1);
    host.remove();

    const onExtensionPage = new HighlightPaint(NAMES);
    onExtensionPage.adopt(document);
    expect(ourSheets(document)).toBe(1);
  });

  it('a document released before another look was chosen never gets the sheet', () => {
    const paint = new HighlightPaint(NAMES, 'background', { documentHasDefaultSheet: true });
    paint.adopt(document);
    paint.release(document);
    paint.setStyle('subtle');
    expect(ourSheets(document)).toBe(0);
  });
});
