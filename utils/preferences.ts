import { HIGHLIGHT_MODES, type HighlightMode, type SiteRule } from './site-rules';

export interface HighlightPreferences {
  /** Where highlights appear when no site rule decides. */
  mode: HighlightMode;
  /** Dense pages get noisy: highlight each term once, where it first appears. */
  firstOccurrenceOnly: boolean;
  /** How long the pointer rests on a term before its card opens. */
  hoverDelayMs: number;
}

export const HOVER_DELAY_RANGE = { min: 0, max: 2000, step: 50 } as const;

export const DEFAULT_PREFERENCES: Readonly<HighlightPreferences> = {
  mode: 'mental-health-pages',
  firstOccurrenceOnly: false,
  hoverDelayMs: 300,
};

export function isHighlightMode(value: unknown): value is HighlightMode {
  return typeof value === 'string' && (HIGHLIGHT_MODES as readonly string[]).includes(value);
}

export function isHoverDelay(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= HOVER_DELAY_RANGE.min &&
    value <= HOVER_DELAY_RANGE.max
  );
}

/** Every preference that can be read from a stored value of unknown shape, defaults for the rest; never throws. */
export function readablePreferences(stored: unknown): HighlightPreferences {
  const candidate = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    mode: isHighlightMode(candidate.mode) ? candidate.mode : DEFAULT_PREFERENCES.mode,
    firstOccurrenceOnly:
      typeof candidate.firstOccurrenceOnly === 'boolean'
        ? candidate.firstOccurrenceOnly
        : DEFAULT_PREFERENCES.firstOccurrenceOnly,
    hoverDelayMs: isHoverDelay(candidate.hoverDelayMs) ? candidate.hoverDelayMs : DEFAULT_PREFERENCES.hoverDelayMs,
  };
}

/** Everything a user sets: the preferences and the site rules. */
export interface Settings extends HighlightPreferences {
  rules: SiteRule[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { ...DEFAULT_PREFERENCES, rules: [] };

export function preferencesOf(settings: Settings): HighlightPreferences {
  const { mode, firstOccurrenceOnly, hoverDelayMs } = settings;
  return { mode, firstOccurrenceOnly, hoverDelayMs };
}
