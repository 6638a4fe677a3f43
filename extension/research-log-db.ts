import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { changedDays, type DayTotals, dayTotalsOf, localDay } from '@/utils/research-log-days';
import { mergeVisit, type StoredVisit, type VisitRecord, type VisitUpdate } from '@/utils/research-log-visits';

/**
 * The research log's database: IndexedDB in the extension's own origin, through Dexie
 * (docs/decisions/051-research-log-database.md). The background writes; the dashboard reads.
 *
 * Every schema the database has had is a step below, oldest first, each with the upgrade that takes
 * the data of the step before it there. A new schema is a new step: earlier steps are never edited,
 * so a browser that last ran any earlier release upgrades through each of them in turn.
 */
export interface SchemaStep {
  version: number;
  /** Dexie's store declarations: the primary key first, then the indexes; null deletes a store. */
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<unknown> | undefined;
}

/**
 * Schema 1 → 2: each visit gets the calendar day it counts in, and `days` the totals of each day,
 * counted from the visits. One pass over every visit, once, in the upgrade's own transaction: a
 * browser closed halfway leaves schema 1 as it was, to be upgraded at the next opening.
 */
async function addDayTotals(transaction: Transaction): Promise<void> {
  const visits: StoredVisit[] = [];
  await transaction
    .table('visits')
    .toCollection()
    .modify((visit: StoredVisit) => {
      visit.day = localDay(visit.startedAt);
      visits.push(visit);
    });
  await transaction.table('days').bulkPut(dayTotalsOf(visits));
}

export const RESEARCH_LOG_SCHEMA: readonly SchemaStep[] = [
  // 1: visits, by number; `key` names a tab's page load, so later reports of it update it.
  { version: 1, stores: { visits: '++id, &key, startedAt, site' } },
  // 2: each visit names its day, and `days` keeps what each day's visits add up to, changed with them
  // in every transaction: the dashboard reads a record a day, and the table a page at a time in
  // time order through [day+startedAt] (docs/decisions/056-research-log-day-totals-and-a-worker.md).
  {
    version: 2,
    stores: { visits: '++id, &key, site, [day+startedAt]', days: 'day' },
    upgrade: addDayTotals,
  },
];

export const RESEARCH_LOG_DB_NAME = 'mhx-research-log';

export class ResearchLogDatabase extends Dexie {
  visits!: EntityTable<StoredVisit, 'id'>;
  days!: EntityTable<DayTotals, 'day'>;

  constructor(name = RESEARCH_LOG_DB_NAME, schema: readonly SchemaStep[] = RESEARCH_LOG_SCHEMA) {
    super(name);
    for (const step of schema) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

/** Whether the browser's storage refused a write for want of room, however it says so. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, inner, failures } = error as { name?: unknown; inner?: unknown; failures?: unknown };
  if (name === Dexie.errnames.QuotaExceeded || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (inner !== undefined && inner !== error && isQuotaError(inner)) return true;
  return Array.isArray(failures) && failures.some(isQuotaError);
}

/**
 * Writes a batch of visit updates in one transaction: each merges with the visit it continues
 * (already stored, from an earlier batch) or becomes a new one, and the totals of their days change
 * with them. All or nothing: a write refused for want of room leaves both as they were.
 */
export async function saveVisits(db: ResearchLogDatabase, updates: readonly VisitUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await db.transaction('rw', db.visits, db.days, async () => {
    const stored = await db.visits
      .where('key')
      .anyOf(updates.map((update) => update.key))
      .toArray();
    const before = new Map(stored.map((visit) => [visit.key, visit]));
    const after = new Map<string, StoredVisit>();
    for (const update of updates) {
      after.set(update.key, mergeVisit(after.get(update.key) ?? before.get(update.key), update));
    }
    await db.visits.bulkPut([...after.values()]);
    await changeDays(db, stored, [...after.values()]);
  });
}

/** Takes `removed` out of their days' totals and adds `added` (inside the caller's transaction). */
async function changeDays(db: ResearchLogDatabase, removed: StoredVisit[], added: StoredVisit[]): Promise<void> {
  const names = [...new Set([...removed, ...added].map((visit) => visit.day))];
  const { put, deleted } = changedDays(await db.days.bulkGet(names), removed, added);
  await db.days.bulkPut(put);
  await db.days.bulkDelete(deleted);
}

/** Deletes every visit of `site` (a host), or every visit when `site` is null, with their days' totals. */
export async function eraseVisits(db: ResearchLogDatabase, site: string | null): Promise<void> {
  await db.transaction('rw', db.visits, db.days, async () => {
    if (site === null) {
      await db.visits.clear();
      await db.days.clear();
      return;
    }
    const gone = await db.visits.where('site').equals(site).toArray();
    await db.visits.bulkDelete(gone.map((visit) => visit.id ?? -1));
    await changeDays(db, gone, []);
  });
}

/**
 * Deletes the visits that started before `cutoff` (ms since the epoch), with their share of the day
 * totals; returns how many. Days before the cut-off's day go whole; of that day, only the visits
 * before the cut-off are read, to take them out of its totals.
 */
export function pruneVisits(db: ResearchLogDatabase, cutoff: number): Promise<number> {
  const cutoffDay = localDay(cutoff);
  return db.transaction('rw', db.visits, db.days, async () => {
    const before = db.visits.where('[day+startedAt]').below([cutoffDay, Dexie.minKey]);
    const wholeDays = await before.delete();
    await db.days.where('day').below(cutoffDay).delete();
    const partly = await db.visits
      .where('[day+startedAt]')
      .between([cutoffDay, Dexie.minKey], [cutoffDay, cutoff])
      .toArray();
    await db.visits.bulkDelete(partly.map((visit) => visit.id ?? -1));
    await changeDays(db, partly, []);
    return wholeDays + partly.length;
  });
}

/** The visits of `firstDay` and later (periodFirstDay; '' for all), oldest first. */
const visitsFrom = (db: ResearchLogDatabase, firstDay: string) =>
  db.visits.where('[day+startedAt]').aboveOrEqual([firstDay, Dexie.minKey]);

/** Every visit of the period that starts on `firstDay`, oldest first. */
export function visitsSince(db: ResearchLogDatabase, firstDay: string): Promise<StoredVisit[]> {
  return visitsFrom(db, firstDay).toArray();
}

/** The totals of each day of the period that starts on `firstDay`, oldest day first. */
export function daysSince(db: ResearchLogDatabase, firstDay: string): Promise<DayTotals[]> {
  return db.days.where('day').aboveOrEqual(firstDay).toArray();
}

/** A page of the period's visits in time order, read through the index: `offset` visits are skipped, not read. */
export function visitsInTimeOrder(
  db: ResearchLogDatabase,
  { firstDay, descending, offset, limit }: { firstDay: string; descending: boolean; offset: number; limit: number },
): Promise<StoredVisit[]> {
  const range = visitsFrom(db, firstDay);
  return (descending ? range.reverse() : range).offset(offset).limit(limit).toArray();
}

/** How many visits the period holds (counted by the index, none read). */
export function countVisitsSince(db: ResearchLogDatabase, firstDay: string): Promise<number> {
  return visitsFrom(db, firstDay).count();
}

/** The period's first `count` visits, oldest first, of sites not in `dropped` (the export's preview). */
export function firstVisitsSince(
  db: ResearchLogDatabase,
  firstDay: string,
  dropped: ReadonlySet<string>,
  count: number,
): Promise<VisitRecord[]> {
  return visitsFrom(db, firstDay)
    .filter((visit) => !dropped.has(visit.site))
    .limit(count)
    .toArray();
}

/** Whether the log's database exists (opening it would create it: a page that only looks does not). */
export function researchLogExists(name = RESEARCH_LOG_DB_NAME): Promise<boolean> {
  return Dexie.exists(name).catch(() => false);
}
