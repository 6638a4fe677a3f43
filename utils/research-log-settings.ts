import { normalizeRulePattern } from './rule-patterns';

/**
 * The research log's own settings. They live on this device only (storage.local), never in
 * storage.sync and never in the settings file: a sensitive, opt-in recording must not switch itself
 * on on another computer (docs/decisions/050-research-log-settings-on-this-device.md).
 */

/** What a logged visit says about where it was: the site only, the site and path, or the full address and title. */
export type LogDetail = 'site' | 'site-path' | 'full';
export const LOG_DETAILS: readonly LogDetail[] = ['site', 'site-path', 'full'];

/** Days entries are kept; null: until the reader clears them. */
export type LogRetention = 30 | 90 | 365 | null;
export const LOG_RETENTIONS: readonly LogRetention[] = [30, 90, 365, null];

export interface LogSettings {
  enabled: boolean;
  /**
   * When the log was last turned on (ms since the epoch): pages loaded before it are never recorded,
   * even if they report again later. 0 while it has never been on.
   */
  enabledAt: number;
  detail: LogDetail;
  /** Domains (each with its subdomains) never logged, normalised as domain rules are. */
  neverLog: string[];
  /** Also record pages that show no highlights (their terms counted, not shown). */
  includeUnhighlighted: boolean;
  retentionDays: LogRetention;
}

/** The stored shape's version; a reader takes older versions through `readLogSettings`. */
export const LOG_SETTINGS_VERSION = 1;

export const DEFAULT_LOG_SETTINGS: Readonly<LogSettings> = {
  enabled: false,
  enabledAt: 0,
  detail: 'site',
  neverLog: [],
  includeUnhighlighted: false,
  retentionDays: 90,
};

const isDetail = (value: unknown): value is LogDetail => LOG_DETAILS.includes(value as LogDetail);
const isRetention = (value: unknown): value is LogRetention => LOG_RETENTIONS.includes(value as LogRetention);

/** The never-log list as typed (one site a line, URLs pasted whole): normalised, deduplicated, bad lines reported. */
export function parseNeverLog(text: string): { sites: string[]; rejected: string[] } {
  const sites: string[] = [];
  const rejected: string[] = [];
  for (const line of text.split(/[\n,]/u)) {
    if (line.trim() === '') continue;
    // A pasted address keeps only its host: the list is about whole sites.
    const host =
      line
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '')
        .split(/[/?#]/u)[0] ?? '';
    const result = normalizeRulePattern('domain', host);
    if (!result.ok) rejected.push(line.trim());
    else if (!sites.includes(result.pattern)) sites.push(result.pattern);
  }
  return { sites, rejected };
}

/**
 * Stored settings as they can be read: defaults for what is missing or damaged, never an exception,
 * and never "on" unless the stored value says so in as many words (a damaged store stays off).
 */
export function readLogSettings(stored: unknown): LogSettings {
  if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_LOG_SETTINGS, neverLog: [] };
  const raw = stored as Partial<Record<keyof LogSettings, unknown>>;
  const enabledAt = typeof raw.enabledAt === 'number' && Number.isFinite(raw.enabledAt) ? raw.enabledAt : 0;
  const neverLog = Array.isArray(raw.neverLog)
    ? parseNeverLog(raw.neverLog.filter((entry): entry is string => typeof entry === 'string').join('\n')).sites
    : [];
  return {
    enabled: raw.enabled === true && enabledAt > 0,
    enabledAt,
    detail: isDetail(raw.detail) ? raw.detail : DEFAULT_LOG_SETTINGS.detail,
    neverLog,
    includeUnhighlighted: raw.includeUnhighlighted === true,
    retentionDays: isRetention(raw.retentionDays) ? raw.retentionDays : DEFAULT_LOG_SETTINGS.retentionDays,
  };
}

/** The settings after the reader turns the log on or off at `now`. */
export function switchLog(settings: LogSettings, enabled: boolean, now: number): LogSettings {
  if (settings.enabled === enabled) return settings;
  return { ...settings, enabled, enabledAt: enabled ? now : settings.enabledAt };
}

/** Whether `host` is on the never-log list: a listed domain covers its subdomains, as a domain rule does. */
export function isNeverLogged(host: string, neverLog: readonly string[]): boolean {
  return neverLog.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Entries that started before this time (ms since the epoch) are deleted; null when they are kept until cleared. */
export function retentionCutoff(now: number, retentionDays: LogRetention): number | null {
  return retentionDays === null ? null : now - retentionDays * DAY_MS;
}

/** What went wrong with saving, for a notice on the dashboard and in the options. */
export interface LogStatus {
  /** Visits not saved because storage was full (the newest are dropped, never the older ones). */
  droppedVisits: number;
  /** When storage was first found full; null once a deletion made room. */
  fullSince: number | null;
  /** Visits not saved because the database failed in another way, after retries. */
  failedVisits: number;
}

export const EMPTY_LOG_STATUS: Readonly<LogStatus> = { droppedVisits: 0, fullSince: null, failedVisits: 0 };

const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);

export function readLogStatus(stored: unknown): LogStatus {
  if (typeof stored !== 'object' || stored === null) return { ...EMPTY_LOG_STATUS };
  const raw = stored as Partial<Record<keyof LogStatus, unknown>>;
  return {
    droppedVisits: count(raw.droppedVisits),
    fullSince: typeof raw.fullSince === 'number' && Number.isFinite(raw.fullSince) ? raw.fullSince : null,
    failedVisits: count(raw.failedVisits),
  };
}

/** Deletions, by site ('*': everything) and when: reports of pages loaded before then are not recorded again. */
export type ErasureMarks = Record<string, number>;
export const ALL_SITES = '*';

/** When `host`'s entries were last deleted, by itself or with everything; 0 when never. */
export function erasedAtFor(marks: Readonly<ErasureMarks>, host: string): number {
  return Math.max(marks[ALL_SITES] ?? 0, marks[host] ?? 0);
}
