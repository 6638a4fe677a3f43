import { DEFAULT_PREFERENCES } from '@/utils/preferences';
import { MODE_HINTS, MODE_NAMES } from '@/utils/rule-text';
import { HIGHLIGHT_MODES, type HighlightMode } from '@/utils/site-rules';

export interface ModeChoiceProps {
  mode: HighlightMode;
  onChange: (mode: HighlightMode) => void;
  /** Says which mode is the default (the first-run page). */
  markDefault?: boolean;
}

/** Where terms are highlighted when no site rule decides: the options page and the first-run page. */
export function ModeChoice({ mode, onChange, markDefault = false }: ModeChoiceProps) {
  return (
    <fieldset class="modes">
      <legend class="visually-hidden">Where terms are highlighted</legend>
      {HIGHLIGHT_MODES.map((candidate) => (
        <label key={candidate} class="mode">
          <input
            type="radio"
            name="mode"
            value={candidate}
            checked={mode === candidate}
            onChange={() => onChange(candidate)}
          />
          <span>
            <strong>
              {MODE_NAMES[candidate]}
              {markDefault && candidate === DEFAULT_PREFERENCES.mode && ' (default)'}
            </strong>
            <span class="muted">{MODE_HINTS[candidate]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
