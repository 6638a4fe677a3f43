import { browser } from 'wxt/browser';
import {
  ALL_SITES,
  type ErasureMarks,
  erasedAtFor,
  type LogSettings,
  type LogStatus,
  retentionCutoff,
} from '@/utils/research-log-settings';
import {
  combineUpdates,
  readTermReport,
  recordDecision,
  type TermReport,
  type VisitUpdate,
  visitKey,
  visitPlace,
} from '@/utils/research-log-visits';
import { type PageTermCount, sendMessage } from './messages';
import { eraseVisits, isQuotaError, pruneVisits, ResearchLogDatabase, saveVisits } from './research-log-db';
import {
  loadErasureMarks,
  loadLogSettings,
  saveErasureMarks,
  updateLogStatus,
  watchLogSettings,
} from './research-log-storage';

/** A batch is written this long after its first report: soon enough that a stopped service worker loses at most this. */
export const FLUSH_DELAY_MS = 1000;
/** …or at once when this many visits wait. */
export const FLUSH_AT_VISITS = 200;
/** A write that failed for another reason than a full disk is tried again after these delays, then counted as lost. */
export const RETRY_DELAYS_MS = [2000, 10_000];
/** A page without highlights is asked for its counts this long after it said it shows none (its scan is done by then). */
export const PULL_DELAYS_MS = [2000, 10_000];
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Who sent a report: the tab and frame, and what the browser says of the tab. Without the "tabs"
 * permission both browsers still put the tab's address and title in `sender.tab` of a message from a
 * content script (though `tabs.get` leaves them out); `sender.url` is the frame's address when it
 * loaded, which a single-page app's later addresses do not change.
 */
export interface ReportSender {
  tabId: number;
  frameId: number;
  /** The tab's address now (follows a single-page app), else the frame's address when it loaded. */
  url: string | undefined;
  title: string | undefined;
}

export interface RecorderServices {
  database(): ResearchLogDatabase;
  loadSettings(): Promise<LogSettings>;
  watchSettings(onChange: (settings: LogSettings) => void): () => void;
  loadErasureMarks(): Promise<ErasureMarks>;
  saveErasureMarks(marks: ErasureMarks): Promise<void>;
  updateStatus(change: (current: LogStatus) => LogStatus): Promise<void>;
  /** Asks a tab's top frame for its terms, shown or not, with its address and title. */
  countPageTerms(tabId: number): Promise<PageTermCount | null>;
  /**
   * Calls `onLoad(tabId)` each time a tab's page has loaded, until the returned function is called.
   * A page the content script's gate leaves alone sends nothing (decision 020): this is how the log
   * hears of it, only while it records such pages.
   */
  watchPageLoads(onLoad: (tabId: number) => void): () => void;
  now(): number;
}

/**
 * The research log's recorder, in the background. It hears every report the content scripts send
 * for the badge, and when the log is on, keeps each top frame's as a visit: checked, capped, merged
 * with the visit's earlier reports, and written in batches. Off, it returns at once.
 */
export class ResearchLogRecorder {
  private settings: LogSettings | null = null;
  private marks: ErasureMarks = {};
  private readonly ready: Promise<void>;
  private pending = new Map<string, VisitUpdate>();
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pulls = new Map<number, ReturnType<typeof setTimeout>[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastPrune = 0;
  private db: ResearchLogDatabase | null = null;
  private unwatchPageLoads: (() => void) | null = null;

  constructor(private readonly services: RecorderServices) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    this.services.watchSettings((settings) => {
      this.settings = settings;
      if (!settings.enabled || !settings.includeUnhighlighted) this.cancelPulls();
      this.followPageLoads(settings);
      this.lastPrune = 0;
      void this.pruneNow();
    });
    const [settings, marks] = await Promise.all([this.services.loadSettings(), this.services.loadErasureMarks()]);
    this.settings ??= settings;
    this.followPageLoads(this.settings);
    this.marks = { ...marks, ...this.marks };
    void this.pruneNow();
  }

  /**
   * Pages left without highlights are asked for their counts once loaded, only while the reader
   * records them: otherwise no page load reaches the background at all.
   */
  private followPageLoads(settings: LogSettings): void {
    const wanted = settings.enabled && settings.includeUnhighlighted;
    if (wanted && !this.unwatchPageLoads) {
      this.unwatchPageLoads = this.services.watchPageLoads((tabId) => this.schedulePulls(tabId));
    } else if (!wanted && this.unwatchPageLoads) {
      this.unwatchPageLoads();
      this.unwatchPageLoads = null;
    }
  }

  /** Resolves once the settings are known (tests and the background's start wait on it). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** A content script's report (`raw` as received: checked here). */
  async report(sender: ReportSender, raw: unknown): Promise<void> {
    // Frames inside a page are other pages (often other sites'): a visit is the page in the tab.
    if (sender.frameId !== 0) return;
    await this.ready;
    const settings = this.settings;
    if (!settings?.enabled) return;
    if (raw === null) {
      if (settings.includeUnhighlighted) this.schedulePulls(sender.tabId);
      return;
    }
    const report = readTermReport(raw);
    if (report === null) return;
    this.cancelPulls(sender.tabId);
    this.take(sender, report, true, settings);
  }

  private take(sender: ReportSender, report: TermReport, highlighted: boolean, settings: LogSettings): void {
    const place = sender.url === undefined ? null : visitPlace(sender.url, settings.detail);
    if (place === null) return;
    const decision = recordDecision(settings, {
      host: place.site,
      since: report.since,
      terms: report.terms,
      highlighted,
      erasedAt: erasedAtFor(this.marks, place.site),
    });
    if (!decision.record) return;
    const key = visitKey(sender.tabId, report.since);
    const update: VisitUpdate = {
      key,
      since: report.since,
      at: this.services.now(),
      ...place,
      ...(settings.detail === 'full' && sender.title ? { title: sender.title } : {}),
      highlighted,
      terms: report.terms,
    };
    this.pending.set(key, combineUpdates(this.pending.get(key), update));
    if (this.pending.size >= FLUSH_AT_VISITS) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** Writes what waits. A full disk drops this batch (the newest entries) and says so in the status; other failures are retried, then counted. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return this.queue.then(() => {});
    const batch = this.pending;
    this.pending = new Map();
    return this.serially(async () => {
      try {
        await saveVisits(this.database(), [...batch.values()]);
        this.attempts = 0;
      } catch (error) {
        await this.failed(batch, error);
        return;
      }
      if (this.services.now() - this.lastPrune > PRUNE_EVERY_MS) await this.prune();
    });
  }

  private async failed(batch: Map<string, VisitUpdate>, error: unknown): Promise<void> {
    const lost = batch.size;
    if (isQuotaError(error)) {
      this.attempts = 0;
      await this.status((status) => ({
        ...status,
        droppedVisits: status.droppedVisits + lost,
        fullSince: status.fullSince ?? this.services.now(),
      }));
      return;
    }
    const delay = RETRY_DELAYS_MS[this.attempts];
    if (delay === undefined) {
      this.attempts = 0;
      await this.status((status) => ({ ...status, failedVisits: status.failedVisits + lost }));
      return;
    }
    this.attempts++;
    // Back in the queue, under anything newer of the same visits.
    for (const [key, update] of batch) this.pending.set(key, combineUpdates(update, this.pending.get(key) ?? update));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /**
   * Deletes the entries of `site` (null: all), those waiting to be written too, at once. Pages still
   * open that were loaded before now will not bring theirs back.
   */
  async erase(site: string | null): Promise<void> {
    await this.ready;
    this.marks = { ...this.marks, [site ?? ALL_SITES]: this.services.now() };
    for (const [key, update] of this.pending) {
      if (site === null || update.site === site) this.pending.delete(key);
    }
    await this.serially(() => eraseVisits(this.database(), site));
    await this.services.saveErasureMarks(this.marks).catch(() => {});
    // A deletion makes room: the full-disk notice has said what it had to.
    await this.status((status) => ({ ...status, droppedVisits: 0, fullSince: null, failedVisits: 0 }));
  }

  /** Deletes entries older than the reader keeps them. */
  async prune(): Promise<void> {
    const cutoff = this.settings ? retentionCutoff(this.services.now(), this.settings.retentionDays) : null;
    this.lastPrune = this.services.now();
    // Nothing to prune for a log never turned on: its database is not even opened.
    if (cutoff === null || !this.settings || this.settings.enabledAt === 0) return;
    await this.serially(() => pruneVisits(this.database(), cutoff)).catch(() => {});
  }

  private pruneNow(): Promise<void> {
    return this.prune().catch(() => {});
  }

  private schedulePulls(tabId: number): void {
    this.cancelPulls(tabId);
    this.pulls.set(
      tabId,
      PULL_DELAYS_MS.map((delay) => setTimeout(() => void this.pull(tabId).catch(() => {}), delay)),
    );
  }

  private cancelPulls(tabId?: number): void {
    for (const [id, timers] of this.pulls) {
      if (tabId !== undefined && id !== tabId) continue;
      for (const timer of timers) clearTimeout(timer);
      this.pulls.delete(id);
    }
  }

  /** A page that shows no highlights is asked for its counts (only while the reader wants such pages). */
  private async pull(tabId: number): Promise<void> {
    const settings = this.settings;
    if (!settings?.enabled || !settings.includeUnhighlighted) return;
    const answer = await this.services.countPageTerms(tabId).catch(() => null);
    // A page that shows its terms reports them itself.
    if (answer === null || answer.highlighted) return;
    const report = readTermReport(answer);
    if (report === null || typeof answer.url !== 'string') return;
    const title = typeof answer.title === 'string' ? answer.title : undefined;
    this.take({ tabId, frameId: 0, url: answer.url, title }, report, false, settings);
  }

  private database(): ResearchLogDatabase {
    this.db ??= this.services.database();
    return this.db;
  }

  private status(change: (current: LogStatus) => LogStatus): Promise<void> {
    return this.services.updateStatus(change).catch(() => {});
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }
}

/** The recorder with the browser's storage, database and messaging. */
export function researchLogRecorder(): ResearchLogRecorder {
  const recorder = new ResearchLogRecorder({
    database: () => new ResearchLogDatabase(),
    loadSettings: loadLogSettings,
    watchSettings: watchLogSettings,
    loadErasureMarks,
    saveErasureMarks,
    updateStatus: updateLogStatus,
    countPageTerms: (tabId) => sendMessage('countPageTerms', undefined, { tabId, frameId: 0 }),
    watchPageLoads(onLoad) {
      // Without the "tabs" permission the change still says when a page has loaded (not which).
      const listener = (tabId: number, change: { status?: string }) => {
        if (change.status === 'complete') onLoad(tabId);
      };
      browser.tabs.onUpdated.addListener(listener);
      return () => browser.tabs.onUpdated.removeListener(listener);
    },
    now: Date.now,
  });
  // Firefox says when it is about to unload the background; write what waits.
  browser.runtime.onSuspend?.addListener(() => void recorder.flush());
  return recorder;
}
