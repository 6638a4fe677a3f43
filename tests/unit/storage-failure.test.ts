import { describe, expect, it } from 'vitest';
import { type StorageAreaName, type StorageFailureKind, storageFailureOf } from '@/utils/storage-failure';

describe('storageFailureOf', () => {
  it.each<[string, StorageAreaName, unknown, StorageFailureKind]>([
    ['Chrome 156: sync is full', 'sync', new Error('Resource::kQuotaBytes quota exceeded'), 'full'],
    ['Chrome 156: one item over 8 KB', 'sync', new Error('Resource::kQuotaBytesPerItem quota exceeded'), 'too-large'],
    ['Chrome 156: over 512 items', 'sync', new Error('Resource::kMaxItems quota exceeded'), 'too-many-items'],
    [
      'Chrome 156: writes per minute',
      'sync',
      new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'),
      'rate-limited',
    ],
    ['Chrome 156: local is full', 'local', new Error('Resource::kQuotaBytes quota exceeded'), 'full'],
    ['Chrome: sync is full', 'sync', new Error('QUOTA_BYTES quota exceeded'), 'full'],
    ['Chrome: one item over 8 KB', 'sync', new Error('QUOTA_BYTES_PER_ITEM quota exceeded'), 'too-large'],
    ['Chrome: over 512 items', 'sync', new Error('MAX_ITEMS quota exceeded'), 'too-many-items'],
    ['Chrome: writes per minute', 'sync', new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'), 'rate-limited'],
    ['Chrome: writes per hour', 'sync', new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'), 'rate-limited'],
    ['Chrome: local is full', 'local', new Error('QUOTA_BYTES quota exceeded'), 'full'],
    [
      'Firefox: sync quota',
      'sync',
      new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.'),
      'full',
    ],
    [
      'Firefox: sync switched off',
      'sync',
      new Error('Please set webextensions.storage.sync.enabled to true in about:config'),
      'unavailable',
    ],
    ['no sync area at all', 'sync', new Error('storage.sync is not available'), 'unavailable'],
    ['a string thrown', 'local', 'QUOTA_BYTES quota exceeded', 'full'],
    ['anything else', 'local', new Error('IO error: .../000003.log: No space left'), 'unknown'],
  ])('%s', (_case, area, error, kind) => {
    const failure = storageFailureOf(area, error);
    expect(failure.kind).toBe(kind);
    expect(failure.area).toBe(area);
    expect(failure.detail).toBe(error instanceof Error ? error.message : error);
  });
});
