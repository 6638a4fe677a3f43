import { describe, expect, it } from 'vitest';
import { dayTotalsOf, localDay } from '@/utils/research-log-days';
import {
  bucketSizeFor,
  bucketStart,
  inTimeOrder,
  type LogPeriod,
  pageWithin,
  periodFirstDay,
  periodStart,
  summarizeDays,
  visitRows,
} from '@/utils/research-log-summary';
import type { StoredVisit, VisitRecord } from '@/utils/research-log-visits';

const DAY = 24 * 60 * 60 * 1000;
/** Local times, as the dashboard shows them (the tests run in any time zone). */
const at = (month: number, day: number, hour = 12) => new Date(2026, month - 1, day, hour).getTime();
const visit = (
  startedAt: number,
  site: string,
  terms: Record<string, number>,
  change: Partial<StoredVisit> = {},
): StoredVisit => ({
  key: `${site}${startedAt}`,
  startedAt,
  day: localDay(startedAt),
  updatedAt: startedAt,
  site,
  highlighted: true,
  terms,
  total: Object.values(terms).reduce((a, b) => a + b, 0),
  ...change,
});

describe('periodStart', () => {
  const now = at(12, 3, 15);
  it.each<[LogPeriod, number]>([
    [7, new Date(2026, 10, 27).getTime()],
    [30, new Date(2026, 10, 4).getTime()],
    [90, new Date(2026, 8, 5).getTime()],
    [365, new Date(2025, 11, 4).getTime()],
    ['all', 0],
  ])('%s → local midnight that many days back, today included', (period, expected) => {
    expect(periodStart(now, period)).toBe(expected);
  });

  it.each<[LogPeriod, string]>([
    [7, '2026-11-27'],
    [30, '2026-11-04'],
    [365, '2025-12-04'],
    ['all', ''],
  ])('%s → its first day, as visits and day totals name it', (period, expected) => {
    expect(periodFirstDay(now, period)).toBe(expected);
  });
});

describe('buckets', () => {
  it.each<[number, ReturnType<typeof bucketSizeFor>]>([
    [1, 'day'],
    [92, 'day'],
    [93, 'week'],
    [731, 'week'],
    [800, 'month'],
  ])('%i days → %s', (days, size) => expect(bucketSizeFor(0, days * DAY)).toBe(size));

  it.each<[number, ReturnType<typeof bucketSizeFor>, number]>([
    [at(12, 3, 15), 'day', new Date(2026, 11, 3).getTime()],
    [at(12, 3, 15), 'week', new Date(2026, 10, 30).getTime()], // Thursday → Monday
    [at(11, 30, 1), 'week', new Date(2026, 10, 30).getTime()], // a Monday stays
    [at(12, 6, 23), 'week', new Date(2026, 10, 30).getTime()], // Sunday → the Monday before
    [at(12, 3, 15), 'month', new Date(2026, 11, 1).getTime()],
  ])('bucketStart(%i, %s)', (time, size, expected) => expect(bucketStart(time, size)).toBe(expected));
});

/** The summary of visits, through their day totals as the database keeps them. */
const summarize = (visits: StoredVisit[], options: Parameters<typeof summarizeDays>[1]) =>
  summarizeDays(dayTotalsOf(visits), options);

describe('summarizeDays', () => {
  const visits = [
    visit(at(12, 1), 'a.org', { ssri: 3, ketamine: 1 }),
    visit(at(12, 1, 18), 'b.org', { ssri: 1 }),
    visit(at(12, 3), 'a.org', { anxiety: 2, ssri: 1 }),
  ];

  it('totals, terms and sites, most first, ties by name', () => {
    const summary = summarize(visits, { from: at(11, 28, 0), now: at(12, 3, 20) });
    expect(summary.visitCount).toBe(3);
    expect(summary.occurrences).toBe(8);
    expect(summary.rows).toBe(5);
    expect(summary.placed).toBe(0);
    expect(summary.terms).toEqual([
      { name: 'ssri', occurrences: 5, visits: 3 },
      { name: 'anxiety', occurrences: 2, visits: 1 },
      { name: 'ketamine', occurrences: 1, visits: 1 },
    ]);
    expect(summary.sites).toEqual([
      { name: 'a.org', occurrences: 7, visits: 2, rows: 4 },
      { name: 'b.org', occurrences: 1, visits: 1, rows: 1 },
    ]);
  });

  it('counts the visits kept with a path or a title', () => {
    const placed = [...visits, visit(at(12, 2), 'c.org', { ssri: 1 }, { path: '/x' })];
    expect(summarize(placed, { from: 0, now: at(12, 3, 20) }).placed).toBe(1);
  });

  it('only the days it is given: the period is chosen by reading its days', () => {
    const days = dayTotalsOf(visits).filter((totals) => totals.day >= localDay(at(12, 2)));
    expect(summarizeDays(days, { from: at(12, 2, 0), now: at(12, 3, 20) })).toMatchObject({
      visitCount: 1,
      occurrences: 3,
      sites: [{ name: 'a.org', occurrences: 3, visits: 1, rows: 2 }],
    });
  });

  it('a day-by-day timeline from the start of the period to today, zeros where nothing was read', () => {
    const { timeline } = summarize(visits, { from: new Date(2026, 10, 28).getTime(), now: at(12, 3, 20) });
    expect(timeline.size).toBe('day');
    expect(timeline.starts.map((start) => new Date(start).getDate())).toEqual([28, 29, 30, 1, 2, 3]);
    expect(timeline.series).toEqual([
      { term: 'ssri', counts: [0, 0, 0, 4, 0, 1] },
      { term: 'anxiety', counts: [0, 0, 0, 0, 0, 2] },
      { term: 'ketamine', counts: [0, 0, 0, 1, 0, 0] },
    ]);
  });

  it('charts only the most frequent terms, and the sum of each series is its total', () => {
    const { timeline, terms } = summarize(visits, { from: at(11, 28, 0), now: at(12, 3, 20), chartedTerms: 1 });
    expect(timeline.series.map((line) => line.term)).toEqual(['ssri']);
    expect(timeline.series[0]?.counts.reduce((a, b) => a + b, 0)).toBe(terms[0]?.occurrences);
  });

  it('"all" starts on the day of the first visit; a long period is counted by week', () => {
    const old = [visit(at(1, 5), 'a.org', { ssri: 1 }), ...visits];
    const { timeline } = summarize(old, { from: 0, now: at(12, 3, 20) });
    expect(timeline.size).toBe('week');
    expect(timeline.starts[0]).toBe(bucketStart(at(1, 5), 'week'));
    expect(timeline.series[0]?.counts.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('nothing logged: zeros and empty lists, never an error', () => {
    const summary = summarize([], { from: 0, now: at(12, 3) });
    expect(summary).toMatchObject({ visitCount: 0, occurrences: 0, terms: [], sites: [] });
    expect(summary.timeline.series).toEqual([]);
    expect(summary.timeline.starts).toHaveLength(1);
  });
});

describe('table queries', () => {
  it.each<[string, string, 'time' | 'site' | 'total', boolean, boolean]>([
    ['newest first', '', 'time', true, true],
    ['oldest first', '', 'time', false, true],
    ['newest first, a blank filter', '  ', 'time', true, true],
    ['filtered', 'ssri', 'time', true, false],
    ['by site', '', 'site', false, false],
    ['by occurrences', '', 'total', true, false],
  ])('%s: through the time index → %s', (_name, filter, column, descending, expected) => {
    expect(inTimeOrder({ filter, order: { column, descending } })).toBe(expected);
  });

  it.each<[number, number, number, number]>([
    [0, 0, 50, 0],
    [0, 120, 50, 0],
    [2, 120, 50, 2],
    [3, 120, 50, 2],
    [99, 100, 50, 1],
    [-1, 100, 50, 0],
  ])('page %i of %i rows, %i a page → page %i', (page, count, size, expected) => {
    expect(pageWithin(page, count, size)).toBe(expected);
  });
});

describe('visitRows', () => {
  const rows = [
    visit(at(12, 1), 'b.org', { ssri: 3 }, { path: '/Depression-Guide' }),
    visit(at(12, 2), 'a.org', { ketamine: 1 }, { title: 'Clinic news' }),
    visit(at(12, 3), 'c.org', { anxiety: 3 }),
  ];
  const names: Record<string, string> = { ssri: 'SSRI', ketamine: 'Ketamine', anxiety: 'Anxiety' };
  const sites = (list: VisitRecord[]) => list.map((row) => row.site);

  it.each<[string, string, 'time' | 'site' | 'total', boolean, string[]]>([
    ['newest first', '', 'time', true, ['c.org', 'a.org', 'b.org']],
    ['oldest first', '', 'time', false, ['b.org', 'a.org', 'c.org']],
    ['by site', '', 'site', false, ['a.org', 'b.org', 'c.org']],
    ['by site, reversed', '', 'site', true, ['c.org', 'b.org', 'a.org']],
    ['most terms first, ties newest first', '', 'total', true, ['c.org', 'b.org', 'a.org']],
    ['fewest terms first', '', 'total', false, ['a.org', 'c.org', 'b.org']],
    ['filtered by site', 'A.ORG', 'time', true, ['a.org']],
    ['filtered by path, any case', 'depression', 'time', true, ['b.org']],
    ['filtered by title', 'clinic', 'time', true, ['a.org']],
    ['filtered by term name', 'ketam', 'time', true, ['a.org']],
    ['filtered by term id', 'anx', 'time', true, ['c.org']],
    ['nothing matches', 'zzz', 'time', true, []],
  ])('%s', (_name, filter, column, descending, expected) => {
    expect(sites(visitRows(rows, filter, { column, descending }, (id) => names[id] ?? id))).toEqual(expected);
  });

  it('leaves the visits it was given as they were', () => {
    const copy = [...rows];
    visitRows(rows, '', { column: 'site', descending: false });
    expect(rows).toEqual(copy);
  });
});
