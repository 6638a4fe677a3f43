import type { CSSProperties } from 'preact';
import { chooseHighlightColours, type HighlightColours, type PageColours } from '@/utils/highlight-colours';
import { HIGHLIGHT_STYLES, type HighlightStyle } from '@/utils/preferences';
import './highlight-choices.css';

export const HIGHLIGHT_STYLE_NAMES: Readonly<Record<HighlightStyle, string>> = {
  background: 'Background',
  underline: 'Underline only',
  subtle: 'Subtle',
};

/** The popup's row is narrow. */
const SHORT_NAMES: Readonly<Record<HighlightStyle, string>> = {
  background: 'Background',
  underline: 'Underline',
  subtle: 'Subtle',
};

const HINTS: Readonly<Record<HighlightStyle, string>> = {
  background: 'A tinted background and a dotted underline.',
  underline: 'A solid underline, no background.',
  subtle: 'A thin dotted underline.',
};

/** The pages the samples stand on: a light one and a dark one. */
const SAMPLE_PAGES: ReadonlyArray<{ tone: string; page: PageColours; text: string; background: string }> = [
  {
    tone: 'light',
    page: { backgrounds: ['#ffffff'], text: '#1f2328', darkCanvas: false },
    text: '#1f2328',
    background: '#ffffff',
  },
  {
    tone: 'dark',
    page: { backgrounds: ['#121212'], text: '#e6e6e6', darkCanvas: false },
    text: '#e6e6e6',
    background: '#121212',
  },
];

const cssColour = ({ r, g, b, a }: { r: number; g: number; b: number; a: number }) => `rgb(${r} ${g} ${b} / ${a})`;

/** The look of a sample word, as the page's highlight would paint it (set through the CSSOM: the CSP allows no style attributes). */
function sampleStyle(colours: HighlightColours): CSSProperties {
  return {
    backgroundColor: colours.fill ? cssColour(colours.fill) : 'transparent',
    textDecoration: `underline ${colours.lineStyle} ${cssColour(colours.line)} ${colours.lineWidth}px`,
    textUnderlineOffset: '3px',
  };
}

/** A word in `style` on a light and on a dark page, with the colours the page would get. */
export function HighlightSample({ style }: { style: HighlightStyle }) {
  return (
    <span class="highlight-samples" aria-hidden="true">
      {SAMPLE_PAGES.map(({ tone, page, text, background }) => (
        <span key={tone} class={`highlight-sample ${tone}`} style={{ color: text, backgroundColor: background }}>
          <span style={sampleStyle(chooseHighlightColours(style, page))}>serotonin</span>
        </span>
      ))}
    </span>
  );
}

export interface HighlightStyleChoiceProps {
  value: HighlightStyle;
  onChange: (style: HighlightStyle) => void;
  /** The popup's row of three; the options page lists each with its hint. */
  compact?: boolean;
}

/** Background, underline only, or subtle: the options page's list and the popup's quick choice. */
export function HighlightStyleChoice({ value, onChange, compact = false }: HighlightStyleChoiceProps) {
  return (
    <fieldset class={compact ? 'style-choice compact' : 'style-choice'}>
      <legend>Highlight style</legend>
      {HIGHLIGHT_STYLES.map((style) => (
        <label key={style} class="style-option">
          <input
            type="radio"
            name="highlightStyle"
            value={style}
            checked={value === style}
            onChange={() => onChange(style)}
          />
          <span class="style-text">
            <strong>{compact ? SHORT_NAMES[style] : HIGHLIGHT_STYLE_NAMES[style]}</strong>
            {!compact && <span class="muted">{HINTS[style]}</span>}
          </span>
          <HighlightSample style={style} />
        </label>
      ))}
    </fieldset>
  );
}
