import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedDays,
  countVisit,
  type DayTotals,
  dayStart,
  dayTotalsOf,
  emptyDay,
  localDay,
} from '@/utils/research-log-days';
import type { StoredVisit } from '@/utils/research-log-visits';

/** Local times (the tests run in any time zone). */
const at = (month: number, day: number, hour = 12) => new Date(2026, month - 1, day, hour).getTime();

let keys = 0;
const visit = (day: string, site: string, terms: Record<string, number>, change: Partial<StoredVisit> = {}) => ({
  key: `k${++keys}`,
  startedAt: dayStart(day) + 3_600_000,
  updatedAt: 0,
  day,
  site,
  highlighted: true,
  terms,
  total: Object.values(terms).reduce((a, b) => a + b, 0),
  ...change,
});

/** A day's totals as plain data, to compare. */
const plain = (totals: DayTotals) => ({
  ...totals,
  terms: Object.fromEntries([...totals.terms].sort()),
  sites: Object.fromEntries([...totals.sites].sort()),
});

describe('days', () => {
  it.each<[number, string]>([
    [at(12, 3, 0), '2026-12-03'],
    [at(12, 3, 23), '2026-12-03'],
    [at(1, 9, 12), '2026-01-09'],
    [new Date(987, 0, 2, 12).getTime(), '0987-01-02'],
  ])('localDay(%i) → %s, by the local clock', (time, day) => {
    expect(localDay(time)).toBe(day);
  });

  it.each<[string, number]>([
    ['2026-12-03', new Date(2026, 11, 3).getTime()],
    ['2026-01-31', new Date(2026, 0, 31).getTime()],
    ['', Number.NaN],
    ['NaN-NaN-NaN', Number.NaN],
    ['2026-1-3', Number.NaN],
  ])('dayStart(%j) → local midnight, or NaN', (day, expected) => {
    expect(dayStart(day)).toBe(expected);
  });

  it('a day and its midnight agree, every day of a year (daylight saving time included)', () => {
    for (
      let day = dayStart('2026-01-01');
      day < dayStart('2027-01-01');
      day = dayStart(localDay(day + 30 * 3_600_000))
    ) {
      expect(dayStart(localDay(day))).toBe(day);
      expect(localDay(day + 23 * 3_600_000 - 1)).toBe(localDay(day));
    }
  });
});

describe('countVisit', () => {
  it('adds a visit: visits, occurrences, rows (one per term), placed, per term and per site', () => {
    const totals = emptyDay('2026-12-03');
    countVisit(totals, visit('2026-12-03', 'a.org', { ssri: 3, ketamine: 1 }), 1);
    countVisit(totals, visit('2026-12-03', 'a.org', { ssri: 2 }, { path: '/x' }), 1);
    countVisit(totals, visit('2026-12-03', 'b.org', { anxiety: 4 }, { title: 'T' }), 1);
    expect(plain(totals)).toEqual({
      day: '2026-12-03',
      visits: 3,
      occurrences: 10,
      rows: 4,
      placed: 2,
      terms: {
        anxiety: { occurrences: 4, visits: 1 },
        ketamine: { occurrences: 1, visits: 1 },
        ssri: { occurrences: 5, visits: 2 },
      },
      sites: {
        'a.org': { visits: 2, occurrences: 6, rows: 3 },
        'b.org': { visits: 1, occurrences: 4, rows: 1 },
      },
    });
  });

  it('taking a visit away undoes adding it, leaving no empty entry', () => {
    const totals = emptyDay('2026-12-03');
    const kept = visit('2026-12-03', 'a.org', { ssri: 1 });
    const gone = visit('2026-12-03', 'b.org', { ssri: 2, anxiety: 1 }, { path: '/p' });
    countVisit(totals, kept, 1);
    countVisit(totals, gone, 1);
    countVisit(totals, gone, -1);
    expect(plain(totals)).toEqual(plain(dayTotalsOf([kept])[0] as DayTotals));
    countVisit(totals, kept, -1);
    expect(plain(totals)).toEqual(plain(emptyDay('2026-12-03')));
  });

  it('a site named like an object property is a site like any other', () => {
    const totals = dayTotalsOf([visit('2026-12-03', '__proto__', { ssri: 1 }), visit('2026-12-03', 'constructor', {})]);
    expect([...(totals[0]?.sites.keys() ?? [])].sort()).toEqual(['__proto__', 'constructor']);
  });

  it('a damaged record counts what it can and never throws', () => {
    const totals = emptyDay('2026-12-03');
    const damaged = visit('2026-12-03', 'a.org', { ssri: 'many' as unknown as number, anxiety: 2 });
    countVisit(totals, damaged, 1);
    countVisit(totals, { ...visit('2026-12-03', 'b.org', {}), terms: null as unknown as Record<string, number> }, 1);
    expect(totals).toMatchObject({ visits: 2, occurrences: 2, rows: 2 });
  });
});

describe('dayTotalsOf and changedDays', () => {
  const visits = [
    visit('2026-12-01', 'a.org', { ssri: 3 }),
    visit('2026-12-03', 'b.org', { ssri: 1, anxiety: 1 }),
    visit('2026-12-01', 'b.org', { ketamine: 2 }),
  ];

  it('one record per day, oldest day first', () => {
    expect(dayTotalsOf(visits).map(({ day, visits, occurrences }) => [day, visits, occurrences])).toEqual([
      ['2026-12-01', 2, 5],
      ['2026-12-03', 1, 2],
    ]);
  });

  it('a visit updated: its earlier version out, the new one in', () => {
    const [first] = visits as [StoredVisit];
    const updated = { ...first, terms: { ssri: 4, anxiety: 1 }, total: 5 };
    const { put, deleted } = changedDays(dayTotalsOf(visits), [first], [updated]);
    expect(deleted).toEqual([]);
    expect(put.map(plain)).toEqual(dayTotalsOf([updated, ...visits.slice(1)]).map(plain));
  });

  it('a day left without visits is deleted; a new day is made', () => {
    const [, second] = visits as [StoredVisit, StoredVisit];
    const later = visit('2026-12-05', 'c.org', { ssri: 1 });
    const { put, deleted } = changedDays(
      dayTotalsOf(visits).filter((totals) => totals.day === '2026-12-03'),
      [second],
      [later],
    );
    expect(deleted).toEqual(['2026-12-03']);
    expect(put.map(plain)).toEqual(dayTotalsOf([later]).map(plain));
  });

  it('whatever visits come and go, the totals are those of the visits left', () => {
    const arbitraryVisit = fc
      .record({
        day: fc.constantFrom('2026-12-01', '2026-12-02', '2026-12-03'),
        site: fc.constantFrom('a.org', 'b.org', 'c.org'),
        terms: fc.dictionary(fc.constantFrom('ssri', 'ketamine', 'anxiety'), fc.integer({ min: 1, max: 10_000 })),
        path: fc.option(fc.constant('/p'), { nil: undefined }),
      })
      .map(({ day, site, terms, path }) => visit(day, site, terms, path === undefined ? {} : { path }));
    fc.assert(
      fc.property(fc.array(arbitraryVisit, { maxLength: 30 }), fc.array(fc.boolean()), (all, goes) => {
        const gone = all.filter((_, index) => goes[index]);
        const left = all.filter((_, index) => !goes[index]);
        const { put } = changedDays(dayTotalsOf(all), gone, []);
        expect(put.map(plain)).toEqual(dayTotalsOf(left).map(plain));
      }),
    );
  });
});
