import type { VisitRecord } from './research-log-visits';

/**
 * What the dashboard shows of the logged visits of a period, worked out in one pass over them:
 * totals, each term's and each site's count, and term counts over time. Pure, for 100,000 visits.
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
  /** Every term seen, most occurrences first (ties by name). */
  terms: CountedItem[];
  /** Every site seen, most occurrences first (ties by name). */
  sites: CountedItem[];
  timeline: Timeline;
}

const byCount = (a: CountedItem, b: CountedItem) =>
  b.occurrences - a.occurrences || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function tally(map: Map<string, CountedItem>, name: string, occurrences: number): void {
  const item = map.get(name);
  if (item) {
    item.occurrences += occurrences;
    item.visits++;
  } else {
    map.set(name, { name, occurrences, visits: 1 });
  }
}

/**
 * The summary of `visits` (those of the period, any order) between `from` and `now`. The timeline
 * charts the `chartedTerms` most frequent terms; it starts at `from`, or at the first visit for
 * "all", and runs to `now` with a zero for every empty bucket.
 */
export function summarizeVisits(
  visits: readonly VisitRecord[],
  { from, now, chartedTerms = 5 }: { from: number; now: number; chartedTerms?: number },
): LogSummary {
  const terms = new Map<string, CountedItem>();
  const sites = new Map<string, CountedItem>();
  let occurrences = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const visit of visits) {
    occurrences += visit.total;
    if (visit.startedAt < first) first = visit.startedAt;
    tally(sites, visit.site, visit.total);
    for (const id in visit.terms) tally(terms, id, visit.terms[id] ?? 0);
  }
  const termList = [...terms.values()].sort(byCount);
  const siteList = [...sites.values()].sort(byCount);

  const start = from > 0 ? from : Number.isFinite(first) ? first : now;
  const size = bucketSizeFor(start, now);
  const starts: number[] = [];
  for (let bucket = bucketStart(start, size); bucket <= now; bucket = nextBucket(bucket, size)) starts.push(bucket);
  const index = new Map(starts.map((bucket, position) => [bucket, position]));
  const charted = termList.slice(0, chartedTerms).map((item) => item.name);
  const series = charted.map((term) => ({ term, counts: new Array<number>(starts.length).fill(0) }));
  if (series.length > 0) {
    // Visits come in time order or near it: the last bucket found is tried first.
    let bucketFrom = Number.NaN;
    let bucketTo = Number.NaN;
    let position: number | undefined;
    for (const visit of visits) {
      if (!(visit.startedAt >= bucketFrom && visit.startedAt < bucketTo)) {
        bucketFrom = bucketStart(visit.startedAt, size);
        bucketTo = nextBucket(bucketFrom, size);
        position = index.get(bucketFrom);
      }
      if (position === undefined) continue;
      for (const line of series) {
        const count = visit.terms[line.term];
        if (count !== undefined) line.counts[position] = (line.counts[position] ?? 0) + count;
      }
    }
  }
  return {
    visitCount: visits.length,
    occurrences,
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
