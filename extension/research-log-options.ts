import { browser } from 'wxt/browser';
import type { ResearchLogServices } from '@/components/ResearchLogSection';
import { indexedDbWorks } from './research-log-probe';
import {
  loadLogSettings,
  loadLogStatus,
  updateLogSettings,
  watchLogSettings,
  watchLogStatus,
} from './research-log-storage';

/** The options page's research-log section, with the browser's storage. */
export function researchLogSectionServices(): ResearchLogServices {
  return {
    loadSettings: loadLogSettings,
    watchSettings: watchLogSettings,
    updateSettings: updateLogSettings,
    loadStatus: loadLogStatus,
    watchStatus: watchLogStatus,
    databaseWorks: indexedDbWorks,
    now: Date.now,
    dashboardUrl: browser.runtime.getURL('/dashboard.html'),
  };
}
