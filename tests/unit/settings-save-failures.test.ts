import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, replaceRules, updatePreferences, updateSettings } from '@/extension/settings';
import { DEFAULT_SETTINGS } from '@/utils/preferences';
import type { SiteRule } from '@/utils/site-rules';
import { SettingsNotSavedError, type StorageFailureKind } from '@/utils/storage-failure';

/** Chrome's own texts for each limit of storage.sync: Chrome 156's, then earlier versions'. */
const CHROME_SYNC_ERRORS: ReadonlyArray<[string, StorageFailureKind]> = [
  ['Resource::kQuotaBytes quota exceeded', 'full'],
  ['Resource::kQuotaBytesPerItem quota exceeded', 'too-large'],
  ['Resource::kMaxItems quota exceeded', 'too-many-items'],
  ['This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', 'rate-limited'],
  ['QUOTA_BYTES quota exceeded', 'full'],
  ['QUOTA_BYTES_PER_ITEM quota exceeded', 'too-large'],
  ['MAX_ITEMS quota exceeded', 'too-many-items'],
  ['MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'rate-limited'],
  ['MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded', 'rate-limited'],
];

const rules: SiteRule[] = [{ scope: 'domain', pattern: 'example.org', enabled: false }];
const moreRules: SiteRule[] = [...rules, { scope: 'host', pattern: 'www.example.net', enabled: true }];

const refuse = (area: 'sync' | 'local', message: string) =>
  vi.spyOn(fakeBrowser.storage[area], 'set').mockRejectedValue(new Error(message));

describe('a save storage refuses', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  describe.each(CHROME_SYNC_ERRORS)('sync says "%s"', (message, kind) => {
    it('keeps a preference on this device and says why', async () => {
      refuse('sync', message);
      const saved = await updatePreferences({ mode: 'chosen-sites' });
      expect(saved.syncRefused).toEqual({ area: 'sync', kind, detail: message });
      expect((await loadSettings()).settings.mode).toBe('chosen-sites');
    });

    it('keeps rules on this device and says why', async () => {
      refuse('sync', message);
      const saved = await replaceRules(rules);
      expect(saved).toMatchObject({ rulesIn: 'local', syncRefused: { area: 'sync', kind } });
      expect(await loadSettings()).toMatchObject({ settings: { rules }, rulesIn: 'local' });
    });
  });

  it('says nothing of sync once sync takes the change again', async () => {
    const rateLimited = refuse('sync', 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    expect((await replaceRules(rules)).syncRefused?.kind).toBe('rate-limited');
    rateLimited.mockRestore();
    const saved = await replaceRules(moreRules);
    expect(saved.syncRefused).toBeUndefined();
    expect(saved.rulesIn).toBe('sync');
  });

  it('says sync is unavailable when the browser has none', async () => {
    const storage = fakeBrowser.storage as { sync?: unknown };
    const sync = storage.sync;
    storage.sync = undefined;
    try {
      expect((await updatePreferences({ hoverDelayMs: 600 })).syncRefused?.kind).toBe('unavailable');
    } finally {
      storage.sync = sync;
    }
  });

  it('says the rules are too many for sync when they outgrow it', async () => {
    const many: SiteRule[] = Array.from({ length: 30_000 }, (_, index) => ({
      scope: 'host',
      pattern: `h${index.toString(36)}x${((index * 7919) % 100_003).toString(36)}.example`,
      enabled: index % 3 === 0,
    }));
    const saved = await replaceRules(many);
    expect(saved).toMatchObject({ rulesIn: 'local', syncRefused: { area: 'sync', kind: 'too-large' } });
  });

  it('throws with both reasons and changes nothing when local storage refuses too', async () => {
    await updateSettings((current) => ({ ...current, mode: 'everywhere', rules }));
    refuse('sync', 'QUOTA_BYTES quota exceeded');
    refuse('local', 'Resource::kQuotaBytes quota exceeded');
    const failure = await updatePreferences({ mode: 'chosen-sites' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SettingsNotSavedError);
    expect((failure as SettingsNotSavedError).failures.map(({ area, kind }) => `${area} ${kind}`)).toEqual([
      'sync full',
      'local full',
    ]);
    vi.restoreAllMocks();
    expect(await loadSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, mode: 'everywhere', rules },
      rulesIn: 'sync',
    });
  });

  it('puts a saved preference back when the rules of the same change cannot be saved', async () => {
    await updateSettings((current) => ({ ...current, mode: 'everywhere', rules }));
    // Sync takes the small preference item but not the rules; local takes nothing.
    const syncSet = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if ('siteRules' in items) throw new Error('QUOTA_BYTES quota exceeded');
      await syncSet(items);
    });
    refuse('local', 'Resource::kQuotaBytes quota exceeded');
    await expect(
      updateSettings((current) => ({ ...current, mode: 'chosen-sites', rules: moreRules })),
    ).rejects.toBeInstanceOf(SettingsNotSavedError);
    vi.restoreAllMocks();
    expect((await loadSettings()).settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'everywhere', rules });
  });
});
