import { buildExport, type ExportBlob, type ExportRequest, exportBlob } from '@/utils/research-log-export';
import { pageWithin, type VisitOrder, type VisitPage, type VisitQuery, visitRows } from '@/utils/research-log-summary';
import type { StoredVisit, VisitRecord } from '@/utils/research-log-visits';
import { countVisitsSince, type ResearchLogDatabase, visitsInTimeOrder, visitsSince } from './research-log-db';

/**
 * Reading the research log for the dashboard's table and export files.
 *
 * The table in time order (its first order) is read a page at a time through the database's index,
 * on the page's own thread: a page is 50 visits whatever the log holds. Any other order, or a
 * filter, needs every visit of the period: the LogReader does that in a worker
 * (extension/research-log-worker.ts), keeps the period's visits while the dashboard shows the same
 * reading of the log, and builds the export files there too, so the page stays responsive with
 * 100,000 visits (docs/decisions/056-research-log-day-totals-and-a-worker.md).
 */

/** A page of the table in time order, through the index: the visits before it are skipped, not read. */
export async function visitPageInTimeOrder(db: ResearchLogDatabase, query: VisitQuery): Promise<VisitPage> {
  const count = await countVisitsSince(db, query.firstDay);
  const page = pageWithin(query.page, count, query.pageSize);
  const rows = await visitsInTimeOrder(db, {
    firstDay: query.firstDay,
    descending: query.order.descending,
    offset: page * query.pageSize,
    limit: query.pageSize,
  });
  return { rows, count, page, order: query.order };
}

const orderKey = (filter: string, order: VisitOrder) => `${order.column}:${order.descending}:${filter}`;

/** Every visit of a period, read once and kept while the dashboard shows the same reading of the log. */
export class LogReader {
  private period: { firstDay: string; snapshot: number; visits: Promise<StoredVisit[]> } | null = null;
  private sorted: { key: string; rows: VisitRecord[] } | null = null;

  constructor(private readonly database: () => ResearchLogDatabase) {}

  private visits(firstDay: string, snapshot: number): Promise<StoredVisit[]> {
    if (this.period?.firstDay !== firstDay || this.period.snapshot !== snapshot) {
      const visits = visitsSince(this.database(), firstDay);
      this.period = { firstDay, snapshot, visits };
      this.sorted = null;
      // A failed read is not kept: the next query tries again.
      visits.catch(() => {
        if (this.period?.visits === visits) this.period = null;
      });
    }
    return this.period.visits;
  }

  /** A page of the table filtered and in any order (visitRows is the specification). */
  async page(query: VisitQuery, termNames: Readonly<Record<string, string>>): Promise<VisitPage> {
    const visits = await this.visits(query.firstDay, query.snapshot);
    const key = orderKey(query.filter, query.order);
    if (this.sorted?.key !== key) {
      this.sorted = { key, rows: visitRows(visits, query.filter, query.order, (id) => termNames[id] ?? id) };
    }
    const { rows } = this.sorted;
    const page = pageWithin(query.page, rows.length, query.pageSize);
    return {
      rows: rows.slice(page * query.pageSize, (page + 1) * query.pageSize),
      count: rows.length,
      page,
      order: query.order,
    };
  }

  /** The export file of the period's visits, oldest first, as the reader chose it, as one Blob. */
  async exportFile(request: ExportRequest, onProgress?: (done: number) => void): Promise<ExportBlob> {
    const visits = await this.visits(request.firstDay, request.snapshot);
    const file = exportBlob(
      request.format,
      buildExport(request.format, visits, request.choices, request.now, onProgress),
    );
    // Its last byte read here, off the page: reading waits until the browser holds every byte of the
    // Blob, which the page's URL.createObjectURL would otherwise wait for, blocking it (474 ms for 14 MB).
    await file.blob.slice(-1).arrayBuffer();
    return file;
  }
}

/** What the dashboard sends its worker. */
export type ReaderRequest =
  | { id: number; task: 'page'; query: VisitQuery; termNames: Readonly<Record<string, string>> }
  | { id: number; task: 'export'; request: ExportRequest };

/** What the worker answers: progress of an export (any number), then one result or error. */
export type ReaderAnswer =
  | { id: number; progress: number }
  | { id: number; page: VisitPage }
  | { id: number; file: ExportBlob }
  | { id: number; error: string };

/** Answers one request with `reader`, through `answer` (a file's Blob is passed by reference, its bytes never copied). */
export async function answerRequest(
  reader: LogReader,
  request: ReaderRequest,
  answer: (message: ReaderAnswer) => void,
): Promise<void> {
  const { id } = request;
  try {
    if (request.task === 'page') {
      answer({ id, page: await reader.page(request.query, request.termNames) });
    } else {
      const file = await reader.exportFile(request.request, (progress) => answer({ id, progress }));
      answer({ id, file });
    }
  } catch (error) {
    answer({ id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}
