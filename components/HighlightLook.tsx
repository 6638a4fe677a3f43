import {
  DEFAULT_PREFERENCES,
  HIGHLIGHT_DENSITIES,
  type HighlightDensity,
  type HighlightPreferences,
} from '@/utils/preferences';
import { HighlightStyleChoice } from './HighlightStyleChoice';

const DENSITY_NAMES: Readonly<Record<HighlightDensity, string>> = {
  every: 'Every time a term appears',
  'first-in-section': 'The first time in each section',
  'first-on-page': 'Only the first time on a page',
};

const DENSITY_HINTS: Readonly<Record<HighlightDensity, string>> = {
  every: 'The most highlights: a long article can turn into a wall of them.',
  'first-in-section': 'A term is highlighted again after each heading, so it is marked wherever you start reading.',
  'first-on-page': 'The fewest, as an encyclopedia links a term once per article.',
};

export interface HighlightLookProps {
  preferences: Pick<HighlightPreferences, 'highlightStyle' | 'highlightDensity'>;
  onChange: (change: Partial<HighlightPreferences>) => void;
}

/** The options page's "How highlights look": the style, and how many occurrences of a term are marked. */
export function HighlightLook({ preferences, onChange }: HighlightLookProps) {
  return (
    <>
      <HighlightStyleChoice
        value={preferences.highlightStyle}
        onChange={(highlightStyle) => onChange({ highlightStyle })}
      />
      <fieldset class="density-choice">
        <legend>Which occurrences are highlighted</legend>
        {HIGHLIGHT_DENSITIES.map((density) => (
          <label key={density} class="mode">
            <input
              type="radio"
              name="highlightDensity"
              value={density}
              checked={preferences.highlightDensity === density}
              onChange={() => onChange({ highlightDensity: density })}
            />
            <span>
              <strong>
                {DENSITY_NAMES[density]}
                {density === DEFAULT_PREFERENCES.highlightDensity && ' (default)'}
              </strong>
              <span class="muted">{DENSITY_HINTS[density]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
