import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResearchLogDatabase, visitsSince } from '@/extension/research-log-db';
import {
  FLUSH_AT_VISITS,
  type RecorderServices,
  type ReportSender,
  ResearchLogRecorder,
} from '@/extension/research-log-recorder';
import { type DayTotals, dayTotalsOf } from '@/utils/research-log-days';
import {
  DEFAULT_LOG_SETTINGS,
  EMPTY_LOG_STATUS,
  type ErasureMarks,
  type LogSettings,
  type LogStatus,
} from '@/utils/research-log-settings';
import { MAX_TERM_COUNT } from '@/utils/research-log-visits';

let names = 0;
const databases: ResearchLogDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const ON: LogSettings = { ...DEFAULT_LOG_SETTINGS, enabled: true, enabledAt: 1000 };

/** A recorder with its settings, erasure marks and status in memory, and a fresh database. */
function setUp(settings: LogSettings = ON, { now = 5000 } = {}) {
  const db = new ResearchLogDatabase(`recorder-${++names}`);
  databases.push(db);
  const state = {
    settings,
    marks: {} as ErasureMarks,
    status: { ...EMPTY_LOG_STATUS } as LogStatus,
    now,
    watchers: [] as ((settings: LogSettings) => void)[],
    pageLoadWatchers: new Set<(tabId: number) => void>(),
  };
  const services: RecorderServices = {
    database: () => db,
    loadSettings: async () => state.settings,
    watchSettings: (onChange) => {
      state.watchers.push(onChange);
      return () => {};
    },
    loadErasureMarks: async () => state.marks,
    saveErasureMarks: async (marks) => {
      state.marks = marks;
    },
    updateStatus: async (change) => {
      state.status = change(state.status);
    },
    countPageTerms: vi.fn(async () => null),
    watchPageLoads: (onLoad) => {
      state.pageLoadWatchers.add(onLoad);
      return () => state.pageLoadWatchers.delete(onLoad);
    },
    now: () => state.now,
  };
  const recorder = new ResearchLogRecorder(services);
  const change = (next: LogSettings) => {
    state.settings = next;
    for (const watcher of state.watchers) watcher(next);
  };
  const stored = async () =>
    (await visitsSince(db, '')).map(({ site, path, url, title, terms, total, highlighted, startedAt }) => ({
      site,
      ...(path === undefined ? {} : { path }),
      ...(url === undefined ? {} : { url }),
      ...(title === undefined ? {} : { title }),
      terms,
      total,
      highlighted,
      startedAt,
    }));
  /** The day totals kept are exactly those of the visits kept (compared as plain data). */
  const consistent = async () => {
    const plain = (days: DayTotals[]) =>
      days.map((totals) => ({ ...totals, terms: [...totals.terms].sort(), sites: [...totals.sites].sort() }));
    expect(plain(await db.days.toArray())).toEqual(plain(dayTotalsOf(await db.visits.toArray())));
  };
  return { recorder, services, state, db, change, stored, consistent };
}

const sender = (tabId: number, url: string, change: Partial<ReportSender> = {}): ReportSender => ({
  tabId,
  frameId: 0,
  url,
  title: 'The page title',
  ...change,
});

describe('ResearchLogRecorder', () => {
  it('records nothing while the log is off, and never opens the database', async () => {
    const { recorder, services, stored } = setUp(DEFAULT_LOG_SETTINGS);
    const database = vi.spyOn(services, 'database');
    await recorder.report(sender(1, 'https://a.org/x'), { since: 2000, terms: { ssri: 3 } });
    await recorder.flush();
    expect(database).not.toHaveBeenCalled();
    expect(await stored()).toEqual([]);
  });

  it('records a visit per page load, re-reports updating it, site only by default', async () => {
    const { recorder, stored } = setUp();
    await recorder.report(sender(1, 'https://a.org/x?q=1'), { since: 2000, terms: { ssri: 3 } });
    await recorder.report(sender(1, 'https://a.org/x?q=1'), { since: 2000, terms: { ssri: 4, anxiety: 1 } });
    await recorder.report(sender(2, 'https://b.org/'), { since: 2500, terms: { ketamine: 1 } });
    // The same tab loads another page (or a single-page app another view): another visit.
    await recorder.report(sender(1, 'https://a.org/y'), { since: 3000, terms: { ssri: 1 } });
    await recorder.flush();
    expect(await stored()).toEqual([
      { site: 'a.org', terms: { ssri: 4, anxiety: 1 }, total: 5, highlighted: true, startedAt: 2000 },
      { site: 'b.org', terms: { ketamine: 1 }, total: 1, highlighted: true, startedAt: 2500 },
      { site: 'a.org', terms: { ssri: 1 }, total: 1, highlighted: true, startedAt: 3000 },
    ]);
  });

  it('updates a visit written in an earlier batch (or before the background restarted)', async () => {
    const { recorder, services, stored } = setUp();
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 3 } });
    await recorder.flush();
    const restarted = new ResearchLogRecorder(services);
    await restarted.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 2, serotonin: 5 } });
    await restarted.flush();
    expect(await stored()).toEqual([
      { site: 'a.org', terms: { ssri: 3, serotonin: 5 }, total: 8, highlighted: true, startedAt: 2000 },
    ]);
  });

  it.each([
    ['site' as const, { site: 'a.org' }],
    ['site-path' as const, { site: 'a.org', path: '/health/x' }],
    [
      'full' as const,
      { site: 'a.org', path: '/health/x', url: 'https://a.org/health/x?id=4', title: 'The page title' },
    ],
  ])('keeps as much of the address as asked: %s', async (detail, place) => {
    const { recorder, stored } = setUp({ ...ON, detail });
    await recorder.report(sender(1, 'https://a.org/health/x?id=4#top'), { since: 2000, terms: { ssri: 1 } });
    await recorder.flush();
    expect(await stored()).toEqual([{ ...place, terms: { ssri: 1 }, total: 1, highlighted: true, startedAt: 2000 }]);
  });

  it('ignores sub-frames, pages loaded before opt-in, never-log sites, pages without terms and bad reports', async () => {
    const { recorder, stored } = setUp({ ...ON, neverLog: ['private.org'] });
    await recorder.report(sender(1, 'https://a.org/', { frameId: 3 }), { since: 2000, terms: { ssri: 1 } });
    await recorder.report(sender(2, 'https://a.org/'), { since: 999, terms: { ssri: 1 } });
    await recorder.report(sender(3, 'https://www.private.org/'), { since: 2000, terms: { ssri: 1 } });
    await recorder.report(sender(4, 'https://a.org/'), { since: 2000, terms: {} });
    await recorder.report(sender(5, 'https://a.org/'), { since: 'yesterday', terms: { ssri: 1 } });
    await recorder.report(sender(6, 'https://a.org/'), 42);
    await recorder.report(sender(7, 'about:blank'), { since: 2000, terms: { ssri: 1 } });
    await recorder.report(sender(8, undefined as unknown as string), { since: 2000, terms: { ssri: 1 } });
    await recorder.flush();
    expect(await stored()).toEqual([]);
  });

  it('caps absurd counts and keeps the total consistent', async () => {
    const { recorder, stored } = setUp();
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 1e12, anxiety: 2 } });
    await recorder.flush();
    expect(await stored()).toEqual([
      {
        site: 'a.org',
        terms: { ssri: MAX_TERM_COUNT, anxiety: 2 },
        total: MAX_TERM_COUNT + 2,
        highlighted: true,
        startedAt: 2000,
      },
    ]);
  });

  it('stops at once when turned off; what was kept stays', async () => {
    const { recorder, change, stored } = setUp();
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 1 } });
    await recorder.flush();
    change({ ...ON, enabled: false });
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 9 } });
    await recorder.report(sender(2, 'https://b.org/'), { since: 3000, terms: { ssri: 9 } });
    await recorder.flush();
    expect(await stored()).toEqual([
      { site: 'a.org', terms: { ssri: 1 }, total: 1, highlighted: true, startedAt: 2000 },
    ]);
  });

  it('writes a batch on its own soon after the first report', async () => {
    const { recorder, stored } = setUp();
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 1 } });
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1), { timeout: 10_000 });
  });

  it(`writes at once when ${FLUSH_AT_VISITS} visits wait`, async () => {
    const { recorder, db } = setUp();
    // The batch's own timer is held back, so only the count of waiting visits can start the write.
    const timers = vi.spyOn(globalThis, 'setTimeout').mockImplementation((() => 0) as unknown as typeof setTimeout);
    try {
      for (let tab = 0; tab < FLUSH_AT_VISITS; tab++) {
        await recorder.report(sender(tab, 'https://a.org/'), { since: 2000, terms: { ssri: 1 } });
      }
    } finally {
      timers.mockRestore();
    }
    await vi.waitFor(async () => expect(await db.visits.count()).toBe(FLUSH_AT_VISITS), { timeout: 10_000 });
  }, 30_000);

  it('deletes a site or everything at once, waiting entries too, and pages still open do not bring theirs back', async () => {
    const { recorder, stored, state, consistent, db } = setUp();
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 1 } });
    await recorder.report(sender(2, 'https://b.org/'), { since: 2000, terms: { ssri: 1 } });
    await recorder.flush();
    await recorder.report(sender(3, 'https://a.org/more'), { since: 2100, terms: { ssri: 1 } });
    state.now = 6000;
    await recorder.erase('a.org');
    expect((await stored()).map((visit) => visit.site)).toEqual(['b.org']);
    // The tab still open re-reports: not recorded again. A page loaded after the deletion is.
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 5 } });
    await recorder.report(sender(4, 'https://a.org/new'), { since: 6500, terms: { ssri: 1 } });
    await recorder.flush();
    expect((await stored()).map((visit) => [visit.site, visit.startedAt])).toEqual([
      ['b.org', 2000],
      ['a.org', 6500],
    ]);
    expect(state.marks).toEqual({ 'a.org': 6000 });
    await consistent();

    state.now = 7000;
    await recorder.report(sender(2, 'https://b.org/'), { since: 2000, terms: { ssri: 2 } });
    await recorder.erase(null);
    await recorder.flush();
    expect(await stored()).toEqual([]);
    expect(await db.days.count()).toBe(0);
    expect(state.marks).toEqual({ 'a.org': 6000, '*': 7000 });
  });

  it('storage full: drops the newest batch, keeps the older entries, says so, and does not crash', async () => {
    const { recorder, db, state, stored, consistent } = setUp();
    await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 1 } });
    await recorder.flush();
    const bulkPut = vi
      .spyOn(db.visits, 'bulkPut')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await recorder.report(sender(2, 'https://b.org/'), { since: 3000, terms: { ssri: 1 } });
    await recorder.report(sender(3, 'https://c.org/'), { since: 3000, terms: { ssri: 1 } });
    await recorder.flush();
    expect(state.status).toEqual({ droppedVisits: 2, fullSince: 5000, failedVisits: 0 });
    bulkPut.mockRestore();
    expect((await stored()).map((visit) => visit.site)).toEqual(['a.org']);
    await consistent();
    // Recording goes on once there is room; a deletion clears the notice.
    await recorder.report(sender(4, 'https://d.org/'), { since: 3000, terms: { ssri: 1 } });
    await recorder.flush();
    expect((await stored()).map((visit) => visit.site)).toEqual(['a.org', 'd.org']);
    await consistent();
    await recorder.erase('d.org');
    expect(state.status).toEqual(EMPTY_LOG_STATUS);
  });

  it('another database failure is tried again, then counted as lost, never thrown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { recorder, db, state } = setUp();
      const bulkPut = vi.spyOn(db.visits, 'bulkPut').mockRejectedValue(new DOMException('closed', 'InvalidStateError'));
      await recorder.report(sender(1, 'https://a.org/'), { since: 2000, terms: { ssri: 1 } });
      await recorder.flush();
      expect(state.status.failedVisits).toBe(0);
      for (let retry = 0; retry < 2; retry++) {
        await vi.advanceTimersByTimeAsync(10_000);
        await recorder.flush();
      }
      expect(bulkPut.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(state.status.failedVisits).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('pages without highlights: asked for their counts only when the reader wants them', async () => {
    const quiet = {
      since: 2000,
      terms: { depression: 2 },
      highlighted: false,
      url: 'https://quiet.org/page',
      title: 'Quiet',
    };
    const without = setUp();
    vi.mocked(without.services.countPageTerms).mockResolvedValue(quiet);
    await without.recorder.report(sender(1, 'https://quiet.org/page'), null);
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(without.services.countPageTerms).not.toHaveBeenCalled();

    const withThem = setUp({ ...ON, includeUnhighlighted: true, detail: 'full' });
    vi.mocked(withThem.services.countPageTerms).mockResolvedValue(quiet);
    await withThem.recorder.report(sender(1, 'https://quiet.org/page'), null);
    await vi.waitFor(() => expect(withThem.services.countPageTerms).toHaveBeenCalledWith(1), { timeout: 10_000 });
    await withThem.recorder.flush();
    expect(await withThem.stored()).toEqual([
      {
        site: 'quiet.org',
        path: '/page',
        url: 'https://quiet.org/page',
        title: 'Quiet',
        terms: { depression: 2 },
        total: 2,
        highlighted: false,
        startedAt: 2000,
      },
    ]);
  });

  it('pages without highlights: a loaded page is asked for its counts, only while the reader wants them', async () => {
    const quiet = { since: 3000, terms: { anxiety: 1 }, highlighted: false, url: 'https://quiet.org/', title: 'Q' };
    const { recorder, services, state, change, stored } = setUp();
    vi.mocked(services.countPageTerms).mockResolvedValue(quiet);
    await recorder.whenReady();
    expect(state.pageLoadWatchers.size).toBe(0);

    change({ ...ON, includeUnhighlighted: true });
    expect(state.pageLoadWatchers.size).toBe(1);
    for (const loaded of state.pageLoadWatchers) loaded(7);
    await vi.waitFor(() => expect(services.countPageTerms).toHaveBeenCalledWith(7), { timeout: 10_000 });
    await recorder.flush();
    expect((await stored()).map(({ site, highlighted }) => ({ site, highlighted }))).toEqual([
      { site: 'quiet.org', highlighted: false },
    ]);

    change({ ...ON, includeUnhighlighted: false });
    expect(state.pageLoadWatchers.size).toBe(0);
  });

  it('prunes entries older than the reader keeps them, on start and when the setting changes', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    const now = 400 * DAY;
    const { recorder, change, stored, state, consistent } = setUp({ ...ON, retentionDays: null }, { now });
    await recorder.whenReady();
    await recorder.report(sender(1, 'https://old.org/'), { since: now - 100 * DAY, terms: { ssri: 1 } });
    await recorder.report(sender(2, 'https://new.org/'), { since: now - 10 * DAY, terms: { ssri: 1 } });
    await recorder.flush();
    expect(await stored()).toHaveLength(2);
    change({ ...state.settings, retentionDays: 30 });
    await vi.waitFor(async () => expect((await stored()).map((visit) => visit.site)).toEqual(['new.org']), {
      timeout: 10_000,
    });
    await consistent();
  });
});
