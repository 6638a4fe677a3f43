import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  countVisitsSince,
  daysSince,
  eraseVisits,
  firstVisitsSince,
  isQuotaError,
  pruneVisits,
  RESEARCH_LOG_SCHEMA,
  ResearchLogDatabase,
  researchLogExists,
  type SchemaStep,
  saveVisits,
  visitsInTimeOrder,
  visitsSince,
} from '@/extension/research-log-db';
import { indexedDbWorks, PROBE_DB_NAME } from '@/extension/research-log-probe';
import { type DayTotals, dayTotalsOf, localDay } from '@/utils/research-log-days';
import type { VisitRecord, VisitUpdate } from '@/utils/research-log-visits';

let names = 0;
const opened: ResearchLogDatabase[] = [];
function freshDatabase(schema?: readonly SchemaStep[], name = `test-log-${++names}`) {
  const db = new ResearchLogDatabase(name, schema);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** Local times (the tests run in any time zone). */
const at = (month: number, day: number, hour = 12) => new Date(2026, month - 1, day, hour).getTime();

const update = (key: string, since: number, site: string, terms: Record<string, number>): VisitUpdate => ({
  key,
  since,
  at: since + 1,
  site,
  highlighted: true,
  terms,
});

/** A day's totals as plain data, to compare. */
const plain = (totals: DayTotals) => ({
  ...totals,
  terms: Object.fromEntries([...totals.terms].sort()),
  sites: Object.fromEntries([...totals.sites].sort()),
});

/** The day totals kept are exactly those of the visits kept. */
async function expectConsistent(db: ResearchLogDatabase) {
  const days = await db.days.toArray();
  expect(days.map(plain)).toEqual(dayTotalsOf(await db.visits.toArray()).map(plain));
}

/** A visit as schema 1 kept it: no day. */
const schema1Visit = (key: string, startedAt: number, site: string, terms: Record<string, number>) => ({
  key,
  startedAt,
  updatedAt: startedAt,
  site,
  highlighted: true,
  terms,
  total: Object.values(terms).reduce((a, b) => a + b, 0),
});

describe('the research log database', () => {
  it('is at schema version 2: visits with their day, and the totals of each day', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(2);
    expect(RESEARCH_LOG_SCHEMA.map((step) => step.version)).toEqual([1, 2]);
    const visits = db.visits.schema;
    expect(visits.primKey.name).toBe('id');
    expect(visits.indexes.map((index) => index.name).sort()).toEqual(['[day+startedAt]', 'key', 'site']);
    expect(visits.idxByName.key?.unique).toBe(true);
    expect(db.days.schema.primKey.name).toBe('day');
  });

  it('merges a batch with the visits it continues, in one transaction, with the totals of their days', async () => {
    const db = freshDatabase();
    await saveVisits(db, [
      update('1:100', at(12, 1), 'a.org', { ssri: 2 }),
      update('2:200', at(12, 2), 'b.org', { ketamine: 1 }),
    ]);
    await saveVisits(db, [update('1:100', at(12, 1), 'a.org', { ssri: 1, anxiety: 4 })]);
    const visits = await visitsSince(db, '');
    expect(visits.map(({ key, site, day, terms, total }) => ({ key, site, day, terms, total }))).toEqual([
      { key: '1:100', site: 'a.org', day: '2026-12-01', terms: { ssri: 2, anxiety: 4 }, total: 6 },
      { key: '2:200', site: 'b.org', day: '2026-12-02', terms: { ketamine: 1 }, total: 1 },
    ]);
    expect(await db.visits.count()).toBe(2);
    expect((await daysSince(db, '')).map(plain)).toEqual([
      {
        day: '2026-12-01',
        visits: 1,
        occurrences: 6,
        rows: 2,
        placed: 0,
        terms: { anxiety: { occurrences: 4, visits: 1 }, ssri: { occurrences: 2, visits: 1 } },
        sites: { 'a.org': { visits: 1, occurrences: 6, rows: 2 } },
      },
      {
        day: '2026-12-02',
        visits: 1,
        occurrences: 1,
        rows: 1,
        placed: 0,
        terms: { ketamine: { occurrences: 1, visits: 1 } },
        sites: { 'b.org': { visits: 1, occurrences: 1, rows: 1 } },
      },
    ]);
  });

  it('deletes one site, or everything, with their share of the totals', async () => {
    const db = freshDatabase();
    await saveVisits(db, [
      update('1:100', at(12, 1), 'a.org', { ssri: 1 }),
      update('2:200', at(12, 1, 13), 'b.org', { ssri: 1 }),
      update('3:300', at(12, 2), 'a.org', { ssri: 1 }),
    ]);
    await eraseVisits(db, 'a.org');
    expect((await visitsSince(db, '')).map((visit) => visit.key)).toEqual(['2:200']);
    expect((await db.days.toArray()).map((totals) => totals.day)).toEqual(['2026-12-01']);
    await expectConsistent(db);
    await eraseVisits(db, null);
    expect(await db.visits.count()).toBe(0);
    expect(await db.days.count()).toBe(0);
  });

  it('prunes what started before a cut-off: earlier days whole, the cut-off’s day in part', async () => {
    const db = freshDatabase();
    await saveVisits(db, [
      update('1:1', at(11, 20), 'a.org', { ssri: 1 }),
      update('2:2', at(12, 1, 8), 'b.org', { ssri: 2 }),
      update('3:3', at(12, 1, 16), 'a.org', { ssri: 3 }),
      update('4:4', at(12, 2), 'a.org', { ssri: 4 }),
    ]);
    expect(await pruneVisits(db, at(12, 1, 12))).toBe(2);
    expect((await visitsSince(db, '')).map((visit) => visit.key)).toEqual(['3:3', '4:4']);
    expect((await db.days.toArray()).map(({ day, visits }) => [day, visits])).toEqual([
      ['2026-12-01', 1],
      ['2026-12-02', 1],
    ]);
    await expectConsistent(db);
    expect(await pruneVisits(db, at(11, 1))).toBe(0);
  });

  it('reads a period by its first day: totals, a page at a time in time order, counts, the first visits', async () => {
    const db = freshDatabase();
    await saveVisits(
      db,
      [1, 2, 3, 4, 5].map((day) => update(`${day}:1`, at(12, day), day % 2 ? 'odd.org' : 'even.org', { ssri: day })),
    );
    const from = localDay(at(12, 2));
    expect((await daysSince(db, from)).map((totals) => totals.day)).toEqual([
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
    expect(await countVisitsSince(db, from)).toBe(4);
    expect(await countVisitsSince(db, '')).toBe(5);
    const keys = (visits: VisitRecord[]) => visits.map((visit) => visit.key);
    expect(keys(await visitsInTimeOrder(db, { firstDay: from, descending: true, offset: 0, limit: 3 }))).toEqual([
      '5:1',
      '4:1',
      '3:1',
    ]);
    expect(keys(await visitsInTimeOrder(db, { firstDay: from, descending: true, offset: 3, limit: 3 }))).toEqual([
      '2:1',
    ]);
    expect(keys(await visitsInTimeOrder(db, { firstDay: '', descending: false, offset: 1, limit: 2 }))).toEqual([
      '2:1',
      '3:1',
    ]);
    expect(keys(await firstVisitsSince(db, from, new Set(['even.org']), 3))).toEqual(['3:1', '5:1']);
  });

  it('storage full: a batch refused leaves the visits and the totals as they were', async () => {
    const db = freshDatabase();
    await saveVisits(db, [update('1:1', at(12, 1), 'a.org', { ssri: 1 })]);
    const before = { visits: await db.visits.toArray(), days: (await db.days.toArray()).map(plain) };
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const bulkPut = vi.spyOn(db.days, 'bulkPut').mockRejectedValue(full);
    await expect(
      saveVisits(db, [update('1:1', at(12, 1), 'a.org', { ssri: 5 }), update('2:2', at(12, 2), 'b.org', { ssri: 1 })]),
    ).rejects.toSatisfy(isQuotaError);
    bulkPut.mockRestore();
    expect(await db.visits.toArray()).toEqual(before.visits);
    expect((await db.days.toArray()).map(plain)).toEqual(before.days);
  });

  it('migrates a store of schema 1: each visit gets its day, and the days their totals', async () => {
    const name = `test-log-${++names}`;
    const first = freshDatabase(RESEARCH_LOG_SCHEMA.slice(0, 1), name);
    const old = [
      schema1Visit('1:1', at(11, 30, 23), 'a.org', { ssri: 2, anxiety: 1 }),
      schema1Visit('2:2', at(12, 1, 0), 'b.org', { ssri: 1 }),
      { ...schema1Visit('3:3', at(12, 1, 9), 'a.org', { ketamine: 4 }), path: '/x' },
      { ...schema1Visit('4:4', at(12, 3), 'a.org', {}), terms: 'damaged' },
    ];
    await first.table('visits').bulkAdd(old);
    expect(first.verno).toBe(1);
    first.close();

    const second = freshDatabase(RESEARCH_LOG_SCHEMA, name);
    await second.open();
    expect(second.verno).toBe(2);
    const visits = await second.visits.toArray();
    expect(visits.map(({ key, day }) => [key, day])).toEqual([
      ['1:1', '2026-11-30'],
      ['2:2', '2026-12-01'],
      ['3:3', '2026-12-01'],
      ['4:4', '2026-12-03'],
    ]);
    // Nothing else of a visit changed.
    expect(visits.map(({ day: _day, id: _id, ...rest }) => rest)).toEqual(old);
    await expectConsistent(second);
    expect(
      (await daysSince(second, '2026-12-01')).map(({ day, visits, occurrences, placed }) => [
        day,
        visits,
        occurrences,
        placed,
      ]),
    ).toEqual([
      ['2026-12-01', 2, 5, 1],
      ['2026-12-03', 1, 0, 0],
    ]);
    // …and the migrated log goes on as any other.
    await saveVisits(second, [update('2:2', at(12, 1, 0), 'b.org', { ssri: 3 })]);
    expect((await visitsInTimeOrder(second, { firstDay: '', descending: true, offset: 0, limit: 1 }))[0]?.key).toBe(
      '4:4',
    );
    await expectConsistent(second);
  });

  it('knows whether the database exists without making it, and whether IndexedDB works', async () => {
    const name = `test-log-${++names}`;
    expect(await researchLogExists(name)).toBe(false);
    expect(await indexedDbWorks()).toBe(true);
    expect(await researchLogExists(PROBE_DB_NAME)).toBe(false);
    await freshDatabase(undefined, name).open();
    expect(await researchLogExists(name)).toBe(true);
  });

  it.each<[string, unknown, boolean]>([
    ['a DOMException', new DOMException('full', 'QuotaExceededError'), true],
    ["Dexie's own", new Dexie.QuotaExceededError('full'), true],
    ['Firefox legacy name', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }, true],
    ['wrapped in an abort', { name: 'AbortError', inner: { name: 'QuotaExceededError' } }, true],
    [
      'one failure of a bulk write',
      new Dexie.BulkError('bulk', [new DOMException('full', 'QuotaExceededError')]),
      true,
    ],
    ['another error', new DOMException('gone', 'InvalidStateError'), false],
    ['not an error', 'QuotaExceededError', false],
    ['nothing', undefined, false],
  ])('isQuotaError: %s → %s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});
