import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  MAX_HIDDEN_TERMS,
  migratePreferencesV1,
  readablePreferences,
  samePreferences,
} from '@/utils/preferences';

describe('migratePreferencesV1 (the first release → version 2)', () => {
  it.each([
    [{ firstOccurrenceOnly: true }, { highlightDensity: 'first-on-page' }],
    [{ firstOccurrenceOnly: false }, { highlightDensity: 'every' }],
    [
      { mode: 'everywhere', firstOccurrenceOnly: true, hoverDelayMs: 500, savedAt: 7 },
      { mode: 'everywhere', highlightDensity: 'first-on-page', hoverDelayMs: 500, savedAt: 7 },
    ],
    [{ highlightDensity: 'first-in-section', firstOccurrenceOnly: true }, { highlightDensity: 'first-in-section' }],
    [{ firstOccurrenceOnly: 'yes' }, {}],
    [null, {}],
    ['preferences', {}],
  ])('%j becomes %j', (stored, migrated) => {
    expect(migratePreferencesV1(stored)).toEqual(migrated);
  });
});

describe('readablePreferences', () => {
  it.each([
    ['nothing stored', undefined, {}],
    [
      'a first-release value',
      { mode: 'chosen-sites', firstOccurrenceOnly: true },
      { mode: 'chosen-sites', highlightDensity: 'first-on-page' },
    ],
    ['an unknown style', { highlightStyle: 'neon' }, {}],
    [
      'a card trigger',
      { cardTrigger: 'click', cardTriggerKey: 'Shift' },
      { cardTrigger: 'click', cardTriggerKey: 'Shift' },
    ],
    ['a trigger key that is not offered', { cardTriggerKey: 'Meta' }, {}],
    ['a text size', { cardTextSize: 'large' }, { cardTextSize: 'large' }],
    [
      'hidden terms, a bad one and a repeat',
      { hiddenTerms: ['ssri', 'Bad Id', 'ssri', 7, 'ketamine'] },
      { hiddenTerms: ['ssri', 'ketamine'] },
    ],
    ['hidden terms that are not a list', { hiddenTerms: 'ssri' }, {}],
    ['help lines off, in the UK', { helpLines: false, helpCountry: 'GB' }, { helpLines: false, helpCountry: 'GB' }],
    ['a country that is no region code', { helpCountry: 'United Kingdom' }, {}],
    ['a lower-case region code', { helpCountry: 'gb' }, {}],
  ])('%s', (_what, stored, expected) => {
    expect(readablePreferences(stored)).toEqual({ ...DEFAULT_PREFERENCES, ...expected });
  });

  it('keeps at most MAX_HIDDEN_TERMS hidden terms', () => {
    const many = Array.from({ length: MAX_HIDDEN_TERMS + 5 }, (_, index) => `term-${index}`);
    expect(readablePreferences({ hiddenTerms: many }).hiddenTerms).toHaveLength(MAX_HIDDEN_TERMS);
  });

  it('tells changed preferences from the same ones', () => {
    expect(samePreferences(DEFAULT_PREFERENCES, { ...DEFAULT_PREFERENCES, hiddenTerms: [] })).toBe(true);
    expect(samePreferences(DEFAULT_PREFERENCES, { ...DEFAULT_PREFERENCES, hiddenTerms: ['ssri'] })).toBe(false);
    expect(samePreferences(DEFAULT_PREFERENCES, { ...DEFAULT_PREFERENCES, helpCountry: 'US' })).toBe(false);
  });
});

describe('the default density (decision 040) and readers of the first release', () => {
  it('is the first occurrence in each section for a reader who never saved a preference', () => {
    expect(DEFAULT_PREFERENCES.highlightDensity).toBe('first-in-section');
    expect(readablePreferences(undefined).highlightDensity).toBe('first-in-section');
    // A first-release value without the field (none was ever written so, but a damaged one may be).
    expect(readablePreferences({ mode: 'everywhere' }).highlightDensity).toBe('first-in-section');
  });

  it('keeps what a first-release reader saved: every occurrence stays every occurrence', () => {
    expect(readablePreferences({ mode: 'everywhere', firstOccurrenceOnly: false }).highlightDensity).toBe('every');
    expect(readablePreferences({ firstOccurrenceOnly: true }).highlightDensity).toBe('first-on-page');
  });
});
