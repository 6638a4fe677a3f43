import { type DayTotals, dayStart, localDay } from './research-log-days';
import type { VisitRecord } from './research-log-visits';

/**
 * What the dashboard shows of the logged visits of a period: totals, each term's and each site's
 * count, and term counts over time, worked out from the period's day totals; and the table's rows
 * in the order and with the filter the reader chose. Pure.
 */

/** Days back from now, or every kept visit. */
export type LogPeriod = 7 | 30 | 90 | 365 | 'all';
export const LOG_PERIODS: readonly LogPeriod[] = [7, 30, 90, 365, 'all'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first moment of the period (ms since the epoch): midnight, local time, `period - 1` days before today. */
export function periodStart(now: number, period: LogPeriod): number {
  if (period === 'all') return 0;
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  day.setDate(day.getDate() - (period - 1));
  return day.getTime();
}

/**
 * The first day of the period, as the day totals and the visits name it: '' (before every day) for
 * everything kept. A visit belongs to the period when its day is this one or later.
 */
export function periodFirstDay(now: number, period: LogPeriod): string {
  return period === 'all' ? '' : localDay(periodStart(now, period));
}

export type BucketSize = 'day' | 'week' | 'month';

/** Days for up to three months, weeks for up to two years, months beyond: a chart of at most ~100 points. */
export function bucketSizeFor(from: number, to: number): BucketSize {
  const days = (to - from) / DAY_MS;
  if (days <= 92) return 'day';
  if (days <= 731) return 'week';
  return 'month';
}

/** The start (local midnight) of the bucket that holds `time`; weeks start on Monday. */
export function bucketStart(time: number, size: BucketSize): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  if (size === 'week') date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  if (size === 'month') date.setDate(1);
  return date.getTime();
}

function nextBucket(start: number, size: BucketSize): number {
  const date = new Date(start);
  if (size === 'day') date.setDate(date.getDate() + 1);
  else if (size === 'week') date.setDate(date.getDate() + 7);
  else date.setMonth(date.getMonth() + 1);
  return date.getTime();
}

export interface CountedItem {
  /** A term id or a site. */
  name: string;
  occurrences: number;
  visits: number;
}

/** A site of the period, with its CSV rows (one per visit and term) for the export's preview. */
export interface SiteItem extends CountedItem {
  rows: number;
}

export interface Timeline {
  size: BucketSize;
  /** Each bucket's start, oldest first, with no gaps. */
  starts: number[];
  /** Per charted term (the most frequent few), its occurrences in each bucket. */
  series: { term: string; counts: number[] }[];
}

export interface LogSummary {
  visitCount: number;
  /** Term occurrences in all visits. */
  occurrences: number;
  /** CSV rows of all visits: one per visit and term. */
  rows: number;
  /** Visits kept with a path or a title. */
  placed: number;
  /** Every term seen, most occurrences first (ties by name). */
  terms: CountedItem[];
  /** Every site seen, most occurrences first (ties by name). */
  sites: SiteItem[];
  timeline: Timeline;
}

const byCount = (a: CountedItem, b: CountedItem) =>
  b.occurrences - a.occurrences || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The summary of the days of a period (utils/research-log-days.ts: one record per day, however many
 * visits it had) between `from` and `now`. The timeline charts the `chartedTerms` most frequent
 * terms; it starts at `from`, or at the first day with visits for "all", and runs to `now` with a
 * zero for every empty bucket.
 */
export function summarizeDays(
  days: readonly DayTotals[],
  { from, now, chartedTerms = 5 }: { from: number; now: number; chartedTerms?: number },
): LogSummary {
  const terms = new Map<string, CountedItem>();
  const sites = new Map<string, SiteItem>();
  let visitCount = 0;
  let occurrences = 0;
  let rows = 0;
  let placed = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const totals of days) {
    visitCount += totals.visits;
    occurrences += totals.occurrences;
    rows += totals.rows;
    placed += totals.placed;
    const start = dayStart(totals.day);
    if (start < first) first = start;
    for (const [name, tally] of totals.sites) {
      const item = sites.get(name);
      if (item) {
        item.visits += tally.visits;
        item.occurrences += tally.occurrences;
        item.rows += tally.rows;
      } else {
        sites.set(name, { name, ...tally });
      }
    }
    for (const [name, tally] of totals.terms) {
      const item = terms.get(name);
      if (item) {
        item.visits += tally.visits;
        item.occurrences += tally.occurrences;
      } else {
        terms.set(name, { name, ...tally });
      }
    }
  }
  const termList = [...terms.values()].sort(byCount);
  const siteList = [...sites.values()].sort(byCount);

  const start = from > 0 ? from : Number.isFinite(first) ? first : now;
  const size = bucketSizeFor(start, now);
  const starts: number[] = [];
  for (let bucket = bucketStart(start, size); bucket <= now; bucket = nextBucket(bucket, size)) starts.push(bucket);
  const index = new Map(starts.map((bucket, position) => [bucket, position]));
  const series = termList.slice(0, chartedTerms).map((item) => ({
    term: item.name,
    counts: new Array<number>(starts.length).fill(0),
  }));
  for (const totals of days) {
    const start = dayStart(totals.day);
    const position = Number.isNaN(start) ? undefined : index.get(bucketStart(start, size));
    if (position === undefined) continue;
    for (const line of series) {
      const tally = totals.terms.get(line.term);
      if (tally) line.counts[position] = (line.counts[position] ?? 0) + tally.occurrences;
    }
  }
  return {
    visitCount,
    occurrences,
    rows,
    placed,
    terms: termList,
    sites: siteList,
    timeline: { size, starts, series },
  };
}

export type VisitColumn = 'time' | 'site' | 'total';
export interface VisitOrder {
  column: VisitColumn;
  descending: boolean;
}

/** The table's first order: newest first. */
export const NEWEST_FIRST: VisitOrder = { column: 'time', descending: true };

/** A page of the table of logged pages, as the dashboard asks for it. */
export interface VisitQuery {
  /** The period's first day (periodFirstDay; '' for everything kept). */
  firstDay: string;
  /** Which reading of the log the dashboard shows: a new number after a deletion or on coming back to the tab, so nothing older is reused. */
  snapshot: number;
  filter: string;
  order: VisitOrder;
  /** From 0; past the last page, the last page is given. */
  page: number;
  pageSize: number;
}

export interface VisitPage {
  rows: VisitRecord[];
  /** How many visits match, on every page. */
  count: number;
  /** The page given (the one asked for, or the last there is). */
  page: number;
  /** The order the rows are in. */
  order: VisitOrder;
}

/** Whether a query is answered through the database's time index, a page read at a time; any other reads the whole period, off the page's thread. */
export const inTimeOrder = (query: Pick<VisitQuery, 'filter' | 'order'>): boolean =>
  query.order.column === 'time' && query.filter.trim() === '';

/** The page to give for `page` when `count` rows are shown `pageSize` at a time: the last one past the end. */
export function pageWithin(page: number, count: number, pageSize: number): number {
  const last = Math.max(0, Math.ceil(count / pageSize) - 1);
  return Math.max(0, Math.min(Math.floor(page), last));
}

/**
 * The visits whose site, path, title or one of whose terms (by id or name) holds `filter` (any case),
 * in `order`. Ties keep time order, newest first.
 */
export function visitRows(
  visits: readonly VisitRecord[],
  filter: string,
  order: VisitOrder,
  termName: (id: string) => string = (id) => id,
): VisitRecord[] {
  const needle = filter.trim().toLowerCase();
  const matches = (visit: VisitRecord) => {
    if (needle === '') return true;
    if (visit.site.includes(needle)) return true;
    if (visit.path?.toLowerCase().includes(needle) || visit.title?.toLowerCase().includes(needle)) return true;
    for (const id in visit.terms) {
      if (id.includes(needle) || termName(id).toLowerCase().includes(needle)) return true;
    }
    return false;
  };
  const rows = needle === '' ? [...visits] : visits.filter(matches);
  const sign = order.descending ? -1 : 1;
  const newestFirst = (a: VisitRecord, b: VisitRecord) => b.startedAt - a.startedAt;
  if (order.column === 'time') return rows.sort((a, b) => sign * (a.startedAt - b.startedAt));
  if (order.column === 'total') return rows.sort((a, b) => sign * (a.total - b.total) || newestFirst(a, b));
  return rows.sort((a, b) => sign * (a.site < b.site ? -1 : a.site > b.site ? 1 : 0) || newestFirst(a, b));
}
