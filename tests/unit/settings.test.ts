import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as deflate from '@/extension/deflate';
import {
  keepUnpackedRules,
  loadSettings,
  MAX_SYNC_SHARDS,
  packRules,
  refreshUnpackedRules,
  replaceRules,
  type StoredSettings,
  updatePreferences,
  updateSettings,
  watchSettings,
} from '@/extension/settings';
import { DEFAULT_SETTINGS } from '@/utils/preferences';
import type { RuleScope, SiteRule } from '@/utils/site-rules';

/** Random but repeatable host names: real ones compress about as badly as these. */
function randomRules(count: number, seed = 1): SiteRule[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join('');
  const tlds = ['com', 'org', 'net', 'de', 'co.uk', 'io', 'fr'];
  const rules = new Map<string, SiteRule>();
  while (rules.size < count) {
    const domain = `${word(4, 11)}.${tlds[Math.floor(random() * tlds.length)]}`;
    const pick = random();
    const scope: RuleScope = pick < 0.8 ? 'domain' : pick < 0.9 ? 'host' : 'path';
    const pattern = scope === 'domain' ? domain : scope === 'host' ? `www.${domain}` : `${domain}/${word(3, 8)}/`;
    rules.set(`${scope} ${pattern}`, { scope, pattern, enabled: random() < 0.3 });
  }
  return [...rules.values()];
}

/** Chrome's storage.sync limits, which WXT's fake browser does not enforce. */
const SYNC_QUOTA = { total: 102_400, perItem: 8_192, items: 512 };

function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

async function syncBytes(): Promise<{ total: number; largest: number; items: number }> {
  const all = await fakeBrowser.storage.sync.get(null);
  const sizes = Object.entries(all).map(([key, value]) => itemBytes(key, value));
  return { total: sizes.reduce((a, b) => a + b, 0), largest: Math.max(0, ...sizes), items: sizes.length };
}

/** Makes the fake sync area refuse writes the way Chrome does when they break its quota. */
function enforceSyncQuota() {
  const area = fakeBrowser.storage.sync;
  const set = area.set.bind(area);
  return vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    const after = { ...(await area.get(null)), ...items };
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    const total = Object.entries(after).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    if (total > SYNC_QUOTA.total) throw new Error('QUOTA_BYTES quota exceeded');
    if (Object.keys(after).length > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
    await set(items);
  });
}

const someRules: SiteRule[] = [
  { scope: 'domain', pattern: 'example.org', enabled: false },
  { scope: 'path', pattern: 'example.org/health/', enabled: true },
];

describe('settings in storage', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, rulesIn: 'sync' });
  });

  it('saves preferences and rules in sync, versioned, and reads them back', async () => {
    await updatePreferences({ mode: 'everywhere', hoverDelayMs: 500 });
    await replaceRules(someRules);
    expect(await loadSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, mode: 'everywhere', hoverDelayMs: 500, rules: someRules },
      rulesIn: 'sync',
    });
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored.siteRules$).toEqual({ v: 2 });
    expect(stored.siteRules).toMatchObject({ count: 2, shards: 1, data: expect.any(String) });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps changes made one after another, and two at once', async () => {
    await Promise.all([
      updateSettings((current) => ({ ...current, rules: [...current.rules, someRules[0] as SiteRule] })),
      updateSettings((current) => ({ ...current, rules: [...current.rules, someRules[1] as SiteRule] })),
      updatePreferences({ highlightDensity: 'first-on-page' }),
    ]);
    const { settings } = await loadSettings();
    expect(settings.rules).toHaveLength(2);
    expect(settings.highlightDensity).toBe('first-on-page');
  });

  // Compressing thousands of rules takes a moment on a busy machine; the default 5 s is for small tests.
  describe('thousands of rules', { timeout: 30_000 }, () => {
    it('keeps 5,000 rules in sync, inside its quota, as compressed shards', async () => {
      const quota = enforceSyncQuota();
      const rules = randomRules(5_000);
      await updatePreferences({ mode: 'chosen-sites' });
      expect((await replaceRules(rules)).rulesIn).toBe('sync');
      expect(quota).toHaveBeenCalled();
      const bytes = await syncBytes();
      expect(bytes.total).toBeLessThanOrEqual(SYNC_QUOTA.total);
      expect(bytes.largest).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
      expect(bytes.items).toBeGreaterThan(2);
      expect(await loadSettings()).toEqual({
        settings: { ...DEFAULT_SETTINGS, mode: 'chosen-sites', rules },
        rulesIn: 'sync',
      });
    });

    it('moves the rules to local storage when they outgrow sync, and back when they fit again', async () => {
      enforceSyncQuota();
      const many = randomRules(20_000, 7);
      expect((await replaceRules(many)).rulesIn).toBe('local');
      expect((await loadSettings()).settings.rules).toEqual(many);
      expect((await loadSettings()).rulesIn).toBe('local');

      expect((await replaceRules(someRules)).rulesIn).toBe('sync');
      expect(await loadSettings()).toMatchObject({ settings: { rules: someRules }, rulesIn: 'sync' });
      expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    });

    it('removes shards it no longer needs', async () => {
      await replaceRules(randomRules(5_000));
      await replaceRules(someRules);
      expect(Object.keys(await fakeBrowser.storage.sync.get(null)).sort()).toEqual(['siteRules', 'siteRules$']);
    });

    it('packs shards each under the item limit', async () => {
      const shards = await packRules(randomRules(5_000, 3));
      expect(shards.length).toBeGreaterThan(1);
      expect(shards.length).toBeLessThanOrEqual(MAX_SYNC_SHARDS);
      for (const shard of shards) expect(shard.length).toBeLessThanOrEqual(8_000);
    });
  });

  describe('when sync fails', () => {
    it('saves to local storage on a quota error, and the newer copy wins', async () => {
      await updatePreferences({ mode: 'everywhere' });
      await replaceRules(someRules);
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
        new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'),
      );
      const saved = await updateSettings((current) => ({ ...current, mode: 'chosen-sites', rules: [] }));
      expect(saved.rulesIn).toBe('local');
      expect(await loadSettings()).toEqual({
        settings: { ...DEFAULT_SETTINGS, mode: 'chosen-sites' },
        rulesIn: 'local',
      });

      // Sync works again: the next save goes there and the local copy goes away.
      vi.restoreAllMocks();
      await updateSettings((current) => ({ ...current, mode: 'everywhere', rules: someRules }));
      expect(await loadSettings()).toEqual({
        settings: { ...DEFAULT_SETTINGS, mode: 'everywhere', rules: someRules },
        rulesIn: 'sync',
      });
      expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    });

    it('uses local storage alone when there is no sync storage at all', async () => {
      const storage = fakeBrowser.storage as { sync?: unknown };
      const sync = storage.sync;
      storage.sync = undefined;
      try {
        await updatePreferences({ hoverDelayMs: 700 });
        expect((await replaceRules(someRules)).rulesIn).toBe('local');
        expect(await loadSettings()).toEqual({
          settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 700, rules: someRules },
          rulesIn: 'local',
        });
      } finally {
        storage.sync = sync;
      }
    });

    it('changes nothing and says so when no area can take the write', async () => {
      await replaceRules(someRules);
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
      await expect(replaceRules([])).rejects.toThrow(/quota/u);
      expect((await loadSettings()).settings.rules).toEqual(someRules);
    });
  });

  describe('a damaged store', { timeout: 30_000 }, () => {
    it.each([
      ['wrong types', { siteRules: 42, preferences: 'fast' }],
      ['truncated JSON text', { siteRules: '[{"host":"a.exa', preferences: '{"mode":' }],
      [
        'a head with nonsense',
        { siteRules: { shards: 'many', data: 17 }, preferences: { mode: 'loud', hoverDelayMs: -5 } },
      ],
      ['data that is not base64', { siteRules: { savedAt: 1, count: 1, shards: 1, data: '%%%not base64%%%' } }],
      [
        'an unknown version',
        { siteRules: { future: true }, siteRules$: { v: 99 }, preferences: { mode: 'everywhere' } },
      ],
    ])('yields defaults for %s', async (_what, stored) => {
      await fakeBrowser.storage.sync.set(stored);
      const { settings } = await loadSettings();
      expect(settings.rules).toEqual([]);
      expect(settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    });

    it('keeps the rules of undamaged shards and the lines before the damage', async () => {
      const rules = randomRules(5_000, 11);
      await replaceRules(rules);
      const stored = await fakeBrowser.storage.sync.get(null);
      const shard1 = stored['siteRules.1'] as string;
      // Shard 1 cut in half, shard 2 overwritten with junk.
      await fakeBrowser.storage.sync.set({ 'siteRules.1': shard1.slice(0, shard1.length / 2), 'siteRules.2': 'AAAA' });
      const readable = (await loadSettings()).settings.rules;
      expect(readable.length).toBeGreaterThan(rules.length / 2);
      expect(readable.length).toBeLessThan(rules.length);
      const known = new Set(rules.map((rule) => JSON.stringify(rule)));
      for (const rule of readable) expect(known.has(JSON.stringify(rule))).toBe(true);

      // Saving again stores what could be read, whole.
      await updatePreferences({ mode: 'everywhere' });
      await updateSettings((current) => ({ ...current, rules: [...current.rules] }));
      expect((await loadSettings()).settings.rules).toEqual(readable);
    });

    it('does not migrate or break over a store from a newer version', async () => {
      vi.resetModules();
      const fresh = await import('@/extension/settings');
      await fakeBrowser.storage.sync.set({ siteRules: { future: true }, siteRules$: { v: 99 } });
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      await fresh.migrateSettings();
      expect(errors).not.toHaveBeenCalled();
      expect((await fakeBrowser.storage.sync.get('siteRules$')).siteRules$).toEqual({ v: 99 });
      await fresh.replaceRules(someRules);
      expect((await fresh.loadSettings()).settings.rules).toEqual(someRules);
    });
  });

  describe('migration from the first release', () => {
    const v1Store = {
      siteRules: [
        { host: 'news.example', enabled: false },
        { host: '127.0.0.1', enabled: true },
        { host: 42, enabled: false },
      ],
      preferences: { firstOccurrenceOnly: true },
    };
    const migratedRules: SiteRule[] = [
      { scope: 'host', pattern: 'news.example', enabled: false },
      { scope: 'host', pattern: '127.0.0.1', enabled: true },
    ];

    it('reads a first-release store before it is migrated', async () => {
      await fakeBrowser.storage.sync.set(v1Store);
      expect(await loadSettings()).toEqual({
        settings: { ...DEFAULT_SETTINGS, highlightDensity: 'first-on-page', rules: migratedRules },
        rulesIn: 'sync',
      });
    });

    it('migrates a saved v1 store to version 2 through the storage item', async () => {
      vi.resetModules();
      const fresh = await import('@/extension/settings');
      await fakeBrowser.storage.sync.set(v1Store);
      await fresh.migrateSettings();
      const stored = await fakeBrowser.storage.sync.get(null);
      expect(stored.siteRules$).toEqual({ v: 2 });
      expect(stored.siteRules).toMatchObject({ count: 2, shards: 1, data: expect.any(String) });
      expect(stored.preferences$).toEqual({ v: 2 });
      expect(stored.preferences).toEqual({ highlightDensity: 'first-on-page' });
      expect(await fresh.loadSettings()).toEqual({
        settings: { ...DEFAULT_SETTINGS, highlightDensity: 'first-on-page', rules: migratedRules },
        rulesIn: 'sync',
      });
      // Once is enough: a second context finds nothing to do.
      vi.resetModules();
      const again = await import('@/extension/settings');
      await again.migrateSettings();
      expect(await fakeBrowser.storage.sync.get(null)).toEqual(stored);
    });

    it('migrates before the first write, so the write builds on the migrated rules', async () => {
      vi.resetModules();
      const fresh = await import('@/extension/settings');
      await fakeBrowser.storage.sync.set(v1Store);
      await fresh.updateSettings((current) => ({
        ...current,
        rules: [...current.rules, { scope: 'domain', pattern: 'example.org', enabled: false }],
      }));
      expect((await fresh.loadSettings()).settings.rules).toEqual([
        ...migratedRules,
        { scope: 'domain', pattern: 'example.org', enabled: false },
      ]);
    });
  });

  describe('watchSettings', { timeout: 30_000 }, () => {
    it('reports every change, whichever area and item it touched', async () => {
      const seen: StoredSettings[] = [];
      const unwatch = watchSettings((stored) => seen.push(stored));
      await replaceRules(someRules);
      await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
      await replaceRules(randomRules(5_000, 5));
      await vi.waitFor(() => expect(seen.at(-1)?.settings.rules).toHaveLength(5_000), { timeout: 10_000 });
      await fakeBrowser.storage.local.set({ preferences: { mode: 'everywhere', savedAt: Date.now() + 60_000 } });
      await vi.waitFor(() => expect(seen.at(-1)?.settings.mode).toBe('everywhere'), { timeout: 10_000 });
      await fakeBrowser.storage.sync.set({ unrelated: 1 });
      const count = seen.length;
      unwatch();
      await replaceRules([]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen).toHaveLength(count);
    });
  });

  describe('the unpacked copy of the rules', { timeout: 30_000 }, () => {
    const unpacked = async () => (await fakeBrowser.storage.local.get('siteRulesUnpacked')).siteRulesUnpacked;

    it('is written from the packed rules, and readers then read it without inflating anything', async () => {
      const rules = randomRules(3_000, 7);
      await replaceRules(rules);
      await refreshUnpackedRules();
      expect(await unpacked()).toMatchObject({ lines: expect.stringContaining('\n') });
      const inflate = vi.spyOn(deflate, 'inflateFromBase64');
      expect((await loadSettings()).settings.rules).toEqual(rules);
      expect(inflate).not.toHaveBeenCalled();
    });

    it('is ignored unless it was made from exactly the packed rules readers take', async () => {
      await replaceRules(someRules);
      await refreshUnpackedRules();
      const copy = (await unpacked()) as { packed: string; lines: string };
      // A copy that says something else than the packed rules it names is read: it is theirs.
      await fakeBrowser.storage.local.set({ siteRulesUnpacked: { ...copy, lines: '-d other.example' } });
      expect((await loadSettings()).settings.rules).toEqual([
        { scope: 'domain', pattern: 'other.example', enabled: false },
      ]);
      // Rules changed since (on another computer, say) and a copy not yet refreshed: the packed rules win.
      const changed: SiteRule[] = [{ scope: 'domain', pattern: 'changed.example', enabled: false }];
      await replaceRules(changed);
      expect((await loadSettings()).settings.rules).toEqual(changed);
      // Damaged copies are ignored too.
      for (const damaged of [null, 'text', { packed: 1, lines: 2 }, { lines: '-d x.example' }]) {
        await fakeBrowser.storage.local.set({ siteRulesUnpacked: damaged });
        expect((await loadSettings()).settings.rules).toEqual(changed);
      }
    });

    it('follows the rules in both areas, and goes when there are none', async () => {
      const stop = keepUnpackedRules();
      try {
        await replaceRules(someRules);
        await vi.waitFor(async () => expect(await unpacked()).toBeDefined(), { timeout: 10_000 });
        const later: SiteRule[] = [...someRules, { scope: 'path', pattern: 'news.example/health/', enabled: true }];
        await replaceRules(later);
        await vi.waitFor(
          async () =>
            expect((await unpacked()) as { lines: string }).toMatchObject({
              lines: expect.stringContaining('news.example'),
            }),
          { timeout: 10_000 },
        );
        const inflate = vi.spyOn(deflate, 'inflateFromBase64');
        expect((await loadSettings()).settings.rules).toEqual(later);
        expect(inflate).not.toHaveBeenCalled();
        await replaceRules([]);
        await vi.waitFor(async () => expect(await unpacked()).toBeUndefined(), { timeout: 10_000 });
      } finally {
        stop();
      }
    });

    it('is no setting: writing it reloads no one’s settings', async () => {
      const seen: StoredSettings[] = [];
      const unwatch = watchSettings((stored) => seen.push(stored));
      await fakeBrowser.storage.local.set({ siteRulesUnpacked: { packed: 'x', lines: '' } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      unwatch();
      expect(seen).toEqual([]);
    });

    it('a local storage that refuses it costs nothing but the inflating', async () => {
      await replaceRules(someRules);
      vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
      await expect(refreshUnpackedRules()).resolves.toBeUndefined();
      expect((await loadSettings()).settings.rules).toEqual(someRules);
    });
  });
});
