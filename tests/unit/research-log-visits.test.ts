import { describe, expect, it } from 'vitest';
import { localDay } from '@/utils/research-log-days';
import { DEFAULT_LOG_SETTINGS, type LogSettings } from '@/utils/research-log-settings';
import {
  cleanTermCounts,
  combineUpdates,
  MAX_TERM_COUNT,
  MAX_TERMS_PER_VISIT,
  mergeVisit,
  type RecordDecision,
  type ReportContext,
  readTermReport,
  recordDecision,
  type StoredVisit,
  type VisitUpdate,
  visitPlace,
} from '@/utils/research-log-visits';

describe('cleanTermCounts', () => {
  it.each<[string, unknown, Record<string, number>]>([
    ['counts as they are', { ssri: 3, ketamine: 1 }, { ssri: 3, ketamine: 1 }],
    ['zeros left out', { ssri: 0, ketamine: 2 }, { ketamine: 2 }],
    ['an absurd count capped', { ssri: 1e9 }, { ssri: MAX_TERM_COUNT }],
    ['infinity capped', { ssri: Number.POSITIVE_INFINITY }, { ssri: MAX_TERM_COUNT }],
    ['fractions floored', { ssri: 2.9 }, { ssri: 2 }],
    ['negative and NaN dropped', { ssri: -4, ketamine: Number.NaN, serotonin: 1 }, { serotonin: 1 }],
    ['strings dropped', { ssri: '3' }, {}],
    ['ids not of the glossary shape dropped', { 'Bad Id': 1, '': 1, '<script>': 2, 'a-b-c': 1 }, { 'a-b-c': 1 }],
    ['not an object', 5, {}],
    ['null', null, {}],
    ['an array', [1, 2], {}],
  ])('%s', (_name, raw, expected) => expect(cleanTermCounts(raw)).toEqual(expected));

  it(`keeps at most ${MAX_TERMS_PER_VISIT} terms`, () => {
    const raw = Object.fromEntries(Array.from({ length: MAX_TERMS_PER_VISIT + 50 }, (_, i) => [`t${i}`, 1]));
    expect(Object.keys(cleanTermCounts(raw))).toHaveLength(MAX_TERMS_PER_VISIT);
  });
});

describe('readTermReport', () => {
  it.each<[unknown, ReturnType<typeof readTermReport>]>([
    [
      { since: 1000.5, terms: { ssri: 2 } },
      { since: 1000.5, terms: { ssri: 2 } },
    ],
    [
      { since: 1000, terms: { ssri: 1e7 } },
      { since: 1000, terms: { ssri: MAX_TERM_COUNT } },
    ],
    [{ since: 1000 }, { since: 1000, terms: {} }],
    [{ since: 0, terms: {} }, null],
    [{ since: Number.NaN, terms: {} }, null],
    [{ terms: { ssri: 1 } }, null],
    [7, null],
    [null, null],
  ])('%j', (raw, expected) => expect(readTermReport(raw)).toEqual(expected));
});

describe('visitPlace', () => {
  const url = 'https://user:secret@News.Example.org:8443/health/ketamine?q=my+search#part-2';
  it.each([
    ['site' as const, { site: 'news.example.org' }],
    ['site-path' as const, { site: 'news.example.org', path: '/health/ketamine' }],
    [
      'full' as const,
      {
        site: 'news.example.org',
        path: '/health/ketamine',
        url: 'https://news.example.org:8443/health/ketamine?q=my+search',
      },
    ],
  ])('%s', (detail, expected) => expect(visitPlace(url, detail)).toEqual(expected));

  it.each(['about:blank', 'chrome://settings', 'data:text/html,hi', 'file:///home/a.html', 'not a url', ''])(
    '%s is not a web page',
    (pageUrl) => expect(visitPlace(pageUrl, 'full')).toBeNull(),
  );
});

describe('recordDecision', () => {
  const on: LogSettings = { ...DEFAULT_LOG_SETTINGS, enabled: true, enabledAt: 1000, neverLog: ['private.org'] };
  const context: ReportContext = { host: 'news.org', since: 2000, terms: { ssri: 1 }, highlighted: true, erasedAt: 0 };
  it.each<[string, LogSettings, Partial<ReportContext>, RecordDecision]>([
    ['on: recorded', on, {}, { record: true }],
    ['off', { ...on, enabled: false }, {}, { record: false, reason: 'log-off' }],
    ['page loaded before the log was turned on', on, { since: 999 }, { record: false, reason: 'loaded-before-log-on' }],
    ['page loaded the moment it was turned on', on, { since: 1000 }, { record: true }],
    ['a never-log site', on, { host: 'private.org' }, { record: false, reason: 'never-log' }],
    ['a subdomain of a never-log site', on, { host: 'www.private.org' }, { record: false, reason: 'never-log' }],
    ['a page loaded before its entries were deleted', on, { erasedAt: 2000 }, { record: false, reason: 'erased' }],
    ['a page loaded after they were deleted', on, { erasedAt: 1999 }, { record: true }],
    ['no highlights, not asked for', on, { highlighted: false }, { record: false, reason: 'unhighlighted' }],
    ['no highlights, asked for', { ...on, includeUnhighlighted: true }, { highlighted: false }, { record: true }],
    ['no terms at all', on, { terms: {} }, { record: false, reason: 'no-terms' }],
    ['zero counts', on, { terms: { ssri: 0 } }, { record: false, reason: 'no-terms' }],
  ])('%s', (_name, settings, change, expected) => {
    expect(recordDecision(settings, { ...context, ...change })).toEqual(expected);
  });
});

describe('mergeVisit and combineUpdates', () => {
  const update = (change: Partial<VisitUpdate> = {}): VisitUpdate => ({
    key: '7:1000',
    since: 1000.25,
    at: 2000,
    site: 'news.org',
    highlighted: true,
    terms: { ssri: 2 },
    ...change,
  });

  it('a first report makes a visit, its start rounded to the millisecond', () => {
    expect(mergeVisit(undefined, update())).toEqual({
      key: '7:1000',
      startedAt: 1000,
      day: localDay(1000),
      updatedAt: 2000,
      site: 'news.org',
      highlighted: true,
      terms: { ssri: 2 },
      total: 2,
    });
  });

  it.each<[string, Record<string, number>, Record<string, number>, Record<string, number>, number]>([
    ['more of a term: the most seen', { ssri: 2 }, { ssri: 5 }, { ssri: 5 }, 5],
    ['fewer (the page lost some): the most seen', { ssri: 5 }, { ssri: 1 }, { ssri: 5 }, 5],
    ['another term: both', { ssri: 2 }, { ketamine: 3 }, { ssri: 2, ketamine: 3 }, 5],
    [
      'capped stays capped',
      { ssri: MAX_TERM_COUNT },
      { ssri: MAX_TERM_COUNT + 5 },
      { ssri: MAX_TERM_COUNT },
      MAX_TERM_COUNT,
    ],
  ])('re-report, %s', (_name, first, second, terms, total) => {
    const visit = mergeVisit(mergeVisit(undefined, update({ terms: first })), update({ terms: second, at: 3000 }));
    expect(visit).toMatchObject({ terms, total, startedAt: 1000, updatedAt: 3000 });
    // The total is always the sum of what is kept.
    expect(Object.values(visit.terms).reduce((a, b) => a + b, 0)).toBe(visit.total);
  });

  it('keeps the database id, takes the latest place, keeps a title only with a full address', () => {
    const stored: StoredVisit = {
      ...mergeVisit(undefined, update({ path: '/a', url: 'https://news.org/a', title: 'A' })),
      id: 42,
    };
    expect(mergeVisit(stored, update({ path: '/a', url: 'https://news.org/a?x' }))).toMatchObject({
      id: 42,
      url: 'https://news.org/a?x',
      title: 'A',
    });
    // The reader has since asked for less: the visit keeps less.
    const less = mergeVisit(stored, update());
    expect(less.path).toBeUndefined();
    expect(less.url).toBeUndefined();
    expect(less.title).toBeUndefined();
  });

  it('a visit keeps the day it was first saved in, even when the clock says another day now', () => {
    const first = { ...mergeVisit(undefined, update()), day: '2026-12-03' };
    expect(mergeVisit(first, update({ at: 9000, terms: { ssri: 9 } })).day).toBe('2026-12-03');
  });

  it('cuts a long title', () => {
    const visit = mergeVisit(undefined, update({ url: 'https://news.org/', title: 'x'.repeat(1000) }));
    expect(visit.title).toHaveLength(300);
  });

  it('a visit once highlighted stays so', () => {
    const visit = mergeVisit(mergeVisit(undefined, update({ highlighted: true })), update({ highlighted: false }));
    expect(visit.highlighted).toBe(true);
  });

  it('combines pending reports: the most of each term, the later place, any title', () => {
    expect(
      combineUpdates(
        update({ terms: { ssri: 4, serotonin: 1 }, title: 'T', highlighted: false }),
        update({ terms: { ssri: 1, ketamine: 2 }, at: 5000, path: '/b', highlighted: true }),
      ),
    ).toEqual(
      update({ terms: { ssri: 4, serotonin: 1, ketamine: 2 }, at: 5000, path: '/b', title: 'T', highlighted: true }),
    );
    expect(combineUpdates(undefined, update())).toEqual(update());
  });
});
