import { browser } from 'wxt/browser';
import type { DashboardServices } from '@/components/DashboardApp';
import type { ExportBlob, ExportRequest } from '@/utils/research-log-export';
import { EMPTY_LOG_STATUS } from '@/utils/research-log-settings';
import { inTimeOrder, type VisitPage, type VisitQuery } from '@/utils/research-log-summary';
import { sendMessage } from './messages';
import { daysSince, firstVisitsSince, ResearchLogDatabase, researchLogExists } from './research-log-db';
import { type ReaderAnswer, type ReaderRequest, visitPageInTimeOrder } from './research-log-reader';
import { loadLogSettings, loadLogStatus, updateLogStatus } from './research-log-storage';
import ReaderWorker from './research-log-worker?worker';

/** Saves a file, as a download (the browser asks where, or uses its downloads folder). */
export function saveFile(fileName: string, file: Blob): void {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // Revoking at once can cancel a download that has not read the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface Waiting {
  resolve(answer: ReaderAnswer): void;
  reject(error: Error): void;
  progress?(done: number): void;
}

/** The dashboard's worker (extension/research-log-worker.ts), started when first needed. */
class ReaderClient {
  private worker: Worker | null = null;
  private ids = 0;
  private readonly waiting = new Map<number, Waiting>();

  page(query: VisitQuery, termNames: Readonly<Record<string, string>>): Promise<VisitPage> {
    return this.ask({ id: 0, task: 'page', query, termNames }).then((answer) => {
      if (!('page' in answer)) throw new Error('the worker answered something else');
      return answer.page;
    });
  }

  exportFile(request: ExportRequest, progress: (done: number) => void): Promise<ExportBlob> {
    return this.ask({ id: 0, task: 'export', request }, progress).then((answer) => {
      if (!('file' in answer)) throw new Error('the worker answered something else');
      return answer.file;
    });
  }

  private ask(request: ReaderRequest, progress?: (done: number) => void): Promise<ReaderAnswer> {
    return new Promise((resolve, reject) => {
      const id = ++this.ids;
      this.waiting.set(id, { resolve, reject, progress });
      this.start().postMessage({ ...request, id });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new ReaderWorker();
    worker.onmessage = ({ data }: MessageEvent<ReaderAnswer>) => {
      const waiting = this.waiting.get(data.id);
      if (!waiting) return;
      if ('progress' in data) {
        waiting.progress?.(data.progress);
        return;
      }
      this.waiting.delete(data.id);
      if ('error' in data) waiting.reject(new Error(data.error));
      else waiting.resolve(data);
    };
    // A worker that failed to start or crashed: what waits fails (the dashboard says so), the next request starts another.
    worker.onerror = (event) => {
      event.preventDefault();
      for (const waiting of this.waiting.values()) waiting.reject(new Error(event.message || 'the worker stopped'));
      this.waiting.clear();
      worker.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}

/**
 * The dashboard, reading the database itself: the day totals and the table's pages in time order on
 * its own thread, everything that reads the whole period in its worker. Deletions go through the
 * background, which also drops what waits to be written.
 */
export function dashboardServices(termNames: Readonly<Record<string, string>>): DashboardServices {
  let db: ResearchLogDatabase | null = null;
  const database = () => {
    db ??= new ResearchLogDatabase();
    return db;
  };
  // Looking must not create the database: until it exists, every read is of nothing.
  let exists = false;
  const opened = async () => {
    exists ||= await researchLogExists();
    return exists ? database() : null;
  };
  const reader = new ReaderClient();
  return {
    async loadDays(firstDay) {
      const log = await opened();
      return log ? daysSince(log, firstDay) : [];
    },
    async loadVisitPage(query) {
      const log = await opened();
      if (!log) return { rows: [], count: 0, page: 0, order: query.order };
      return inTimeOrder(query) ? visitPageInTimeOrder(log, query) : reader.page(query, termNames);
    },
    async previewVisits(firstDay, dropped, count) {
      const log = await opened();
      return log ? firstVisitsSince(log, firstDay, dropped, count) : [];
    },
    exportFile: (request, progress) => reader.exportFile(request, progress),
    async hasEntries() {
      const log = await opened();
      return log !== null && (await log.days.count()) > 0;
    },
    loadSettings: loadLogSettings,
    loadStatus: loadLogStatus,
    dismissStatus: () => updateLogStatus(() => ({ ...EMPTY_LOG_STATUS })),
    erase: (site) => sendMessage('eraseResearchLog', site),
    save: saveFile,
    now: Date.now,
    optionsUrl: browser.runtime.getURL('/options.html'),
    onReady: () => performance.mark('research-log-dashboard-ready'),
  };
}
