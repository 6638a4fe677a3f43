import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  type HighlightPreferences,
  migratePreferencesV1,
  PREFERENCES_VERSION,
  preferencesOf,
  readablePreferences,
  type Settings,
  samePreferences,
} from '@/utils/preferences';
import { decodeRuleLines, encodeRuleLines, ruleLine } from '@/utils/rule-lines';
import { readableSiteRules } from '@/utils/rule-patterns';
import { type SiteRule, uniqueRules } from '@/utils/site-rules';
import { SettingsNotSavedError, type StorageFailure, storageFailureOf } from '@/utils/storage-failure';
import { deflateToBase64, inflateFromBase64 } from './deflate';

/*
 * Settings live in storage.sync so they follow the user, and fall back to storage.local when sync
 * is unavailable or over its quota (100 KB in all, 8 KB per item, 120 writes a minute). Both areas
 * hold the same shapes, each stamped with `savedAt`; a reader takes the newer of the two, so a
 * write that had to go to local wins until sync takes a later one.
 *
 * - `preferences` (version 2, `preferences$` = { v: 2 }): every preference (utils/preferences.ts) and
 *   `savedAt`. The first release stored { mode, firstOccurrenceOnly, hoverDelayMs, savedAt } with no
 *   version; a migration turns it into version 2, and readers understand both (defaults for what a
 *   value lacks).
 * - `siteRules` (version 2, `siteRules$` = { v: 2 }): { savedAt, count, shards, data }. `data` is
 *   the rules as lines (utils/rule-lines), deflated, in base64. In sync, thousands of rules would not
 *   fit one item, so `data` is the first shard and `siteRules.1` … hold the rest, each compressed on
 *   its own (a damaged shard loses only its own rules). The first release stored a plain array
 *   [{ host, enabled }] there; a migration turns it into version 2, and readers understand both.
 *
 * Content scripts only read and watch; they never migrate or write, so a damaged or future store
 * cannot make a page log an error. Writers (popup, options page, background) take a lock, read,
 * change and write in one step.
 */

export type SettingsArea = 'sync' | 'local';

export interface StoredSettings {
  settings: Settings;
  /** Where the rules are now: 'local' when they could not be synced. */
  rulesIn: SettingsArea;
  /**
   * Set by a save that sync refused and local storage took instead: why sync refused it, so the
   * user can be told where the change went. Never set by reading.
   */
  syncRefused?: StorageFailure;
}

const RULES_KEY = 'siteRules';
const PREFERENCES_KEY = 'preferences';
export const RULES_VERSION = 2;
/** Base64 characters per shard: with the key and JSON quotes, well inside sync's 8,192 bytes per item. */
export const SHARD_CHARS = 8000;
/** 11 shards of 8 KB leave room in sync's 100 KB for the preferences and whatever else is kept there. */
export const MAX_SYNC_SHARDS = 11;

const shardKey = (index: number) => `${RULES_KEY}.${index}`;
const SHARD_KEYS = Array.from({ length: MAX_SYNC_SHARDS - 1 }, (_, index) => shardKey(index + 1));
const KEYS = [PREFERENCES_KEY, RULES_KEY, ...SHARD_KEYS];
/**
 * storage.local only: the rules unpacked, beside the packed text they came from, kept by the
 * background (`keepUnpackedRules`). Every page reads the settings, and inflating the packed rules
 * costs a page's start more than the rest of its reading; a reader whose packed text is exactly the
 * copy's takes the copy's lines instead. The packed rules stay the truth: a copy that does not match
 * them is ignored, and a missing one only costs the inflating. Not a settings key: writing it
 * reloads no one's settings.
 */
const UNPACKED_RULES_KEY = 'siteRulesUnpacked';
const KEYS_BY_AREA: Record<SettingsArea, string[]> = { sync: KEYS, local: [...KEYS, UNPACKED_RULES_KEY] };

interface UnpackedRules {
  /** The packed shards they were read from, in order, one per line (base64 has no line breaks). */
  packed: string;
  /** The rules read from them, as rule lines (utils/rule-lines). */
  lines: string;
}

interface RulesHead {
  savedAt: number;
  count: number;
  shards: number;
  data: string;
}

type Snapshot = Record<string, unknown>;

function area(name: SettingsArea) {
  const found = browser.storage?.[name];
  if (!found) throw new Error(`storage.${name} is not available`);
  return found;
}

async function snapshotOf(name: SettingsArea): Promise<Snapshot> {
  try {
    return await area(name).get(KEYS_BY_AREA[name]);
  } catch {
    return {};
  }
}

function savedAtOf(value: unknown): number {
  const savedAt = typeof value === 'object' && value !== null ? (value as { savedAt?: unknown }).savedAt : undefined;
  return typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0;
}

/** The area whose copy of `key` was saved last; sync on a tie (and when neither has one). */
function newer(sync: Snapshot, local: Snapshot, key: string): SettingsArea {
  if (local[key] == null) return 'sync';
  if (sync[key] == null) return 'local';
  return savedAtOf(local[key]) > savedAtOf(sync[key]) ? 'local' : 'sync';
}

async function rulesInShard(data: unknown): Promise<SiteRule[]> {
  if (typeof data !== 'string' || data === '') return [];
  const { text, complete } = await inflateFromBase64(data);
  // A cut-off last line could still look like a rule ("example.org" cut to "exam"): drop it.
  return decodeRuleLines(complete ? text : text.slice(0, text.lastIndexOf('\n') + 1));
}

/** The packed shards of version 2 rules, one per line; null for no rules, or rules of the first release. */
function packedRulesOf(snapshot: Snapshot): string[] | null {
  const head = snapshot[RULES_KEY];
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return null;
  const { data, shards } = head as Partial<Record<keyof RulesHead, unknown>>;
  const count =
    typeof shards === 'number' && Number.isInteger(shards) ? Math.min(Math.max(shards, 1), MAX_SYNC_SHARDS) : 1;
  const parts = [data, ...SHARD_KEYS.slice(0, count - 1).map((key) => snapshot[key])];
  return parts.map((part) => (typeof part === 'string' ? part : ''));
}

function unpackedFor(copy: unknown, packed: string): UnpackedRules | null {
  if (typeof copy !== 'object' || copy === null) return null;
  const { packed: from, lines } = copy as Partial<Record<keyof UnpackedRules, unknown>>;
  return from === packed && typeof lines === 'string' ? { packed, lines } : null;
}

/** The rules of `snapshot`, from `unpacked` (storage.local's copy) when it was made from exactly these shards. */
async function rulesFrom(snapshot: Snapshot, unpacked?: unknown): Promise<SiteRule[]> {
  const head = snapshot[RULES_KEY];
  if (Array.isArray(head)) return readableSiteRules(head);
  const shards = packedRulesOf(snapshot);
  if (shards === null) return [];
  const copy = unpackedFor(unpacked, shards.join('\n'));
  if (copy) return uniqueRules(decodeRuleLines(copy.lines));
  return uniqueRules((await Promise.all(shards.map(rulesInShard))).flat());
}

async function settingsFrom(sync: Snapshot, local: Snapshot): Promise<StoredSettings> {
  const preferences = readablePreferences(
    (newer(sync, local, PREFERENCES_KEY) === 'sync' ? sync : local)[PREFERENCES_KEY],
  );
  const rulesIn = newer(sync, local, RULES_KEY);
  let rules: SiteRule[] = [];
  try {
    rules = await rulesFrom(rulesIn === 'sync' ? sync : local, local[UNPACKED_RULES_KEY]);
  } catch {
    // Unreadable beyond repair: no rules, never an exception.
  }
  return { settings: { ...preferences, rules }, rulesIn };
}

/** The settings as stored now: defaults plus whatever can still be read. Never throws. */
export async function loadSettings(): Promise<StoredSettings> {
  try {
    const [sync, local] = await Promise.all([snapshotOf('sync'), snapshotOf('local')]);
    return await settingsFrom(sync, local);
  } catch {
    return { settings: { ...DEFAULT_SETTINGS, rules: [] }, rulesIn: 'sync' };
  }
}

function isSettingsKey(key: string): boolean {
  return key === PREFERENCES_KEY || key === RULES_KEY || key.startsWith(`${RULES_KEY}.`);
}

/** Calls `onChange` with the settings after every change to them, in either area, from any context. */
export function watchSettings(onChange: (stored: StoredSettings) => void): () => void {
  let asked = 0;
  let told = 0;
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    if (!Object.keys(changes).some(isSettingsKey)) return;
    const mine = ++asked;
    void loadSettings().then((stored) => {
      // Loads can finish out of order; an older one must not undo a newer one.
      if (mine < told) return;
      told = mine;
      onChange(stored);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Brings storage.local's unpacked copy of the rules up to date with the packed rules readers take.
 * Never throws: the copy only saves readers time.
 */
export async function refreshUnpackedRules(): Promise<void> {
  try {
    const [sync, local] = await Promise.all([snapshotOf('sync'), snapshotOf('local')]);
    const source = newer(sync, local, RULES_KEY) === 'sync' ? sync : local;
    const shards = packedRulesOf(source);
    // Nothing to inflate: no rules, an empty list, or the first release's plain array.
    if (shards === null || shards.every((shard) => shard === '')) {
      if (local[UNPACKED_RULES_KEY] != null) await area('local').remove(UNPACKED_RULES_KEY);
      return;
    }
    const packed = shards.join('\n');
    if (unpackedFor(local[UNPACKED_RULES_KEY], packed)) return;
    const rules = await rulesFrom(source);
    await area('local').set({
      [UNPACKED_RULES_KEY]: { packed, lines: encodeRuleLines(rules) } satisfies UnpackedRules,
    });
  } catch {
    // Local storage full or unavailable: readers inflate the rules themselves.
  }
}

/**
 * Keeps the unpacked copy of the rules current (in the background): now, and after every change to
 * the rules in either area, one refresh after another so the last change is the one kept.
 */
export function keepUnpackedRules(): () => void {
  let queue = Promise.resolve();
  const refresh = () => {
    queue = queue.then(refreshUnpackedRules);
  };
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    if (Object.keys(changes).some((key) => key === RULES_KEY || key.startsWith(`${RULES_KEY}.`))) refresh();
  };
  browser.storage.onChanged.addListener(listener);
  refresh();
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The rules as shards of at most `maxChars` base64 characters each, every shard deflated on its own.
 * One shard when they fit; a single rule too long for a shard still gets one (and then sync refuses).
 */
export async function packRules(rules: readonly SiteRule[], maxChars = SHARD_CHARS): Promise<string[]> {
  if (rules.length === 0) return [''];
  const lines = rules.map(ruleLine);
  const whole = await deflateToBase64(lines.join('\n'));
  if (whole.length <= maxChars) return [whole];
  // Shards compress a little worse than the whole: aim below the limit, then shrink what overflows.
  let perShard = Math.max(1, Math.floor(((lines.length * maxChars) / whole.length) * 0.9));
  const shards: string[] = [];
  for (let start = 0; start < lines.length; ) {
    const size = Math.min(perShard, lines.length - start);
    const shard = await deflateToBase64(lines.slice(start, start + size).join('\n'));
    if (shard.length > maxChars && size > 1) {
      perShard = Math.max(1, Math.floor(size * 0.8));
      continue;
    }
    shards.push(shard);
    start += size;
  }
  return shards;
}

function headOf(rules: readonly SiteRule[], shards: readonly string[], savedAt: number): RulesHead {
  return { savedAt, count: rules.length, shards: shards.length, data: shards[0] ?? '' };
}

async function bestEffort(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch {
    // Tidying only: what was saved is already readable.
  }
}

/** Where a write went: sync, or local with the reason sync refused it. Throws when neither took it. */
type Written = { area: 'sync' } | { area: 'local'; syncRefused: StorageFailure };

async function toLocal(items: Record<string, unknown>, syncRefused: StorageFailure): Promise<Written> {
  try {
    await area('local').set(items);
  } catch (error) {
    throw new SettingsNotSavedError([syncRefused, storageFailureOf('local', error)]);
  }
  return { area: 'local', syncRefused };
}

async function writeRules(
  rules: readonly SiteRule[],
  savedAt: number,
  sync: Snapshot,
  local: Snapshot,
): Promise<Written> {
  const shards = await packRules(rules);
  let syncRefused: StorageFailure = { area: 'sync', kind: 'too-large', detail: 'more rules than sync can hold' };
  if (shards.length <= MAX_SYNC_SHARDS && shards.every((shard) => shard.length <= SHARD_CHARS)) {
    const items: Record<string, unknown> = {
      [RULES_KEY]: headOf(rules, shards, savedAt),
      [`${RULES_KEY}$`]: { v: RULES_VERSION },
    };
    shards.slice(1).forEach((shard, index) => {
      items[shardKey(index + 1)] = shard;
    });
    try {
      // One call: readers see the old shards or the new ones, never a mix.
      await area('sync').set(items);
      const stale = SHARD_KEYS.slice(shards.length - 1).filter((key) => sync[key] != null);
      if (stale.length > 0) await bestEffort(() => area('sync').remove(stale));
      if (local[RULES_KEY] != null) await bestEffort(() => area('local').remove([RULES_KEY, `${RULES_KEY}$`]));
      return { area: 'sync' };
    } catch (error) {
      // Over quota, too many writes this minute, or no sync at all: keep them on this device.
      syncRefused = storageFailureOf('sync', error);
    }
  }
  const data = shards.length === 1 ? (shards[0] ?? '') : await deflateToBase64(encodeRuleLines(rules));
  return toLocal(
    {
      [RULES_KEY]: { savedAt, count: rules.length, shards: 1, data } satisfies RulesHead,
      [`${RULES_KEY}$`]: { v: RULES_VERSION },
    },
    syncRefused,
  );
}

async function writePreferences(preferences: HighlightPreferences, savedAt: number, local: Snapshot): Promise<Written> {
  const value = { ...preferences, savedAt };
  const items = { [PREFERENCES_KEY]: value, [`${PREFERENCES_KEY}$`]: { v: PREFERENCES_VERSION } };
  try {
    await area('sync').set(items);
  } catch (error) {
    return toLocal(items, storageFailureOf('sync', error));
  }
  if (local[PREFERENCES_KEY] != null) {
    await bestEffort(() => area('local').remove([PREFERENCES_KEY, `${PREFERENCES_KEY}$`]));
  }
  return { area: 'sync' };
}

/** Puts `key` back as the snapshots had it, in both areas, as far as they let us. */
async function restore(key: string, sync: Snapshot, local: Snapshot): Promise<void> {
  for (const [name, snapshot] of [
    ['sync', sync],
    ['local', local],
  ] as const) {
    await bestEffort(() => (snapshot[key] == null ? area(name).remove(key) : area(name).set({ [key]: snapshot[key] })));
  }
}

let migration: Promise<void> | null = null;

/**
 * Brings stored first-release values up to the current versions (once per context; writers call it
 * before writing). A store from a newer version is left alone: readers take from it what they can.
 */
export function migrateSettings(): Promise<void> {
  migration ??= (async () => {
    try {
      const metas = await area('sync').get([`${RULES_KEY}$`, `${PREFERENCES_KEY}$`]);
      const versionOf = (key: string) => (metas[`${key}$`] as { v?: unknown } | undefined)?.v;
      const rulesVersion = versionOf(RULES_KEY);
      if (!(typeof rulesVersion === 'number' && rulesVersion > RULES_VERSION)) {
        await storage
          .defineItem<unknown>(`sync:${RULES_KEY}`, {
            version: RULES_VERSION,
            migrations: { 2: migrateFirstReleaseRules },
          })
          .getMeta();
      }
      const preferencesVersion = versionOf(PREFERENCES_KEY);
      if (!(typeof preferencesVersion === 'number' && preferencesVersion > PREFERENCES_VERSION)) {
        await storage
          .defineItem<unknown>(`sync:${PREFERENCES_KEY}`, {
            version: PREFERENCES_VERSION,
            migrations: { 2: migratePreferencesV1 },
          })
          .getMeta();
      }
    } catch {
      // No sync storage: nothing was ever stored there to migrate.
    }
  })();
  return migration;
}

/** Version 1 → 2: the array of { host, enabled } becomes host rules, packed as version 2 stores them. */
export async function migrateFirstReleaseRules(stored: unknown): Promise<RulesHead> {
  const rules = readableSiteRules(stored);
  const shards = await packRules(rules);
  // A first-release list fitted one 8 KB item as JSON, so packed it fits one shard; just in case:
  if (shards.length > 1) {
    await area('sync').set(Object.fromEntries(shards.slice(1).map((shard, index) => [shardKey(index + 1), shard])));
  }
  return headOf(rules, shards, Date.now());
}

/** Serialises writers in every extension page and the background (Web Locks span them all). */
let localQueue: Promise<unknown> = Promise.resolve();
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request('mhx-settings', task);
  const run = localQueue.then(task, task);
  localQueue = run.catch(() => {});
  return run;
}

/**
 * Reads the settings, applies `change` and saves what changed. Throws a SettingsNotSavedError when
 * no area took the change; the stored settings are then as they were (a preference saved before the
 * rules failed is put back), so "not kept" is true of the whole change.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<StoredSettings> {
  await migrateSettings();
  return exclusively(async () => {
    const [sync, local] = await Promise.all([snapshotOf('sync'), snapshotOf('local')]);
    const current = await settingsFrom(sync, local);
    const next = change(current.settings);
    const rules = uniqueRules(next.rules);
    // Later than anything stored, even if the clock went back.
    const savedAt = Math.max(
      Date.now(),
      ...[sync, local].flatMap((snapshot) => [PREFERENCES_KEY, RULES_KEY].map((key) => savedAtOf(snapshot[key]) + 1)),
    );
    const preferences = readablePreferences(preferencesOf(next));
    const written: Written[] = [];
    const preferencesChanged = !samePreferences(preferences, preferencesOf(current.settings));
    if (preferencesChanged) written.push(await writePreferences(preferences, savedAt, local));
    let rulesIn = current.rulesIn;
    if (encodeRuleLines(rules) !== encodeRuleLines(current.settings.rules)) {
      try {
        const rulesWritten = await writeRules(rules, savedAt, sync, local);
        written.push(rulesWritten);
        rulesIn = rulesWritten.area;
      } catch (error) {
        if (preferencesChanged) await restore(PREFERENCES_KEY, sync, local);
        throw error;
      }
    }
    const refused = written.find((write) => write.area === 'local');
    return {
      settings: { ...preferences, rules },
      rulesIn,
      ...(refused?.area === 'local' ? { syncRefused: refused.syncRefused } : {}),
    };
  });
}

export function updatePreferences(change: Partial<HighlightPreferences>): Promise<StoredSettings> {
  return updateSettings((current) => ({ ...current, ...change }));
}

export function replaceRules(rules: readonly SiteRule[]): Promise<StoredSettings> {
  return updateSettings((current) => ({ ...current, rules: [...rules] }));
}
