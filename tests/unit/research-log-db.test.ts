import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  eraseVisits,
  isQuotaError,
  pruneVisits,
  RESEARCH_LOG_SCHEMA,
  ResearchLogDatabase,
  researchLogExists,
  type SchemaStep,
  saveVisits,
  visitsSince,
} from '@/extension/research-log-db';
import { indexedDbWorks, PROBE_DB_NAME } from '@/extension/research-log-probe';
import type { VisitUpdate } from '@/utils/research-log-visits';

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

const update = (key: string, since: number, site: string, terms: Record<string, number>): VisitUpdate => ({
  key,
  since,
  at: since + 1,
  site,
  highlighted: true,
  terms,
});

describe('the research log database', () => {
  it('starts at schema version 1 with the visits store and its indexes', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(1);
    expect(RESEARCH_LOG_SCHEMA.map((step) => step.version)).toEqual([1]);
    const schema = db.visits.schema;
    expect(schema.primKey.name).toBe('id');
    expect(schema.indexes.map((index) => index.name).sort()).toEqual(['key', 'site', 'startedAt']);
    expect(schema.idxByName.key?.unique).toBe(true);
  });

  it('merges a batch with the visits it continues, in one transaction', async () => {
    const db = freshDatabase();
    await saveVisits(db, [update('1:100', 100, 'a.org', { ssri: 2 }), update('2:200', 200, 'b.org', { ketamine: 1 })]);
    await saveVisits(db, [update('1:100', 100, 'a.org', { ssri: 1, anxiety: 4 })]);
    const visits = await visitsSince(db, 0);
    expect(visits.map(({ key, site, terms, total }) => ({ key, site, terms, total }))).toEqual([
      { key: '1:100', site: 'a.org', terms: { ssri: 2, anxiety: 4 }, total: 6 },
      { key: '2:200', site: 'b.org', terms: { ketamine: 1 }, total: 1 },
    ]);
    expect(await db.visits.count()).toBe(2);
  });

  it('deletes one site, or everything; prunes what is older than a cut-off', async () => {
    const db = freshDatabase();
    await saveVisits(db, [
      update('1:100', 100, 'a.org', { ssri: 1 }),
      update('2:200', 200, 'b.org', { ssri: 1 }),
      update('3:300', 300, 'a.org', { ssri: 1 }),
    ]);
    expect(await pruneVisits(db, 200)).toBe(1);
    expect((await visitsSince(db, 0)).map((visit) => visit.key)).toEqual(['2:200', '3:300']);
    await eraseVisits(db, 'a.org');
    expect((await visitsSince(db, 0)).map((visit) => visit.key)).toEqual(['2:200']);
    await eraseVisits(db, null);
    expect(await db.visits.count()).toBe(0);
  });

  it('reads the visits of a period only', async () => {
    const db = freshDatabase();
    await saveVisits(db, [update('1:100', 100, 'a.org', { ssri: 1 }), update('2:200', 200, 'b.org', { ssri: 1 })]);
    expect((await visitsSince(db, 150)).map((visit) => visit.site)).toEqual(['b.org']);
  });

  it('upgrades data through each later schema step (a migration, as a future release would add one)', async () => {
    const name = `test-log-${++names}`;
    const first = freshDatabase(RESEARCH_LOG_SCHEMA, name);
    await saveVisits(first, [update('1:100', 100, 'a.org', { ssri: 3 })]);
    first.close();
    const nextSteps: SchemaStep[] = [
      ...RESEARCH_LOG_SCHEMA,
      {
        version: 2,
        stores: { visits: '++id, &key, startedAt, site, total' },
        upgrade: (transaction) =>
          transaction
            .table('visits')
            .toCollection()
            .modify((visit: { site: string }) => {
              visit.site = visit.site.toUpperCase();
            }),
      },
    ];
    const second = freshDatabase(nextSteps, name);
    await second.open();
    expect(second.verno).toBe(2);
    const [visit] = await second.visits.where('total').above(2).toArray();
    expect(visit?.site).toBe('A.ORG');
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
