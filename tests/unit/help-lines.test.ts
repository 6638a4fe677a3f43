import { describe, expect, it } from 'vitest';
import { parseHelpLineData } from '@/content/help-line-schema';
import { helpLineData } from '@/content/help-lines';
import rawHelpLines from '@/content/help-lines.json';
import {
  chooseHelp,
  contactLinks,
  ELSEWHERE,
  RECHECK_AFTER_DAYS,
  regionOfLanguage,
  staleHelpEntries,
} from '@/utils/help-line-choice';

const today = new Date().toISOString().slice(0, 10);
const entries = [helpLineData.directory, ...helpLineData.lines];

describe('the help-line file', () => {
  it.each(entries.map((entry) => [entry.service, entry] as const))(
    '%s: names the official pages it was checked against and the day, not in the future',
    (_service, entry) => {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources) expect(source).toMatch(/^https:\/\//u);
      expect(entry.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(entry.checked <= today, `${entry.checked} is after ${today}`).toBe(true);
    },
  );

  it('has at most one line per country, and none for "somewhere else"', () => {
    const countries = helpLineData.lines.map((line) => line.country);
    expect(new Set(countries).size).toBe(countries.length);
    expect(countries).not.toContain(ELSEWHERE);
  });

  it(`warns, without failing, about entries checked more than ${RECHECK_AFTER_DAYS} days ago`, () => {
    for (const stale of staleHelpEntries(helpLineData, today)) {
      console.warn(
        `Help line to check again: ${stale.name} was last checked on ${stale.checked}, ${stale.daysAgo} days ago (content/help-lines.json).`,
      );
    }
  });
});

describe('parseHelpLineData', () => {
  const GONE = Symbol('removed');
  /** The real file with the value at `path` replaced (or removed, for GONE). */
  const fileWith = (path: (string | number)[], value: unknown) => {
    const file = structuredClone(rawHelpLines) as unknown as Record<string | number, unknown>;
    const key = path.at(-1) as string | number;
    const parent = path
      .slice(0, -1)
      .reduce((node, step) => (node as Record<string | number, unknown>)[step], file as unknown);
    const target = parent as Record<string | number, unknown>;
    if (value === GONE) delete target[key];
    else target[key] = value;
    return file;
  };

  it.each([
    ['an entry without sources', ['lines', 0, 'sources'], GONE, /lines\.0\.sources: is missing/u],
    ['an entry with no source', ['lines', 1, 'sources'], [], /lines\.1\.sources: sources must name at least one/u],
    ['an entry without its date', ['lines', 1, 'checked'], GONE, /lines\.1\.checked: is missing/u],
    [
      'a date that is no date',
      ['lines', 0, 'checked'],
      '5 Dec 2026',
      /lines\.0\.checked: checked must be a date written YYYY-MM-DD/u,
    ],
    [
      'a day that does not exist',
      ['lines', 0, 'checked'],
      '2026-02-31',
      /lines\.0\.checked: checked must be a real date/u,
    ],
    ['the directory without its date', ['directory', 'checked'], GONE, /directory\.checked: is missing/u],
    [
      'a plain-http source',
      ['lines', 0, 'sources'],
      ['http://example.org/'],
      /lines\.0\.sources\.0: source must start with https/u,
    ],
    ['a country written out', ['lines', 0, 'country'], 'USA', /lines\.0\.country: country must be a two-letter code/u],
    ['a line for "somewhere else"', ['lines', 0, 'country'], 'ZZ', /lines\.0\.country: country ZZ means/u],
    [
      'two lines for one country',
      ['lines', 1, 'country'],
      'US',
      /lines: lines must have at most one entry per country/u,
    ],
    [
      'a number with letters',
      ['lines', 1, 'contacts'],
      [{ method: 'call', number: '0800-HELP' }],
      /lines\.1\.contacts\.0\.number: number must be digits/u,
    ],
    [
      'an unknown way to reach it',
      ['lines', 1, 'contacts'],
      [{ method: 'fax', number: '1' }],
      /lines\.1\.contacts\.0\.method: method must be "call", "text" or "chat"/u,
    ],
    ['no way to reach it', ['lines', 1, 'contacts'], [], /lines\.1\.contacts: contacts must say how/u],
    ['a field the schema does not know', ['lines', 0, 'hours'], '24/7', /lines\.0\.hours/u],
  ] as const)('refuses %s, naming the file and where', (_what, path, value, message) => {
    const file = fileWith([...path], value);
    expect(() => parseHelpLineData(file, 'content/help-lines.json')).toThrow(
      /^content\/help-lines\.json is not a valid help-line file:/u,
    );
    expect(() => parseHelpLineData(file, 'content/help-lines.json')).toThrow(message);
  });

  it('takes the real file as it is', () => {
    expect(parseHelpLineData(structuredClone(rawHelpLines), 'content/help-lines.json')).toEqual(helpLineData);
  });
});

describe('regionOfLanguage', () => {
  it.each([
    ['en-US', 'US'],
    ['en-GB', 'GB'],
    ['en_GB', 'GB'],
    ['en-au', 'AU'],
    ['zh-Hant-TW', 'TW'],
    ['xx-ZZ', 'ZZ'],
    ['fr', null],
    ['es-419', null],
    ['', null],
    ['not a language', null],
  ])('%j → %j', (tag, region) => {
    expect(regionOfLanguage(tag)).toBe(region);
  });
});

describe('chooseHelp', () => {
  const serviceFor = (helpCountry: string, uiLanguage: string) =>
    chooseHelp(helpLineData, helpCountry, uiLanguage).line?.service ?? null;

  it.each([
    ['auto', 'en-US', '988 Suicide & Crisis Lifeline'],
    ['auto', 'en-GB', 'Samaritans'],
    ['auto', 'en-IE', 'Samaritans Ireland'],
    ['auto', 'en-AU', 'Lifeline'],
    ['GB', 'en-US', 'Samaritans'],
    ['US', 'en-GB', '988 Suicide & Crisis Lifeline'],
    // No wrong country's number: the directory alone.
    ['auto', 'fr', null],
    ['auto', '', null],
    ['auto', 'xx-ZZ', null],
    ['auto', 'fr-FR', null],
    [ELSEWHERE, 'en-US', null],
    ['FR', 'en-GB', null],
  ])('country %s with a browser in %j: %j, and always the directory', (helpCountry, uiLanguage, service) => {
    expect(serviceFor(helpCountry, uiLanguage)).toBe(service);
    expect(chooseHelp(helpLineData, helpCountry, uiLanguage).directory).toBe(helpLineData.directory);
  });
});

describe('contactLinks', () => {
  const line = (country: string) => {
    const found = helpLineData.lines.find((candidate) => candidate.country === country);
    if (!found) throw new Error(country);
    return found;
  };

  it('dials numbers without their spaces, texts with sms: and chats on the service’s site', () => {
    expect(contactLinks(line('US'))).toEqual([
      { method: 'call', label: 'Call 988', href: 'tel:988' },
      { method: 'text', label: 'Text 988', href: 'sms:988' },
      { method: 'chat', label: 'Chat online', href: 'https://988lifeline.org/' },
    ]);
    expect(contactLinks(line('GB'))).toEqual([{ method: 'call', label: 'Call 116 123', href: 'tel:116123' }]);
    expect(contactLinks(line('AU'))).toEqual([{ method: 'call', label: 'Call 13 11 14', href: 'tel:131114' }]);
  });
});

describe('staleHelpEntries', () => {
  const checkedOn = (checked: string) => ({
    directory: { ...helpLineData.directory, checked },
    lines: helpLineData.lines.slice(0, 1).map((line) => ({ ...line, checked })),
  });

  it.each([
    ['2026-12-05', '2026-12-05', 0],
    ['2026-12-05', '2027-12-05', 0], // 365 days: due, not yet over
    ['2026-12-05', '2027-12-06', 2], // 366 days
    ['2024-02-29', '2026-12-05', 2],
  ])('checked %s, today %s: %i entries to check again', (checked, on, count) => {
    expect(staleHelpEntries(checkedOn(checked), on)).toHaveLength(count);
  });

  it('names each entry and says how long ago it was checked', () => {
    expect(staleHelpEntries(checkedOn('2025-01-01'), '2026-12-05')).toEqual([
      { name: 'Find A Helpline', checked: '2025-01-01', daysAgo: 703 },
      { name: '988 Suicide & Crisis Lifeline (US)', checked: '2025-01-01', daysAgo: 703 },
    ]);
  });
});
