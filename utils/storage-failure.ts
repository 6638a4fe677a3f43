/**
 * Why a storage area refused a write, read from the error the browser gave. The browsers say it
 * only in the message text, and Chrome has changed its wording:
 * - Chrome 156: "Resource::kQuotaBytes quota exceeded", "Resource::kQuotaBytesPerItem quota
 *   exceeded", "Resource::kMaxItems quota exceeded", "This request exceeds the
 *   MAX_WRITE_OPERATIONS_PER_MINUTE quota." (seen in tests/hostile/faults-storage.test.mjs);
 * - earlier Chrome: "QUOTA_BYTES quota exceeded", "QUOTA_BYTES_PER_ITEM quota exceeded",
 *   "MAX_ITEMS quota exceeded", "MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded"
 *   (limits: https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync);
 * - Firefox: "QuotaExceededError: storage.sync API call exceeded its quota limitations.", and
 *   "Please set webextensions.storage.sync.enabled to true in about:config" when sync is switched off.
 */

export type StorageAreaName = 'sync' | 'local';

export type StorageFailureKind =
  /** The area's total quota is used up. */
  | 'full'
  /** One item is over the per-item limit, or the settings were too large to try (sync's shard limit). */
  | 'too-large'
  | 'too-many-items'
  /** Sync's writes per minute or per hour are used up; it takes writes again later. */
  | 'rate-limited'
  /** The area does not exist here, or the user switched it off. */
  | 'unavailable'
  | 'unknown';

export interface StorageFailure {
  area: StorageAreaName;
  kind: StorageFailureKind;
  /** The browser's own words, for a kind this code does not recognise. */
  detail: string;
}

/** Most specific first: "QUOTA_BYTES_PER_ITEM" also contains "QUOTA_BYTES". */
/** Most specific first: "QUOTA_BYTES_PER_ITEM" also contains "QUOTA_BYTES". Both of Chrome's spellings. */
const KINDS: ReadonlyArray<readonly [RegExp, StorageFailureKind]> = [
  [/QUOTA_BYTES_PER_ITEM|QuotaBytesPerItem/iu, 'too-large'],
  [/MAX_ITEMS|MaxItems/iu, 'too-many-items'],
  [
    /MAX_(?:SUSTAINED_)?WRITE_OPERATIONS_PER_(?:HOUR|MINUTE)|Max(?:Sustained)?WriteOperationsPer(?:Hour|Minute)/iu,
    'rate-limited',
  ],
  [/QUOTA_BYTES|QuotaBytes|QuotaExceededError|quota/iu, 'full'],
  [/not available|sync\.enabled|disabled|unavailable/iu, 'unavailable'],
];

export function storageFailureOf(area: StorageAreaName, error: unknown): StorageFailure {
  const detail = error instanceof Error ? error.message : String(error);
  const kind = KINDS.find(([pattern]) => pattern.test(detail))?.[1] ?? 'unknown';
  return { area, kind, detail };
}

/** Thrown when no area could take a change: nothing of it was kept. */
export class SettingsNotSavedError extends Error {
  constructor(readonly failures: readonly StorageFailure[]) {
    super(failures.map((failure) => `storage.${failure.area}: ${failure.detail}`).join('; '));
    this.name = 'SettingsNotSavedError';
  }
}
