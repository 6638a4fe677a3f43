import { storage } from 'wxt/utils/storage';
import {
  type ErasureMarks,
  LOG_SETTINGS_VERSION,
  type LogSettings,
  type LogStatus,
  readLogSettings,
  readLogStatus,
} from '@/utils/research-log-settings';

/*
 * The research log's small state, apart from its database:
 * - `researchLog` (storage.local, versioned: `researchLog$` = { v }): its settings. On this device
 *   only: never storage.sync, never the settings file (docs/decisions/050-…).
 * - `researchLogStatus` (storage.local): visits that could not be saved, for the notices.
 * - `researchLogErased` (storage.session): when each site (or everything) was last deleted, so that
 *   pages still open then do not bring their visits back. Gone when the browser closes, with the pages.
 * Content scripts never read any of these: the log costs pages nothing.
 */

const settingsItem = storage.defineItem<unknown>('local:researchLog', {
  fallback: null,
  version: LOG_SETTINGS_VERSION,
  // Version 1 is the first; a later shape adds its step here (e.g. 2: (v1) => …) and readers stay tolerant.
  migrations: {},
});
const statusItem = storage.defineItem<unknown>('local:researchLogStatus', { fallback: null });
const erasedItem = storage.defineItem<ErasureMarks>('session:researchLogErased', { fallback: {} });

export async function loadLogSettings(): Promise<LogSettings> {
  try {
    return readLogSettings(await settingsItem.getValue());
  } catch {
    return readLogSettings(null);
  }
}

export function saveLogSettings(settings: LogSettings): Promise<void> {
  return settingsItem.setValue(settings);
}

/** Applies `change` to the stored settings and saves them; resolves with what was saved. */
export async function updateLogSettings(change: (current: LogSettings) => LogSettings): Promise<LogSettings> {
  const next = readLogSettings(change(await loadLogSettings()));
  await saveLogSettings(next);
  return next;
}

export function watchLogSettings(onChange: (settings: LogSettings) => void): () => void {
  return settingsItem.watch((value) => onChange(readLogSettings(value)));
}

export async function loadLogStatus(): Promise<LogStatus> {
  try {
    return readLogStatus(await statusItem.getValue());
  } catch {
    return readLogStatus(null);
  }
}

export async function updateLogStatus(change: (current: LogStatus) => LogStatus): Promise<void> {
  await statusItem.setValue(change(await loadLogStatus()));
}

export function watchLogStatus(onChange: (status: LogStatus) => void): () => void {
  return statusItem.watch((value) => onChange(readLogStatus(value)));
}

export async function loadErasureMarks(): Promise<ErasureMarks> {
  try {
    return { ...(await erasedItem.getValue()) };
  } catch {
    return {};
  }
}

export function saveErasureMarks(marks: ErasureMarks): Promise<void> {
  return erasedItem.setValue(marks);
}
