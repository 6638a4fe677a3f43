import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, type Settings } from '@/utils/preferences';
import { applySettingsFile, parseSettingsFile, serializeSettings } from '@/utils/settings-file';

const settings: Settings = {
  mode: 'everywhere',
  highlightDensity: 'first-in-section',
  highlightStyle: 'underline',
  hoverDelayMs: 450,
  cardTrigger: 'hover-with-key',
  cardTriggerKey: 'Shift',
  cardTextSize: 'large',
  hiddenTerms: ['glutamate', 'serotonin'],
  helpLines: false,
  helpCountry: 'GB',
  rules: [
    { scope: 'domain', pattern: 'example.org', enabled: false },
    { scope: 'path', pattern: 'example.org/health/', enabled: true },
  ],
};

const file = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: 'mental-health-explainer-settings', version: 3, rules: [], ...fields });

describe('serializeSettings and parseSettingsFile', () => {
  it('writes a stable, readable file', () => {
    expect(serializeSettings(settings)).toBe(`{
  "format": "mental-health-explainer-settings",
  "version": 3,
  "mode": "everywhere",
  "highlightDensity": "first-in-section",
  "highlightStyle": "underline",
  "hoverDelayMs": 450,
  "cardTrigger": "hover-with-key",
  "cardTriggerKey": "Shift",
  "cardTextSize": "large",
  "hiddenTerms": [
    "glutamate",
    "serotonin"
  ],
  "helpLines": false,
  "helpCountry": "GB",
  "rules": [
    {
      "scope": "domain",
      "pattern": "example.org",
      "enabled": false
    },
    {
      "scope": "path",
      "pattern": "example.org/health/",
      "enabled": true
    }
  ]
}
`);
  });

  it('reads back what it wrote, and writing that again gives the same bytes', () => {
    const text = serializeSettings(settings);
    const parsed = parseSettingsFile(text);
    expect(parsed).toEqual({ ok: true, file: settings });
    if (parsed.ok) expect(serializeSettings(applySettingsFile(settings, parsed.file, 'replace'))).toBe(text);
  });

  it('tidies patterns written by hand and drops duplicates', () => {
    const parsed = parseSettingsFile(
      file({
        rules: [
          { scope: 'host', pattern: 'https://WWW.Example.org/', enabled: true },
          { scope: 'host', pattern: 'www.example.org', enabled: false },
        ],
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      file: { rules: [{ scope: 'host', pattern: 'www.example.org', enabled: false }] },
    });
  });

  it.each([
    ['not JSON', '{"format": ', /not valid JSON/u],
    ['JSON of another kind', '[1, 2, 3]', /not a Mental Health Explainer settings file/u],
    ["another extension's settings", '{"theme": "dark"}', /not a Mental Health Explainer settings file/u],
    ['a newer version', file({ version: 4 }), /newer version of the extension/u],
    [
      'an older, unknown version',
      file({ version: 1 }),
      /^This settings file cannot be imported:\nversion: must be 2 or 3$/u,
    ],
    ['a rule list that is not a list', file({ rules: { a: 1 } }), /rules: must be a list of rules/u],
    [
      'no rules at all',
      JSON.stringify({ format: 'mental-health-explainer-settings', version: 2 }),
      /rules: is missing/u,
    ],
    [
      'an unknown mode',
      file({ mode: 'sometimes' }),
      /mode: must be one of "mental-health-pages", "everywhere", "chosen-sites"/u,
    ],
    ['a delay out of range', file({ hoverDelayMs: 99999 }), /hoverDelayMs: must be at most 2000/u],
    ['a fractional delay', file({ hoverDelayMs: 12.5 }), /hoverDelayMs: must be a whole number/u],
    [
      'a rule with a bad scope',
      file({ rules: [{ scope: 'planet', pattern: 'a.org', enabled: true }] }),
      /rules\[0\]\.scope: must be one of "domain", "host", "path"/u,
    ],
    [
      'a rule with a bad pattern',
      file({
        rules: [
          { scope: 'domain', pattern: 'a.org', enabled: true },
          { scope: 'domain', pattern: 'not a host', enabled: true },
        ],
      }),
      /rules\[1\]\.pattern: "not a host" is not a host name\./u,
    ],
    [
      'a rule whose state is not a boolean',
      file({ rules: [{ scope: 'domain', pattern: 'a.org', enabled: 'yes' }] }),
      /rules\[0\]\.enabled: must be true or false/u,
    ],
  ])('refuses %s with a clear message', (_what, text, message) => {
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('lists a few problems, then says how many more', () => {
    const rules = Array.from({ length: 9 }, () => ({ scope: 'domain', pattern: '', enabled: true }));
    const parsed = parseSettingsFile(file({ rules }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.split('\n')).toHaveLength(7);
      expect(parsed.error).toMatch(/…and 4 more problems\.$/u);
    }
  });
});

describe('files of the first release (version 2)', () => {
  const v2 = (fields: Record<string, unknown>) =>
    JSON.stringify({ format: 'mental-health-explainer-settings', version: 2, rules: [], ...fields });

  it.each([
    [{ firstOccurrenceOnly: true }, { highlightDensity: 'first-on-page' }],
    [{ firstOccurrenceOnly: false }, { highlightDensity: 'every' }],
    [
      { mode: 'everywhere', hoverDelayMs: 100 },
      { mode: 'everywhere', hoverDelayMs: 100 },
    ],
    [{}, {}],
  ])('reads %j as %j', (fields, preferences) => {
    expect(parseSettingsFile(v2(fields))).toEqual({ ok: true, file: { ...preferences, rules: [] } });
  });
});

describe('the preferences a version 3 file sets', () => {
  it.each([
    [{ highlightStyle: 'neon' }, /highlightStyle: must be one of "background", "underline", "subtle"/u],
    [{ cardTrigger: 'double-click' }, /cardTrigger: must be one of/u],
    [{ hiddenTerms: ['SSRI!'] }, /hiddenTerms\[0\]: is not a term id/u],
    [{ hiddenTerms: 'ssri' }, /hiddenTerms: must be a list of term ids/u],
    [{ helpCountry: 'gb' }, /helpCountry: must be "auto" or a two-letter region code/u],
    [{ helpLines: 'yes' }, /helpLines: must be true or false/u],
  ])('refuses %j', (fields, message) => {
    const parsed = parseSettingsFile(file(fields));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('keeps each hidden term once', () => {
    expect(parseSettingsFile(file({ hiddenTerms: ['ssri', 'ketamine', 'ssri'] }))).toEqual({
      ok: true,
      file: { hiddenTerms: ['ssri', 'ketamine'], rules: [] },
    });
  });
});

describe('applySettingsFile', () => {
  const current: Settings = {
    ...DEFAULT_PREFERENCES,
    mode: 'chosen-sites',
    hoverDelayMs: 300,
    rules: [
      { scope: 'domain', pattern: 'mine.org', enabled: true },
      { scope: 'domain', pattern: 'example.org', enabled: true },
    ],
  };

  it("merge: adds the file's rules, the file winning for the same rule; keeps mode and preferences", () => {
    expect(applySettingsFile(current, settings, 'merge')).toEqual({
      ...current,
      rules: [
        { scope: 'domain', pattern: 'mine.org', enabled: true },
        { scope: 'domain', pattern: 'example.org', enabled: false },
        { scope: 'path', pattern: 'example.org/health/', enabled: true },
      ],
    });
  });

  it("replace: everything becomes the file's, defaults for what it leaves out", () => {
    expect(applySettingsFile(current, settings, 'replace')).toEqual(settings);
    expect(applySettingsFile(current, { rules: [] }, 'replace')).toEqual({ ...DEFAULT_PREFERENCES, rules: [] });
  });
});
