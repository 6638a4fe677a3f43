import { describe, expect, it } from 'vitest';
import {
  chooseHighlightColours,
  contrastRatio,
  HIGHLIGHT_CANDIDATES,
  highlightStyleSheet,
  MIN_MARK_CONTRAST,
  MIN_TEXT_CONTRAST,
  over,
  type PageColours,
  pageBackground,
  parseCssColour,
} from '@/utils/highlight-colours';
import { HIGHLIGHT_STYLES } from '@/utils/preferences';

const colour = (text: string) => {
  const parsed = parseCssColour(text);
  if (!parsed) throw new Error(`not a colour: ${text}`);
  return parsed;
};

describe('parseCssColour', () => {
  it.each([
    ['rgb(255, 214, 102)', { r: 255, g: 214, b: 102, a: 1 }],
    ['rgba(0, 0, 0, 0)', { r: 0, g: 0, b: 0, a: 0 }],
    ['rgba(10, 20, 30, 0.5)', { r: 10, g: 20, b: 30, a: 0.5 }],
    ['rgb(255 214 102 / 45%)', { r: 255, g: 214, b: 102, a: 0.45 }],
    ['rgb(100% 0% 50%)', { r: 255, g: 0, b: 128, a: 1 }],
    ['transparent', { r: 0, g: 0, b: 0, a: 0 }],
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#1F2328', { r: 31, g: 35, b: 40, a: 1 }],
    ['#00000080', { r: 0, g: 0, b: 0, a: 128 / 255 }],
    ['rgb(300, -5, 0)', { r: 255, g: 0, b: 0, a: 1 }],
  ])('%s', (text, expected) => expect(parseCssColour(text)).toEqual(expected));

  it.each(['', 'red', 'hsl(0 0% 0%)', 'rgb(1, 2)', 'rgb(a, b, c)', '#12', 'color(srgb 1 0 0)'])('refuses %j', (text) =>
    expect(parseCssColour(text)).toBeNull(),
  );
});

describe('contrastRatio (WCAG 2.2)', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
    ['#777777', '#ffffff', 4.48],
    ['#1f2328', '#fffdf7', 15.53],
  ])('%s on %s ≈ %s', (a, b, ratio) => expect(contrastRatio(colour(a), colour(b))).toBeCloseTo(ratio, 1));
});

describe('pageBackground: what shows behind the text', () => {
  it.each<[string, Pick<PageColours, 'backgrounds' | 'darkCanvas'>, string]>([
    [
      'nothing painted: the white canvas',
      { backgrounds: ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], darkCanvas: false },
      '#ffffff',
    ],
    [
      'nothing painted, a dark colour scheme: the dark canvas',
      { backgrounds: ['transparent'], darkCanvas: true },
      '#121212',
    ],
    ['the body painted', { backgrounds: ['rgb(31, 35, 40)', 'rgb(255, 255, 255)'], darkCanvas: false }, '#1f2328'],
    ['only the root painted', { backgrounds: ['rgba(0, 0, 0, 0)', 'rgb(0, 0, 0)'], darkCanvas: false }, '#000000'],
    [
      'a half-see-through body over a black root',
      { backgrounds: ['rgba(255, 255, 255, 0.5)', 'rgb(0, 0, 0)'], darkCanvas: false },
      '#808080',
    ],
    [
      'an unreadable value is skipped',
      { backgrounds: ['color(display-p3 1 0 0)', 'rgb(0, 0, 0)'], darkCanvas: false },
      '#000000',
    ],
  ])('%s', (_what, page, expected) => expect(pageBackground(page)).toEqual(colour(expected)));
});

/** Pages in many colours: light, dark, grey, coloured, and with low-contrast text of their own. */
const PAGES: Array<[string, PageColours]> = [
  ['white', { backgrounds: ['#ffffff'], text: '#000000', darkCanvas: false }],
  ['paper', { backgrounds: ['#fffdf7'], text: '#1f2328', darkCanvas: false }],
  ['light grey text', { backgrounds: ['#ffffff'], text: '#767676', darkCanvas: false }],
  ['black', { backgrounds: ['#000000'], text: '#ffffff', darkCanvas: false }],
  ['dark canvas', { backgrounds: ['transparent'], text: 'rgb(232, 232, 232)', darkCanvas: true }],
  ['GitHub dark', { backgrounds: ['#0d1117'], text: '#e6edf3', darkCanvas: false }],
  ['dark grey text on dark', { backgrounds: ['#1f2328'], text: '#8b949e', darkCanvas: false }],
  ['mid grey', { backgrounds: ['#777777'], text: '#000000', darkCanvas: false }],
  ['mid grey, white text', { backgrounds: ['#777777'], text: '#ffffff', darkCanvas: false }],
  ['navy', { backgrounds: ['#003366'], text: '#ffffff', darkCanvas: false }],
  ['yellow', { backgrounds: ['#ffeb3b'], text: '#212121', darkCanvas: false }],
  ['amber like the highlight', { backgrounds: ['#ffd666'], text: '#000000', darkCanvas: false }],
  ['brown', { backgrounds: ['#8c5a00'], text: '#ffffff', darkCanvas: false }],
  ['solarized light', { backgrounds: ['#fdf6e3'], text: '#657b83', darkCanvas: false }],
  ['solarized dark', { backgrounds: ['#002b36'], text: '#839496', darkCanvas: false }],
  ['no readable text colour', { backgrounds: ['#000000'], text: 'currentcolor', darkCanvas: false }],
];

describe('chooseHighlightColours', () => {
  for (const style of HIGHLIGHT_STYLES) {
    it.each(PAGES)(`${style} on %s: the mark keeps 3:1 and the text stays readable`, (_what, page) => {
      const background = pageBackground(page);
      const chosen = chooseHighlightColours(style, page);
      expect(contrastRatio(chosen.line, background)).toBeGreaterThanOrEqual(MIN_MARK_CONTRAST);
      const text = parseCssColour(page.text);
      if (chosen.fill && text) {
        const needed = Math.min(MIN_TEXT_CONTRAST, contrastRatio(text, background));
        expect(contrastRatio(text, over(chosen.fill, background))).toBeGreaterThanOrEqual(needed);
      }
    });
  }

  it.each([
    ['background', 'white', 0],
    ['background', 'black', 1],
    ['background', 'GitHub dark', 1],
    ['underline', 'paper', 0],
    ['underline', 'dark canvas', 1],
    ['subtle', 'white', 0],
    ['subtle', 'solarized dark', 1],
  ] as const)('%s on %s is candidate %i (light pages keep the first release look)', (style, name, index) => {
    const page = PAGES.find(([what]) => what === name)?.[1];
    if (!page) throw new Error(name);
    expect(chooseHighlightColours(style, page)).toBe(HIGHLIGHT_CANDIDATES[style][index]);
  });

  it('falls back to a black or white line where no candidate fits', () => {
    const page = PAGES.find(([what]) => what === 'mid grey')?.[1] as PageColours;
    const chosen = chooseHighlightColours('subtle', page);
    expect(HIGHLIGHT_CANDIDATES.subtle).not.toContain(chosen);
    expect(chosen.line).toEqual(colour('#000000'));
    expect(chosen.fill).toBeNull();
  });

  it('every style looks different from the others on the same page', () => {
    for (const [, page] of PAGES) {
      const looks = HIGHLIGHT_STYLES.map((style) => JSON.stringify(chooseHighlightColours(style, page)));
      expect(new Set(looks).size).toBe(HIGHLIGHT_STYLES.length);
    }
  });
});

describe('highlightStyleSheet', () => {
  it('paints the highlight and the open occurrence, outweighing the default style in a document', () => {
    const sheet = highlightStyleSheet('mhx-term', 'mhx-term-current', HIGHLIGHT_CANDIDATES.background[0] as never);
    expect(sheet).toBe(
      [
        '::highlight(mhx-term), html *::highlight(mhx-term) { background-color: rgb(255 214 102 / 45%); text-decoration: underline dotted rgb(140 90 0) 2px; text-underline-offset: 3px; }',
        '::highlight(mhx-term-current), html *::highlight(mhx-term-current) { background-color: rgb(255 184 28 / 70%); text-decoration: underline solid rgb(140 90 0) 2px; text-underline-offset: 3px; }',
      ].join('\n'),
    );
  });

  it('a look without a fill paints none', () => {
    const sheet = highlightStyleSheet('a', 'b', HIGHLIGHT_CANDIDATES.underline[0] as never);
    expect(sheet).toMatch(/::highlight\(a\) \{ background-color: transparent; text-decoration: underline solid/u);
  });
});
