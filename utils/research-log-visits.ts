import { localDay } from './research-log-days';
import { isNeverLogged, type LogDetail, type LogSettings } from './research-log-settings';
import { pageAddress } from './site-rules';

/**
 * What the content script reports for the toolbar badge, which the research log reuses: when the
 * page (or a single-page app's view) was loaded, and its highlighted terms. No page text.
 */
export interface TermReport {
  /** When this page or view was loaded (ms since the epoch); with the tab, it names the visit. */
  since: number;
  /** Highlighted occurrences per glossary term id. */
  terms: Record<string, number>;
}

/** A page claiming more occurrences of one term than this is capped here (no real page has that many). */
export const MAX_TERM_COUNT = 10_000;
/** More distinct term ids than this in one report are not a real page either: the rest are dropped. */
export const MAX_TERMS_PER_VISIT = 500;
const TERM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/u;
/** A title is kept to this many characters. */
export const MAX_TITLE_LENGTH = 300;

/** One logged page visit: one page load (or single-page-app view) in one tab. */
export interface VisitRecord {
  /** The database's own number for it. */
  id?: number;
  /** The tab and the page load it came from: later reports of the same visit update it. Never exported. */
  key: string;
  /** When the page was loaded (ms since the epoch). */
  startedAt: number;
  /** When its counts last changed. */
  updatedAt: number;
  /** The page's host name. */
  site: string;
  /** The page's path, when the reader asked for paths. */
  path?: string;
  /** The page's address without its fragment, when the reader asked for full addresses and titles. */
  url?: string;
  title?: string;
  /** false: the page showed no highlights; its terms were counted only (see "pages where highlighting is off"). */
  highlighted: boolean;
  /** Occurrences per term id, each at most MAX_TERM_COUNT; never a zero. */
  terms: Record<string, number>;
  /** The sum of `terms`. */
  total: number;
}

/** A visit as the database keeps it: with the calendar day whose totals count it (utils/research-log-days.ts). */
export interface StoredVisit extends VisitRecord {
  /** The reader's day when the visit was first saved; it never changes after. */
  day: string;
}

/**
 * A report's counts as they can be kept: term ids of the glossary's shape only, whole non-negative
 * numbers, each capped at MAX_TERM_COUNT, zeros left out. Anything else is dropped, never thrown.
 */
export function cleanTermCounts(raw: unknown): Record<string, number> {
  const clean: Record<string, number> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return clean;
  let kept = 0;
  for (const [id, value] of Object.entries(raw)) {
    if (kept >= MAX_TERMS_PER_VISIT) break;
    if (!TERM_ID.test(id) || typeof value !== 'number' || Number.isNaN(value)) continue;
    const count = Math.min(MAX_TERM_COUNT, Math.floor(Math.max(0, value)));
    if (count === 0) continue;
    clean[id] = count;
    kept++;
  }
  return clean;
}

/** A report as sent (or null), checked: null when it is not one. */
export function readTermReport(raw: unknown): TermReport | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { since, terms } = raw as { since?: unknown; terms?: unknown };
  if (typeof since !== 'number' || !Number.isFinite(since) || since <= 0) return null;
  return { since, terms: cleanTermCounts(terms) };
}

export const sumCounts = (terms: Readonly<Record<string, number>>): number =>
  Object.values(terms).reduce((sum, count) => sum + count, 0);

/** The visit a report belongs to. */
export const visitKey = (tabId: number, since: number): string => `${tabId}:${since}`;

export interface VisitPlace {
  site: string;
  path?: string;
  url?: string;
}

/**
 * Where a visit was, told only as far as the reader asked: the host; the host and path (no query,
 * which can hold what someone searched for); or the address without its fragment or credentials.
 * Null for pages that are not web pages.
 */
export function visitPlace(pageUrl: string, detail: LogDetail): VisitPlace | null {
  const address = pageAddress(pageUrl);
  if (address === null) return null;
  if (detail === 'site') return { site: address.host };
  if (detail === 'site-path') return { site: address.host, path: address.path };
  const url = new URL(pageUrl);
  return { site: address.host, path: address.path, url: `${url.protocol}//${url.host}${url.pathname}${url.search}` };
}

export type RecordDecision =
  | { record: true }
  | {
      record: false;
      reason: 'log-off' | 'loaded-before-log-on' | 'never-log' | 'no-terms' | 'unhighlighted' | 'erased';
    };

export interface ReportContext {
  host: string;
  since: number;
  terms: Readonly<Record<string, number>>;
  highlighted: boolean;
  /** Reports of pages loaded before this (a deletion of everything, or of this site) are ignored. */
  erasedAt: number;
}

/** Whether a report is recorded, and if not, why. Pure: the table in the unit tests is the specification. */
export function recordDecision(settings: LogSettings, context: ReportContext): RecordDecision {
  if (!settings.enabled) return { record: false, reason: 'log-off' };
  if (context.since < settings.enabledAt) return { record: false, reason: 'loaded-before-log-on' };
  if (isNeverLogged(context.host, settings.neverLog)) return { record: false, reason: 'never-log' };
  if (context.since <= context.erasedAt) return { record: false, reason: 'erased' };
  if (!context.highlighted && !settings.includeUnhighlighted) return { record: false, reason: 'unhighlighted' };
  // A page without a single term is not about the subject: it is no one's business that it was read.
  if (sumCounts(context.terms) === 0) return { record: false, reason: 'no-terms' };
  return { record: true };
}

export interface VisitUpdate extends VisitPlace {
  key: string;
  since: number;
  at: number;
  title?: string;
  highlighted: boolean;
  terms: Record<string, number>;
}

/**
 * A visit after another report of it. Counts are the most seen of each term during the visit (a page
 * that loads more keeps what it showed earlier, and a pagehide's empty report takes nothing away),
 * so re-reports never add up to more than the page held. The place is told as the latest report
 * allows (less, when the reader has since asked for less); a highlighted report makes the visit
 * highlighted.
 */
export function mergeVisit(existing: StoredVisit | undefined, update: VisitUpdate): StoredVisit {
  const terms: Record<string, number> = { ...existing?.terms };
  for (const [id, count] of Object.entries(update.terms)) {
    terms[id] = Math.min(MAX_TERM_COUNT, Math.max(terms[id] ?? 0, count));
  }
  // Titles belong to full addresses: a visit recorded with less keeps none.
  const title = update.url === undefined ? undefined : (update.title ?? existing?.title)?.slice(0, MAX_TITLE_LENGTH);
  const startedAt = existing?.startedAt ?? Math.round(update.since);
  const merged: StoredVisit = {
    ...(existing?.id === undefined ? {} : { id: existing.id }),
    key: update.key,
    startedAt,
    day: existing?.day ?? localDay(startedAt),
    updatedAt: update.at,
    site: update.site,
    highlighted: (existing?.highlighted ?? false) || update.highlighted,
    terms,
    total: sumCounts(terms),
  };
  if (update.path !== undefined) merged.path = update.path;
  if (update.url !== undefined) merged.url = update.url;
  if (title !== undefined && title !== '') merged.title = title;
  return merged;
}

/** Two reports of one visit not yet saved, as one: the most seen of each term, the later place and title. */
export function combineUpdates(earlier: VisitUpdate | undefined, later: VisitUpdate): VisitUpdate {
  if (earlier === undefined) return later;
  const terms = { ...earlier.terms };
  for (const [id, count] of Object.entries(later.terms)) terms[id] = Math.max(terms[id] ?? 0, count);
  return {
    ...later,
    title: later.title ?? earlier.title,
    highlighted: earlier.highlighted || later.highlighted,
    terms,
  };
}
