import { SettingsNotSavedError, type StorageFailure, storageFailureOf } from '@/utils/storage-failure';

/**
 * What the popup and the options page tell the user after a save that did not go as planned: where
 * the change went, or that it was not kept, and why, in words rather than the browser's codes.
 */

function reason({ area, kind, detail }: StorageFailure): string {
  const where = area === 'sync' ? 'sync storage' : "this device's storage for the extension";
  switch (kind) {
    case 'full':
      return `${where} is full`;
    case 'too-large':
      return area === 'sync' ? 'your settings are too large to sync' : 'your settings are too large to store';
    case 'too-many-items':
      return `${where} holds too many items`;
    case 'rate-limited':
      return 'sync has taken all the changes it allows for now';
    case 'unavailable':
      return `${where} is not available`;
    case 'unknown':
      return `${where} refused it (${detail})`;
  }
}

/** A change kept in local storage because sync refused it. */
export function savedLocallyMessage(syncRefused: StorageFailure): string {
  const after = syncRefused.kind === 'rate-limited' ? ' Your next change will try sync again.' : '';
  return `Saved on this device only: ${reason(syncRefused)}.${after}`;
}

/** A change no area took. `error` is what the save threw. */
export function notSavedMessage(error: unknown): string {
  const failures = error instanceof SettingsNotSavedError ? error.failures : [storageFailureOf('local', error)];
  const reasons = failures.map(reason);
  const said = reasons.length > 1 ? `${reasons.slice(0, -1).join(', ')} and ${reasons.at(-1)}` : (reasons[0] ?? '');
  return `Could not save: ${said}. Your change was not kept.`;
}

/** What to show after a save: nothing when it synced. */
export interface SaveNotice {
  kind: 'saved-locally' | 'not-saved';
  text: string;
}

export function noticeAfterSave(syncRefused: StorageFailure | undefined): SaveNotice | null {
  return syncRefused ? { kind: 'saved-locally', text: savedLocallyMessage(syncRefused) } : null;
}

export function noticeAfterFailure(error: unknown): SaveNotice {
  return { kind: 'not-saved', text: notSavedMessage(error) };
}
