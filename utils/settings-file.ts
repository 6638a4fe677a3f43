import * as v from 'valibot';
import {
  CARD_TEXT_SIZES,
  CARD_TRIGGER_KEYS,
  CARD_TRIGGERS,
  DEFAULT_PREFERENCES,
  HIGHLIGHT_DENSITIES,
  HIGHLIGHT_STYLES,
  type HighlightPreferences,
  HOVER_DELAY_RANGE,
  isHelpCountry,
  isTermId,
  MAX_HIDDEN_TERMS,
  migratePreferencesV1,
  preferencesOf,
  type Settings,
} from './preferences';
import { normalizeRulePattern } from './rule-patterns';
import { HIGHLIGHT_MODES, RULE_SCOPES, type SiteRule, uniqueRules } from './site-rules';

/*
 * Settings as a JSON file, to move them between browsers or share a list of rules. The file is
 * checked against a schema before anything is changed: a file that does not pass changes nothing
 * and says what is wrong where.
 */

export const SETTINGS_FILE_FORMAT = 'mental-health-explainer-settings';
/** 2: the first release's preferences (mode, firstOccurrenceOnly, hoverDelayMs) and rules; 3: every preference. */
export const SETTINGS_FILE_VERSION = 3;
const OLDEST_READABLE_VERSION = 2;
/** Far more than anyone keeps, low enough that a stray huge file is refused rather than stored. */
export const MAX_IMPORTED_RULES = 50_000;

export type ImportHow = 'merge' | 'replace';

const ruleSchema = v.pipe(
  v.object({
    scope: v.picklist(RULE_SCOPES, `must be one of ${RULE_SCOPES.map((scope) => `"${scope}"`).join(', ')}`),
    pattern: v.string('must be text'),
    enabled: v.boolean('must be true or false'),
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }): SiteRule => {
    const { scope, pattern, enabled } = dataset.value;
    const normalized = normalizeRulePattern(scope, pattern);
    if (!normalized.ok) {
      addIssue({ message: normalized.error, path: pathTo(dataset.value, 'pattern') });
      return NEVER;
    }
    return { scope, pattern: normalized.pattern, enabled };
  }),
);

/** Points an issue raised on a rule at its `pattern` field, so the message names the field. */
function pathTo(input: Record<string, unknown>, key: string) {
  return [{ type: 'object' as const, origin: 'value' as const, input, key, value: input[key] }] as [v.ObjectPathItem];
}

const choice = <T extends string>(values: readonly T[]) =>
  v.picklist(values, `must be one of ${values.map((value) => `"${value}"`).join(', ')}`);

const fileSchema = v.object({
  format: v.literal(SETTINGS_FILE_FORMAT),
  version: v.picklist(
    [OLDEST_READABLE_VERSION, SETTINGS_FILE_VERSION],
    `must be ${OLDEST_READABLE_VERSION} or ${SETTINGS_FILE_VERSION}`,
  ),
  mode: v.optional(choice(HIGHLIGHT_MODES)),
  highlightDensity: v.optional(choice(HIGHLIGHT_DENSITIES)),
  highlightStyle: v.optional(choice(HIGHLIGHT_STYLES)),
  hoverDelayMs: v.optional(
    v.pipe(
      v.number('must be a number of milliseconds'),
      v.integer('must be a whole number of milliseconds'),
      v.minValue(HOVER_DELAY_RANGE.min, `must be at least ${HOVER_DELAY_RANGE.min}`),
      v.maxValue(HOVER_DELAY_RANGE.max, `must be at most ${HOVER_DELAY_RANGE.max}`),
    ),
  ),
  cardTrigger: v.optional(choice(CARD_TRIGGERS)),
  cardTriggerKey: v.optional(choice(CARD_TRIGGER_KEYS)),
  cardTextSize: v.optional(choice(CARD_TEXT_SIZES)),
  hiddenTerms: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          v.string('must be text'),
          v.check((value: string) => isTermId(value), 'is not a term id'),
        ),
        'must be a list of term ids',
      ),
      v.maxLength(MAX_HIDDEN_TERMS, `holds more than ${MAX_HIDDEN_TERMS} terms`),
    ),
  ),
  helpLines: v.optional(v.boolean('must be true or false')),
  helpCountry: v.optional(
    v.pipe(
      v.string('must be text'),
      v.check((value: string) => isHelpCountry(value), 'must be "auto" or a two-letter region code'),
    ),
  ),
  rules: v.pipe(
    v.array(ruleSchema, 'must be a list of rules'),
    v.maxLength(MAX_IMPORTED_RULES, `holds more than ${MAX_IMPORTED_RULES.toLocaleString('en')} rules`),
  ),
});

/** The preferences a file can set, in the order a file is written. */
const PREFERENCE_KEYS = Object.keys(DEFAULT_PREFERENCES) as (keyof HighlightPreferences)[];

/** What a file holds: the rules, and whichever preferences it sets. */
export interface SettingsFile extends Partial<HighlightPreferences> {
  rules: SiteRule[];
}

export type ParsedSettingsFile = { ok: true; file: SettingsFile } | { ok: false; error: string };

const MAX_ISSUES_SHOWN = 5;

/** "rules[3].pattern" for an issue's path. */
function issueLocation(issue: v.BaseIssue<unknown>): string {
  let location = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    location += typeof key === 'number' ? `[${key}]` : `${location === '' ? '' : '.'}${String(key)}`;
  }
  return location;
}

/** Reads an imported file's text; never throws. */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not valid JSON (${(error as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    return {
      ok: false,
      error: `This is not a Mental Health Explainer settings file: it has no "format": "${SETTINGS_FILE_FORMAT}".`,
    };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > SETTINGS_FILE_VERSION) {
    return { ok: false, error: 'This file comes from a newer version of the extension. Update the extension first.' };
  }
  // A version 2 file's "first occurrence only" reads as the density of that name.
  const result = v.safeParse(fileSchema, version === OLDEST_READABLE_VERSION ? migratePreferencesV1(data) : data);
  if (!result.success) {
    const lines = result.issues
      .slice(0, MAX_ISSUES_SHOWN)
      .map((issue) => `${issueLocation(issue)}: ${issue.input === undefined ? 'is missing' : issue.message}`);
    const more = result.issues.length - lines.length;
    if (more > 0) lines.push(`…and ${more} more ${more === 1 ? 'problem' : 'problems'}.`);
    return { ok: false, error: `This settings file cannot be imported:\n${lines.join('\n')}` };
  }
  const { rules, ...fields } = result.output;
  const file: SettingsFile = { rules: uniqueRules(rules) };
  for (const key of PREFERENCE_KEYS) {
    if (fields[key] !== undefined) Object.assign(file, { [key]: fields[key] });
  }
  if (file.hiddenTerms) file.hiddenTerms = [...new Set(file.hiddenTerms)];
  return { ok: true, file };
}

/**
 * The settings as a file, always written the same way (same key order, two-space indent, final
 * newline), so exporting what was imported gives back the same bytes.
 */
export function serializeSettings(settings: Settings): string {
  const file = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    ...preferencesOf(settings),
    rules: settings.rules.map(({ scope, pattern, enabled }) => ({ scope, pattern, enabled })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Replace: the settings become the file's (defaults for what it leaves out). Merge: the file's rules
 * join the current ones, the file's winning where both have a rule for the same scope and pattern;
 * the current mode and preferences stay.
 */
export function applySettingsFile(current: Settings, file: SettingsFile, how: ImportHow): Settings {
  if (how === 'merge') return { ...current, rules: uniqueRules([...current.rules, ...file.rules]) };
  const { rules, ...preferences } = file;
  return { ...DEFAULT_PREFERENCES, hiddenTerms: [], ...preferences, rules: [...rules] };
}
