import type { HighlightStyle } from './preferences';

/*
 * The highlight's colours, chosen against the page's own background. A highlight is the mark that
 * says "this word can be explained", so its mark (the underline every look has) keeps at least 3:1
 * contrast with the background, WCAG's bar for non-text contrast
 * (https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html); a fill, where the look has
 * one, leaves the text on it readable: at least 4.5:1 (WCAG's AA for text), or, where the page's own
 * text was already below that, no lower than it was. Each look lists candidates from the gentlest
 * (for light pages) to the one for dark pages; the first that passes on this page wins, and where
 * none does a line in black or white (whichever contrasts more, always above 4.5:1) stands in.
 */

/** A colour with straight (not premultiplied) alpha: channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export type LineStyle = 'dotted' | 'solid';

/** How one look paints a term, and the occurrence whose card is open. */
export interface HighlightColours {
  /** The pages it is made for; those of the other tone are tried after them. */
  tone: 'light' | 'dark';
  /** Behind the term's text; null: no fill. */
  fill: Rgba | null;
  /** The underline: the mark that keeps 3:1 against the page. */
  line: Rgba;
  lineStyle: LineStyle;
  /** CSS pixels. */
  lineWidth: number;
  /** Behind the occurrence whose card is open, over the ordinary highlight. */
  currentFill: Rgba;
}

const rgba = (r: number, g: number, b: number, a = 1): Rgba => ({ r, g, b, a });

/** Amber on light pages (the first release's look), gold on dark ones, and a darker amber for light pages in colour. */
export const HIGHLIGHT_CANDIDATES: Readonly<Record<HighlightStyle, readonly HighlightColours[]>> = {
  background: [
    {
      tone: 'light',
      fill: rgba(255, 214, 102, 0.45),
      line: rgba(140, 90, 0),
      lineStyle: 'dotted',
      lineWidth: 2,
      currentFill: rgba(255, 184, 28, 0.7),
    },
    {
      tone: 'dark',
      fill: rgba(242, 199, 102, 0.22),
      line: rgba(242, 199, 102),
      lineStyle: 'dotted',
      lineWidth: 2,
      currentFill: rgba(242, 199, 102, 0.4),
    },
    {
      tone: 'light',
      fill: rgba(255, 214, 102, 0.3),
      line: rgba(90, 55, 0),
      lineStyle: 'dotted',
      lineWidth: 2,
      currentFill: rgba(255, 184, 28, 0.5),
    },
  ],
  underline: [
    {
      tone: 'light',
      fill: null,
      line: rgba(140, 90, 0),
      lineStyle: 'solid',
      lineWidth: 2,
      currentFill: rgba(255, 214, 102, 0.45),
    },
    {
      tone: 'dark',
      fill: null,
      line: rgba(242, 199, 102),
      lineStyle: 'solid',
      lineWidth: 2,
      currentFill: rgba(242, 199, 102, 0.3),
    },
  ],
  subtle: [
    {
      tone: 'light',
      fill: null,
      line: rgba(150, 120, 60),
      lineStyle: 'dotted',
      lineWidth: 1,
      currentFill: rgba(255, 214, 102, 0.35),
    },
    {
      tone: 'dark',
      fill: null,
      line: rgba(170, 150, 110),
      lineStyle: 'dotted',
      lineWidth: 1,
      currentFill: rgba(242, 199, 102, 0.25),
    },
  ],
};

/**
 * The first release's look, which the content script's default style sheet
 * (entrypoints/explainer.content/highlight.css) paints before any colours are chosen.
 */
export const DEFAULT_HIGHLIGHT_COLOURS = HIGHLIGHT_CANDIDATES.background[0] as HighlightColours;

/** WCAG's non-text contrast. */
export const MIN_MARK_CONTRAST = 3;
/** WCAG's AA contrast for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

const WHITE = rgba(255, 255, 255);
const BLACK = rgba(0, 0, 0);
/**
 * Below this relative luminance a background is dark: black and white text contrast with it equally
 * ((L + 0.05) / 0.05 = 1.05 / (L + 0.05) at L ≈ 0.18).
 */
export const DARK_LUMINANCE = 0.18;
/** Chromium's and Firefox's canvas in a dark colour scheme. */
export const DARK_CANVAS = rgba(18, 18, 18);

const clampByte = (value: number) => Math.min(255, Math.max(0, Math.round(value)));
const clampAlpha = (value: number) => Math.min(1, Math.max(0, value));

function channel(text: string, percentOf: number): number | null {
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) return null;
  return text.endsWith('%') ? (value / 100) * percentOf : value;
}

/**
 * A CSS colour as `getComputedStyle` gives it (`rgb(…)`, `rgba(…)`, with commas or spaces and an
 * optional `/ alpha`), a hex colour, or `transparent`; null for anything else.
 */
export function parseCssColour(text: string): Rgba | null {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return rgba(0, 0, 0, 0);
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/u.exec(value)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit) : (hex.match(/../gu) ?? []);
    const [r = 0, g = 0, b = 0, a = 255] = digits.map((pair) => Number.parseInt(pair, 16));
    return rgba(r, g, b, a / 255);
  }
  const body = /^rgba?\(([^)]*)\)$/u.exec(value)?.[1];
  if (body === undefined) return null;
  const parts = body
    .replace('/', ' / ')
    .split(/[\s,]+/u)
    .filter((part) => part !== '' && part !== '/');
  if (parts.length !== 3 && parts.length !== 4) return null;
  const [r, g, b] = parts.slice(0, 3).map((part) => channel(part, 255));
  const a = parts[3] === undefined ? 1 : channel(parts[3], 1);
  if (r == null || g == null || b == null || a == null) return null;
  return rgba(clampByte(r), clampByte(g), clampByte(b), clampAlpha(a));
}

/** `top` painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (upper: number, lower: number) => clampByte(upper * top.a + lower * (1 - top.a));
  return rgba(mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b));
}

/** https://www.w3.org/TR/WCAG22/#dfn-relative-luminance */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio, of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** What the page shows behind and in its text, as read from its computed styles. */
export interface PageColours {
  /** Background colours from the innermost (the body's) outwards; transparent ones are seen through. */
  backgrounds: readonly string[];
  /** The colour of the page's text. */
  text: string;
  /** Whether the canvas under everything is dark (the page asks for a dark colour scheme and gets it). */
  darkCanvas: boolean;
}

/** The opaque colour a reader sees behind the page's text. */
export function pageBackground({ backgrounds, darkCanvas }: Pick<PageColours, 'backgrounds' | 'darkCanvas'>): Rgba {
  let seen = darkCanvas ? DARK_CANVAS : WHITE;
  // Painted from the canvas up: the outermost layer first.
  for (const text of [...backgrounds].reverse()) {
    const layer = parseCssColour(text);
    if (layer && layer.a > 0) seen = over(layer, seen);
  }
  return seen;
}

/** Whether `colours` keeps its mark visible on `background` and the text on its fill readable. */
export function colourFits(colours: HighlightColours, background: Rgba, text: Rgba): boolean {
  if (contrastRatio(colours.line, background) < MIN_MARK_CONTRAST) return false;
  if (!colours.fill) return true;
  const opaqueText = text.a < 1 ? over(text, background) : text;
  const needed = Math.min(MIN_TEXT_CONTRAST, contrastRatio(opaqueText, background));
  return contrastRatio(opaqueText, over(colours.fill, background)) >= needed;
}

/** The colours of `style` for a page with these colours (see the comment at the top). */
export function chooseHighlightColours(style: HighlightStyle, page: PageColours): HighlightColours {
  const background = pageBackground(page);
  const text = parseCssColour(page.text) ?? (relativeLuminance(background) > DARK_LUMINANCE ? BLACK : WHITE);
  const tone = relativeLuminance(background) > DARK_LUMINANCE ? 'light' : 'dark';
  const candidates = HIGHLIGHT_CANDIDATES[style];
  const inOrder = [...candidates.filter((c) => c.tone === tone), ...candidates.filter((c) => c.tone !== tone)];
  const fitting = inOrder.find((candidate) => colourFits(candidate, background, text));
  if (fitting) return fitting;
  const line = contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
  return {
    tone,
    fill: null,
    line,
    // Each look keeps its own line, so the three still differ.
    lineStyle: style === 'underline' ? 'solid' : 'dotted',
    lineWidth: style === 'subtle' ? 1 : 2,
    currentFill: { ...line, a: 0.2 },
  };
}

const css = ({ r, g, b, a }: Rgba) =>
  a >= 1 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${Math.round(a * 100)}%)`;

/**
 * The style sheet that paints highlight `name` and the open card's occurrence `currentName`. Each
 * rule also has a selector of weight (0,0,2), `html *::highlight()`, so that in a document it wins
 * over the extension's default style sheet (0,0,1) wherever the browser puts that in the cascade;
 * in a shadow root only the plain selector applies.
 */
export function highlightStyleSheet(name: string, currentName: string, colours: HighlightColours): string {
  const line = `text-decoration: underline ${colours.lineStyle} ${css(colours.line)} ${colours.lineWidth}px; text-underline-offset: 3px;`;
  return [
    `::highlight(${name}), html *::highlight(${name}) { background-color: ${colours.fill ? css(colours.fill) : 'transparent'}; ${line} }`,
    `::highlight(${currentName}), html *::highlight(${currentName}) { background-color: ${css(colours.currentFill)}; text-decoration: underline solid ${css(colours.line)} 2px; text-underline-offset: 3px; }`,
  ].join('\n');
}
