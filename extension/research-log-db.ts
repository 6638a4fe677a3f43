import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { mergeVisit, type VisitRecord, type VisitUpdate } from '@/utils/research-log-visits';

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

export const RESEARCH_LOG_SCHEMA: readonly SchemaStep[] = [
  // 1: visits, by number; `key` names a tab's page load, so later reports of it update it.
  { version: 1, stores: { visits: '++id, &key, startedAt, site' } },
];

export const RESEARCH_LOG_DB_NAME = 'mhx-research-log';

export class ResearchLogDatabase extends Dexie {
  visits!: EntityTable<VisitRecord, 'id'>;

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
 * (already stored, from an earlier batch) or becomes a new one. All or nothing.
 */
export async function saveVisits(db: ResearchLogDatabase, updates: readonly VisitUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await db.transaction('rw', db.visits, async () => {
    const stored = await db.visits
      .where('key')
      .anyOf(updates.map((update) => update.key))
      .toArray();
    const byKey = new Map(stored.map((visit) => [visit.key, visit]));
    for (const update of updates) byKey.set(update.key, mergeVisit(byKey.get(update.key), update));
    await db.visits.bulkPut([...byKey.values()]);
  });
}

/** Deletes every visit of `site` (a host), or every visit when `site` is null. */
export async function eraseVisits(db: ResearchLogDatabase, site: string | null): Promise<void> {
  if (site === null) await db.visits.clear();
  else await db.visits.where('site').equals(site).delete();
}

/** Deletes the visits that started before `cutoff` (ms since the epoch); returns how many. */
export function pruneVisits(db: ResearchLogDatabase, cutoff: number): Promise<number> {
  return db.visits.where('startedAt').below(cutoff).delete();
}

/** The visits that started at or after `from`, oldest first. */
export function visitsSince(db: ResearchLogDatabase, from: number): Promise<VisitRecord[]> {
  return db.visits.where('startedAt').aboveOrEqual(from).toArray();
}

/** Whether the log's database exists (opening it would create it: a page that only looks does not). */
export function researchLogExists(name = RESEARCH_LOG_DB_NAME): Promise<boolean> {
  return Dexie.exists(name).catch(() => false);
}
