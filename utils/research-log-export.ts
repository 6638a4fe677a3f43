import type { VisitRecord } from './research-log-visits';

/**
 * The research log's export files: CSV (RFC 4180, one row per visit and term) and versioned JSON.
 * docs/research-log.md describes both; the unit tests hold them to it. Files are built off the
 * page's thread (extension/research-log-worker.ts), in chunks encoded as they are made.
 */

export const EXPORT_FORMAT = 'mental-health-explainer/research-log';
/** Bumped whenever a field changes meaning or goes; adding an optional field keeps it. */
export const EXPORT_VERSION = 1;

export type ExportFormat = 'csv' | 'json';

/** Each format's media type, given to the file's Blob. */
export const EXPORT_TYPES: Readonly<Record<ExportFormat, string>> = { csv: 'text/csv', json: 'application/json' };

export const CSV_COLUMNS = ['visit', 'started_at', 'site', 'path', 'url', 'title', 'highlighted', 'term', 'count'];

export interface ExportChoices {
  /** Sites left out of the file. */
  droppedSites: ReadonlySet<string>;
  /** Site → its salted hash, when the reader chose to hash site names; null keeps names. */
  hashedSites: ReadonlyMap<string, string> | null;
}

/** A visit as it goes into a file: numbered within the file, its site perhaps hashed. */
export interface ExportedVisit {
  visit: number;
  startedAt: string;
  site: string;
  path?: string;
  url?: string;
  title?: string;
  highlighted: boolean;
  terms: Record<string, number>;
}

/**
 * The visits as exported, oldest first. With hashed site names the address and title are left out
 * too: they name the site. The path stays (it rarely names a site, and the preview shows it).
 */
export function* exportedVisits(visits: Iterable<VisitRecord>, choices: ExportChoices): Generator<ExportedVisit> {
  let visit = 0;
  for (const record of visits) {
    if (choices.droppedSites.has(record.site)) continue;
    const hashed = choices.hashedSites?.get(record.site);
    const exported: ExportedVisit = {
      visit: ++visit,
      startedAt: new Date(record.startedAt).toISOString(),
      site: hashed ?? record.site,
      highlighted: record.highlighted,
      terms: { ...record.terms },
    };
    if (record.path !== undefined) exported.path = record.path;
    if (hashed === undefined && record.url !== undefined) exported.url = record.url;
    if (hashed === undefined && record.title !== undefined) exported.title = record.title;
    yield exported;
  }
}

/** One CSV field: quoted when it holds a comma, a quote or a line break, with quotes doubled (RFC 4180, 2.6–2.7). */
export function csvField(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (fields: (string | number | boolean | undefined)[]) => `${fields.map(csvField).join(',')}\r\n`;

/** The CSV rows of one exported visit: one per term, terms in a stable (alphabetical) order. */
export function csvRows(visit: ExportedVisit): string {
  let rows = '';
  for (const term of Object.keys(visit.terms).sort()) {
    rows += csvLine([
      visit.visit,
      visit.startedAt,
      visit.site,
      visit.path,
      visit.url,
      visit.title,
      visit.highlighted,
      term,
      visit.terms[term],
    ]);
  }
  return rows;
}

/** The CSV file in pieces of at most `chunkVisits` visits each, the header first; lines end in CRLF. */
export function* csvChunks(visits: Iterable<ExportedVisit>, chunkVisits = 1000): Generator<string> {
  yield csvLine(CSV_COLUMNS);
  let chunk = '';
  let inChunk = 0;
  for (const visit of visits) {
    chunk += csvRows(visit);
    if (++inChunk >= chunkVisits) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

export interface JsonExportHead {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Whether `site` holds salted SHA-256 hashes instead of names (the salt is not in the file). */
  sitesHashed: boolean;
  /** Sites the reader left out, counted (not named). */
  sitesDropped: number;
}

/** The JSON file in pieces: `{ ...head, "visits": [ ... ] }`, one visit a line. */
export function* jsonChunks(
  head: JsonExportHead,
  visits: Iterable<ExportedVisit>,
  chunkVisits = 1000,
): Generator<string> {
  const opening = JSON.stringify(head, null, 2);
  yield `${opening.slice(0, -2)},\n  "visits": [`;
  let chunk = '';
  let count = 0;
  for (const visit of visits) {
    chunk += `${count === 0 ? '' : ','}\n    ${JSON.stringify(visit)}`;
    if (++count % chunkVisits === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${count === 0 ? ']' : '\n  ]'}\n}\n`;
}

/** What the dashboard asks the worker to build: the period's visits as a file, with the reader's choices. */
export interface ExportRequest {
  format: ExportFormat;
  /** The period's first day (periodFirstDay; '' for everything kept). */
  firstDay: string;
  /** Which reading of the log the dashboard shows (see VisitQuery). */
  snapshot: number;
  choices: ExportChoices;
  now: number;
}

/** A file as built: its bytes in pieces, and how many visits it holds. */
export interface ExportFile {
  parts: Uint8Array<ArrayBuffer>[];
  visits: number;
}

/**
 * A file ready to save: its bytes as one Blob, and how many visits it holds. The Blob is made where
 * the file was built (the dashboard's worker) and crosses to the page by reference: the page never
 * copies the bytes (copying 14 MB into a Blob was the page's longest task during an export).
 */
export interface ExportBlob {
  blob: Blob;
  visits: number;
}

/** The file as one Blob of its format's media type. */
export function exportBlob(format: ExportFormat, file: ExportFile): ExportBlob {
  return { blob: new Blob(file.parts, { type: EXPORT_TYPES[format] }), visits: file.visits };
}

/**
 * The file of `visits` (oldest first), in chunks of 1,000 visits, each encoded to bytes as it is
 * made (a Blob of strings would encode them all at once). `onProgress` gets the share of visits done.
 */
export function buildExport(
  format: ExportFormat,
  visits: readonly VisitRecord[],
  choices: ExportChoices,
  now: number,
  onProgress: (done: number) => void = () => {},
): ExportFile {
  let read = 0;
  let written = 0;
  function* reading() {
    for (const visit of visits) {
      read++;
      yield visit;
    }
  }
  function* counting() {
    for (const visit of exportedVisits(reading(), choices)) {
      written++;
      yield visit;
    }
  }
  const head: JsonExportHead = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    sitesHashed: choices.hashedSites !== null,
    sitesDropped: choices.droppedSites.size,
  };
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (const chunk of format === 'csv' ? csvChunks(counting()) : jsonChunks(head, counting())) {
    parts.push(encoder.encode(chunk));
    onProgress(visits.length === 0 ? 1 : read / visits.length);
  }
  return { parts, visits: written };
}

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A fresh salt: 16 random bytes as hex. One per export unless the reader types one in to link exports. */
export function randomSalt(): string {
  return hex(crypto.getRandomValues(new Uint8Array(16)));
}

/** SHA-256 (Web Crypto) of `salt:site`, as hex. The same salt gives the same hash, so exports can be linked. */
export async function hashSiteName(site: string, salt: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${site}`)));
}

export async function hashSiteNames(sites: Iterable<string>, salt: string): Promise<Map<string, string>> {
  const unique = [...new Set(sites)];
  const hashes = await Promise.all(unique.map((site) => hashSiteName(site, salt)));
  return new Map(unique.map((site, index) => [site, hashes[index] ?? '']));
}

/** The file name for an export made at `now`, by the reader's own calendar: research-log-2026-12-03.csv. */
export function exportFileName(format: 'csv' | 'json', now: number): string {
  const date = new Date(now);
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0'));
  return `research-log-${day.join('-')}.${format}`;
}
