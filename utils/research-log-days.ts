import type { StoredVisit } from './research-log-visits';

/**
 * The research log's day totals: for each calendar day, what its visits add up to, per term and per
 * site. The database keeps them beside the visits and changes both in one transaction, so the
 * dashboard reads one record a day instead of every visit
 * (docs/decisions/056-research-log-day-totals-and-a-worker.md). Pure: the database module reads and
 * writes, these functions count.
 */

/** A term's share of a day: its occurrences, and in how many visits it appeared. */
export interface TermTally {
  occurrences: number;
  visits: number;
}

/** A site's share of a day: its visits, their term occurrences, and their CSV rows (one per visit and term). */
export interface SiteTally {
  visits: number;
  occurrences: number;
  rows: number;
}

/** What the visits of one day add up to. */
export interface DayTotals {
  /** The reader's calendar day when the visit was first saved, `2026-12-03` (see localDay). */
  day: string;
  visits: number;
  occurrences: number;
  /** CSV rows: one per visit and term. */
  rows: number;
  /** Visits kept with a path or a title (the table shows a page column when there are any). */
  placed: number;
  /** Per term id. Maps, not objects: a site may be named like an object's own property. */
  terms: Map<string, TermTally>;
  sites: Map<string, SiteTally>;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * The calendar day of `time` on the reader's clock, as `YYYY-MM-DD`. A visit keeps the day it was
 * first saved in, so a later change of time zone never moves it from one day's totals to another's.
 */
export function localDay(time: number): string {
  const date = new Date(time);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local midnight that starts `day` (NaN for anything that is not a day). */
export function dayStart(day: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/u.exec(day);
  if (match === null) return Number.NaN;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

export function emptyDay(day: string): DayTotals {
  return { day, visits: 0, occurrences: 0, rows: 0, placed: 0, terms: new Map(), sites: new Map() };
}

/** A whole count, whatever a damaged record holds. */
const whole = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * Adds a visit to its day's totals (`sign` 1), or takes it away (-1): changes `totals` in place.
 * Entries that fall to no visit are removed, so a day is the same whichever order its visits came in.
 */
export function countVisit(totals: DayTotals, visit: StoredVisit, sign: 1 | -1): void {
  const terms = typeof visit.terms === 'object' && visit.terms !== null ? Object.entries(visit.terms) : [];
  const occurrences = terms.reduce((sum, [, count]) => sum + whole(count), 0);
  totals.visits += sign;
  totals.occurrences += sign * occurrences;
  totals.rows += sign * terms.length;
  if (visit.path !== undefined || visit.title !== undefined) totals.placed += sign;

  const site = totals.sites.get(visit.site) ?? { visits: 0, occurrences: 0, rows: 0 };
  site.visits += sign;
  site.occurrences += sign * occurrences;
  site.rows += sign * terms.length;
  if (site.visits > 0) totals.sites.set(visit.site, site);
  else totals.sites.delete(visit.site);

  for (const [id, count] of terms) {
    const term = totals.terms.get(id) ?? { occurrences: 0, visits: 0 };
    term.occurrences += sign * whole(count);
    term.visits += sign;
    if (term.visits > 0) totals.terms.set(id, term);
    else totals.terms.delete(id);
  }
}

/** The day totals of `visits`, counted from scratch (oldest day first). */
export function dayTotalsOf(visits: Iterable<StoredVisit>): DayTotals[] {
  const days = new Map<string, DayTotals>();
  for (const visit of visits) {
    let totals = days.get(visit.day);
    if (totals === undefined) {
      totals = emptyDay(visit.day);
      days.set(visit.day, totals);
    }
    countVisit(totals, visit, 1);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/**
 * The day records to write after some visits went (or were replaced: their earlier versions are in
 * `removed`) and others came: `stored` are the records of every day concerned, as they are now.
 * Days left without a visit are to be deleted.
 */
export function changedDays(
  stored: readonly (DayTotals | undefined)[],
  removed: Iterable<StoredVisit>,
  added: Iterable<StoredVisit>,
): { put: DayTotals[]; deleted: string[] } {
  const days = new Map<string, DayTotals>();
  for (const totals of stored) if (totals) days.set(totals.day, totals);
  const dayOf = (day: string) => {
    let totals = days.get(day);
    if (totals === undefined) {
      totals = emptyDay(day);
      days.set(day, totals);
    }
    return totals;
  };
  for (const visit of removed) countVisit(dayOf(visit.day), visit, -1);
  for (const visit of added) countVisit(dayOf(visit.day), visit, 1);
  const put: DayTotals[] = [];
  const deleted: string[] = [];
  for (const totals of days.values()) {
    if (totals.visits > 0) put.push(totals);
    else deleted.push(totals.day);
  }
  return { put, deleted };
}
