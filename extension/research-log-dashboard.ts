import { browser } from 'wxt/browser';
import type { DashboardServices } from '@/components/DashboardApp';
import { EMPTY_LOG_STATUS } from '@/utils/research-log-settings';
import { sendMessage } from './messages';
import { ResearchLogDatabase, researchLogExists, visitsSince } from './research-log-db';
import { loadLogSettings, loadLogStatus, updateLogStatus } from './research-log-storage';

/** Saves a file the page made, as a download (the browser asks where, or uses its downloads folder). */
export function saveFile(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // Revoking at once can cancel a download that has not read the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The dashboard, reading the database itself; deletions go through the background, which also drops what waits to be written. */
export function dashboardServices(): DashboardServices {
  let db: ResearchLogDatabase | null = null;
  const database = () => {
    db ??= new ResearchLogDatabase();
    return db;
  };
  return {
    async loadVisits(from) {
      return (await researchLogExists()) ? visitsSince(database(), from) : [];
    },
    async hasEntries() {
      return (await researchLogExists()) && (await database().visits.count()) > 0;
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
