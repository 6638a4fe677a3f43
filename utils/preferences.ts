export interface HighlightPreferences {
  /** Dense pages get noisy: highlight each term once, where it first appears. */
  firstOccurrenceOnly: boolean;
}

export const DEFAULT_PREFERENCES: Readonly<HighlightPreferences> = { firstOccurrenceOnly: false };

/** Every preference that can be read from a stored value of unknown shape, defaults for the rest; never throws. */
export function readablePreferences(stored: unknown): HighlightPreferences {
  const candidate = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    firstOccurrenceOnly:
      typeof candidate.firstOccurrenceOnly === 'boolean'
        ? candidate.firstOccurrenceOnly
        : DEFAULT_PREFERENCES.firstOccurrenceOnly,
  };
}
