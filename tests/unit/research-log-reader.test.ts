import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResearchLogDatabase, saveVisits, visitsSince } from '@/extension/research-log-db';
import { answerRequest, LogReader, type ReaderAnswer, visitPageInTimeOrder } from '@/extension/research-log-reader';
import { localDay } from '@/utils/research-log-days';
import { csvChunks, type ExportChoices, exportedVisits, jsonChunks } from '@/utils/research-log-export';
import { type VisitOrder, type VisitQuery, visitRows } from '@/utils/research-log-summary';
import type { VisitRecord, VisitUpdate } from '@/utils/research-log-visits';

let names = 0;
const opened: ResearchLogDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(2026, 11, 5, 15).getTime();
const TERM_NAMES = { ssri: 'SSRI', ketamine: 'Ketamine', anxiety: 'Anxiety' };
const TERMS = Object.keys(TERM_NAMES);

/** A log of `count` visits over the last ten days, to three sites, some with a path. */
async function logOf(count: number) {
  const db = new ResearchLogDatabase(`reader-${++names}`);
  opened.push(db);
  const updates: VisitUpdate[] = Array.from({ length: count }, (_, i) => ({
    key: `${i}:1`,
    since: NOW - 10 * DAY + Math.floor((i * 10 * DAY) / count),
    at: NOW,
    site: ['a.org', 'b.org', 'c.org'][i % 3] as string,
    ...(i % 4 === 0 ? { path: `/page-${i}` } : {}),
    highlighted: i % 5 !== 0,
    terms: { [TERMS[i % 3] as string]: 1 + (i % 7), ...(i % 2 ? { ssri: 2 } : {}) },
  }));
  await saveVisits(db, updates);
  return db;
}

const query = (change: Partial<VisitQuery> = {}): VisitQuery => ({
  firstDay: '',
  snapshot: 1,
  filter: '',
  order: { column: 'time', descending: true },
  page: 0,
  pageSize: 10,
  ...change,
});
const keys = (rows: VisitRecord[]) => rows.map((row) => row.key);

describe('the table, a page at a time', () => {
  it.each<[string, VisitOrder, number]>([
    ['newest first, first page', { column: 'time', descending: true }, 0],
    ['newest first, a later page', { column: 'time', descending: true }, 3],
    ['oldest first', { column: 'time', descending: false }, 1],
    ['past the last page: the last', { column: 'time', descending: true }, 99],
  ])('in time order through the index: %s, as visitRows orders them', async (_name, order, page) => {
    const db = await logOf(45);
    const firstDay = localDay(NOW - 5 * DAY);
    const all = visitRows(await visitsSince(db, firstDay), '', order);
    const answer = await visitPageInTimeOrder(db, query({ firstDay, order, page }));
    const shown = Math.min(page, Math.ceil(all.length / 10) - 1);
    expect(answer).toMatchObject({ count: all.length, page: shown, order });
    expect(keys(answer.rows)).toEqual(keys(all.slice(shown * 10, shown * 10 + 10)));
  });

  it.each<[string, string, VisitOrder]>([
    ['by site', '', { column: 'site', descending: false }],
    ['by occurrences', '', { column: 'total', descending: true }],
    ['filtered by a term name', 'ketam', { column: 'time', descending: true }],
    ['filtered by a path, by site', 'page-1', { column: 'site', descending: true }],
    ['nothing matches', 'zzz', { column: 'time', descending: true }],
  ])('in any other order or with a filter, off the page: %s', async (_name, filter, order) => {
    const db = await logOf(45);
    const reader = new LogReader(() => db);
    const all = visitRows(await visitsSince(db, ''), filter, order, (id) => TERM_NAMES[id as 'ssri'] ?? id);
    for (const page of [0, 1, 7]) {
      const answer = await reader.page(query({ filter, order, page }), TERM_NAMES);
      const shown = Math.max(0, Math.min(page, Math.ceil(all.length / 10) - 1));
      expect(answer.count).toBe(all.length);
      expect(answer.page).toBe(shown);
      expect(keys(answer.rows)).toEqual(keys(all.slice(shown * 10, shown * 10 + 10)));
    }
  });

  it('reads the period once per reading of the log: a new snapshot reads it again', async () => {
    const db = await logOf(12);
    const reader = new LogReader(() => db);
    const read = vi.spyOn(db.visits, 'where');
    const bySite = query({ order: { column: 'site', descending: false } });
    expect((await reader.page(bySite, TERM_NAMES)).count).toBe(12);
    await saveVisits(db, [{ key: 'new:1', since: NOW, at: NOW, site: 'd.org', highlighted: true, terms: { ssri: 1 } }]);
    read.mockClear();
    expect((await reader.page({ ...bySite, page: 1 }, TERM_NAMES)).count).toBe(12);
    expect(read).not.toHaveBeenCalled();
    expect((await reader.page({ ...bySite, snapshot: 2 }, TERM_NAMES)).count).toBe(13);
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('the export, off the page', () => {
  it.each(['csv', 'json'] as const)('%s: exactly the file of the period’s visits, oldest first', async (format) => {
    const db = await logOf(2500);
    const reader = new LogReader(() => db);
    const firstDay = localDay(NOW - 3 * DAY);
    const choices: ExportChoices = {
      droppedSites: new Set(['b.org']),
      hashedSites: new Map([['a.org', 'f'.repeat(64)]]),
    };
    const progress: number[] = [];
    const file = await reader.exportFile({ format, firstDay, snapshot: 1, choices, now: NOW }, (done) =>
      progress.push(done),
    );
    // The period's visits in time order, as schema 1 read them through its startedAt index.
    const visits = (await db.visits.toArray())
      .filter((visit) => visit.startedAt >= new Date(NOW - 3 * DAY).setHours(0, 0, 0, 0))
      .sort((a, b) => a.startedAt - b.startedAt);
    const head = {
      format: 'mental-health-explainer/research-log',
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      sitesHashed: true,
      sitesDropped: 1,
    } as const;
    const expected =
      format === 'csv'
        ? [...csvChunks(exportedVisits(visits, choices))].join('')
        : [...jsonChunks(head, exportedVisits(visits, choices))].join('');
    expect(await file.blob.text()).toBe(expected);
    expect(file.blob.type).toBe(format === 'csv' ? 'text/csv' : 'application/json');
    expect(file.visits).toBe(visits.filter((visit) => visit.site !== 'b.org').length);
    expect(progress.at(-1)).toBe(1);
  });
});

describe('answerRequest: the worker’s messages', () => {
  it('a page; an export with its progress, then its Blob; an error said, never thrown', async () => {
    const db = await logOf(30);
    const reader = new LogReader(() => db);
    const answers: [ReaderAnswer][] = [];
    const answer = (message: ReaderAnswer) => answers.push([message]);

    await answerRequest(
      reader,
      { id: 1, task: 'page', query: query({ filter: 'a.org' }), termNames: TERM_NAMES },
      answer,
    );
    expect(answers[0]?.[0]).toMatchObject({ id: 1, page: { count: 10 } });

    const request = {
      format: 'csv' as const,
      firstDay: '',
      snapshot: 1,
      choices: { droppedSites: new Set<string>(), hashedSites: null },
      now: NOW,
    };
    await answerRequest(reader, { id: 2, task: 'export', request }, answer);
    const [last] = answers.at(-1) ?? [];
    expect(answers.slice(1, -1).every(([message]) => message.id === 2 && 'progress' in message)).toBe(true);
    expect(last).toMatchObject({ id: 2, file: { visits: 30 } });
    const blob = last && 'file' in last ? last.file.blob : null;
    const lines = ((await blob?.text()) ?? '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('visit,started_at,site,path,url,title,highlighted,term,count');
    expect(lines.at(-1)?.split(',')[0]).toBe('30');

    const broken = new LogReader(() => {
      throw new DOMException('gone', 'InvalidStateError');
    });
    await answerRequest(broken, { id: 3, task: 'page', query: query({ snapshot: 9 }), termNames: {} }, answer);
    expect(answers.at(-1)?.[0]).toEqual({ id: 3, error: 'InvalidStateError: gone' });
  });
});
