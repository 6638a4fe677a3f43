import { describe, expect, it } from 'vitest';
import { noticeAfterFailure, noticeAfterSave, notSavedMessage, savedLocallyMessage } from '@/utils/save-messages';
import { SettingsNotSavedError, type StorageFailure, type StorageFailureKind } from '@/utils/storage-failure';

const sync = (kind: StorageFailureKind, detail = ''): StorageFailure => ({ area: 'sync', kind, detail });
const local = (kind: StorageFailureKind, detail = ''): StorageFailure => ({ area: 'local', kind, detail });

describe('savedLocallyMessage', () => {
  it.each<[StorageFailure, string]>([
    [sync('full'), 'Saved on this device only: sync storage is full.'],
    [sync('too-large'), 'Saved on this device only: your settings are too large to sync.'],
    [sync('too-many-items'), 'Saved on this device only: sync storage holds too many items.'],
    [
      sync('rate-limited'),
      'Saved on this device only: sync has taken all the changes it allows for now. Your next change will try sync again.',
    ],
    [sync('unavailable'), 'Saved on this device only: sync storage is not available.'],
    [sync('unknown', 'Sync is paused'), 'Saved on this device only: sync storage refused it (Sync is paused).'],
  ])('%o', (failure, text) => {
    expect(savedLocallyMessage(failure)).toBe(text);
  });
});

describe('notSavedMessage', () => {
  it.each<[string, unknown, string]>([
    [
      'sync full, then local full',
      new SettingsNotSavedError([sync('full'), local('full')]),
      "Could not save: sync storage is full and this device's storage for the extension is full. Your change was not kept.",
    ],
    [
      'no sync, then local full',
      new SettingsNotSavedError([sync('unavailable'), local('full')]),
      "Could not save: sync storage is not available and this device's storage for the extension is full. Your change was not kept.",
    ],
    [
      'an error from elsewhere',
      new Error('QUOTA_BYTES quota exceeded'),
      "Could not save: this device's storage for the extension is full. Your change was not kept.",
    ],
    [
      'an unknown error',
      new TypeError('boom'),
      "Could not save: this device's storage for the extension refused it (boom). Your change was not kept.",
    ],
  ])('%s', (_case, error, text) => {
    expect(notSavedMessage(error)).toBe(text);
  });
});

describe('notices', () => {
  it('says nothing when the change synced', () => {
    expect(noticeAfterSave(undefined)).toBeNull();
  });

  it('tells a change kept on this device from one not kept', () => {
    expect(noticeAfterSave(sync('full'))?.kind).toBe('saved-locally');
    expect(noticeAfterFailure(new Error('QUOTA_BYTES quota exceeded')).kind).toBe('not-saved');
  });
});
