import { HIGHLIGHT_MODES, type HighlightMode, type SiteRule } from './site-rules';

/** How many occurrences of a term are highlighted: all, the first in each section, or the first on the page. */
export type HighlightDensity = 'every' | 'first-in-section' | 'first-on-page';
/** How a highlight looks: a background (the first release's), an underline only, or a faint tint. */
export type HighlightStyle = 'background' | 'underline' | 'subtle';
/** What opens a term's card: resting the pointer on it, resting it there with a key held, or a click. */
export type CardTrigger = 'hover' | 'hover-with-key' | 'click';
/** The key held for `hover-with-key`. */
export type CardTriggerKey = 'Alt' | 'Shift';
export type CardTextSize = 'small' | 'normal' | 'large';

export const HIGHLIGHT_DENSITIES: readonly HighlightDensity[] = ['every', 'first-in-section', 'first-on-page'];
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['background', 'underline', 'subtle'];
export const CARD_TRIGGERS: readonly CardTrigger[] = ['hover', 'hover-with-key', 'click'];
export const CARD_TRIGGER_KEYS: readonly CardTriggerKey[] = ['Alt', 'Shift'];
export const CARD_TEXT_SIZES: readonly CardTextSize[] = ['small', 'normal', 'large'];

/** Everything a reader sets but the site rules. */
export interface HighlightPreferences {
  /** Where highlights appear when no site rule decides. */
  mode: HighlightMode;
  /** Dense pages get noisy: highlight fewer occurrences of each term. */
  highlightDensity: HighlightDensity;
  highlightStyle: HighlightStyle;
  /** How long the pointer rests on a term before its card opens. */
  hoverDelayMs: number;
  cardTrigger: CardTrigger;
  cardTriggerKey: CardTriggerKey;
  cardTextSize: CardTextSize;
  /** Glossary term ids the reader asked never to highlight, in the order hidden. */
  hiddenTerms: string[];
  /** Whether cards and the popup point to crisis help lines. */
  helpLines: boolean;
  /** Whose help lines: 'auto' (the browser's UI language region) or an ISO 3166-1 alpha-2 code. */
  helpCountry: string;
}

export const HOVER_DELAY_RANGE = { min: 0, max: 2000, step: 50 } as const;
/** Far more than the glossary has terms; keeps a damaged or hostile store from growing without end. */
export const MAX_HIDDEN_TERMS = 1000;

/**
 * The stored preferences' version. 1: { mode, firstOccurrenceOnly, hoverDelayMs }, the first
 * release's. 2: density, style, card trigger and text size, hidden terms, help lines.
 */
export const PREFERENCES_VERSION = 2;

export const DEFAULT_PREFERENCES: Readonly<HighlightPreferences> = {
  mode: 'mental-health-pages',
  // A long article stays readable, and a reader who starts at any heading finds its terms marked:
  // docs/decisions/040-highlight-density-per-section-by-default.md.
  highlightDensity: 'first-in-section',
  highlightStyle: 'background',
  hoverDelayMs: 300,
  cardTrigger: 'hover',
  cardTriggerKey: 'Alt',
  cardTextSize: 'normal',
  hiddenTerms: [],
  helpLines: true,
  helpCountry: 'auto',
};

export function isHoverDelay(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= HOVER_DELAY_RANGE.min &&
    value <= HOVER_DELAY_RANGE.max
  );
}

/** A glossary term id as the glossary writes them: lower case, digits and hyphens (no Unicode flag: ASCII only). */
export function isTermId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z\d-]{1,64}$/.test(value);
}

/** 'auto', or a region code such as 'US' or 'GB'. */
export function isHelpCountry(value: unknown): value is string {
  return value === 'auto' || (typeof value === 'string' && /^[A-Z]{2}$/.test(value));
}

/** The readable term ids of a stored list, each once, in order; never more than MAX_HIDDEN_TERMS. */
export function readableHiddenTerms(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return [...new Set(stored.filter(isTermId))].slice(0, MAX_HIDDEN_TERMS);
}

/**
 * Version 1 → 2: "highlight each term only where it first appears" becomes the density of that
 * name; every other field of the first release keeps its name.
 */
export function migratePreferencesV1(stored: unknown): Record<string, unknown> {
  const candidate = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
  if (candidate.highlightDensity === undefined && typeof candidate.firstOccurrenceOnly === 'boolean') {
    candidate.highlightDensity = candidate.firstOccurrenceOnly ? 'first-on-page' : 'every';
  }
  delete candidate.firstOccurrenceOnly;
  return candidate;
}

/** The values each choice may take. */
const CHOICES: { readonly [Key in keyof HighlightPreferences]?: readonly unknown[] } = {
  mode: HIGHLIGHT_MODES,
  highlightDensity: HIGHLIGHT_DENSITIES,
  highlightStyle: HIGHLIGHT_STYLES,
  cardTrigger: CARD_TRIGGERS,
  cardTriggerKey: CARD_TRIGGER_KEYS,
  cardTextSize: CARD_TEXT_SIZES,
};

/** Whether `value` may be stored as the preference `key`. */
function isPreference(key: keyof HighlightPreferences, value: unknown): boolean {
  const choices = CHOICES[key];
  if (choices) return choices.includes(value);
  if (key === 'hoverDelayMs') return isHoverDelay(value);
  if (key === 'helpCountry') return isHelpCountry(value);
  return typeof value === typeof DEFAULT_PREFERENCES[key];
}

/**
 * Every preference that can be read from a stored value of unknown shape, of either version,
 * defaults for the rest; never throws.
 */
export function readablePreferences(stored: unknown): HighlightPreferences {
  const candidate = migratePreferencesV1(stored);
  const preferences = { ...DEFAULT_PREFERENCES };
  for (const key of Object.keys(DEFAULT_PREFERENCES) as (keyof HighlightPreferences)[]) {
    if (isPreference(key, candidate[key])) Object.assign(preferences, { [key]: candidate[key] });
  }
  preferences.hiddenTerms = readableHiddenTerms(candidate.hiddenTerms);
  return preferences;
}

/** Everything a user sets: the preferences and the site rules. */
export interface Settings extends HighlightPreferences {
  rules: SiteRule[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { ...DEFAULT_PREFERENCES, rules: [] };

/** The preferences of `settings`, in the stored order, without the rules. */
export function preferencesOf(settings: Settings): HighlightPreferences {
  const { rules: _rules, ...preferences } = settings;
  return readablePreferences(preferences);
}

/** Whether two sets of preferences say the same. */
export function samePreferences(a: HighlightPreferences, b: HighlightPreferences): boolean {
  return JSON.stringify(readablePreferences(a)) === JSON.stringify(readablePreferences(b));
}

/** Whether a page shows only some occurrences of each term (the engine's "first occurrence" passes). */
export const highlightsFirstOnly = (preferences: HighlightPreferences): boolean =>
  preferences.highlightDensity !== 'every';
