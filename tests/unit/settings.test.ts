import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { loadSiteRules, setSiteEnabled, siteRulesItem, watchSiteRules } from '@/extension/settings';

describe('site rules in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to no rules', async () => {
    expect(await loadSiteRules()).toEqual([]);
  });

  it('saves a site switch and keeps other sites', async () => {
    await setSiteEnabled('a.example', false);
    await setSiteEnabled('b.example', false);
    await setSiteEnabled('a.example', true);
    expect(await loadSiteRules()).toEqual([
      { host: 'b.example', enabled: false },
      { host: 'a.example', enabled: true },
    ]);
  });

  it('is versioned from the first release, so a later format can migrate what v1 saved', async () => {
    await setSiteEnabled('a.example', false);
    // The library stores no version mark for v1; a missing mark reads as version 1.
    expect(((await siteRulesItem.getMeta()) as { v?: number }).v ?? 1).toBe(1);
    const migrate = vi.fn((v1: unknown) => ({ rules: v1 }));
    const v2 = storage.defineItem('sync:siteRules', { version: 2, migrations: { 2: migrate } });
    expect(await v2.getValue()).toEqual({ rules: [{ host: 'a.example', enabled: false }] });
    expect(migrate).toHaveBeenCalledOnce();
  });

  it.each([
    ['a string', 'not rules'],
    ['a number', 42],
    ['an object', { host: 'a.example' }],
    ['truncated JSON text', '[{"host":"a.exa'],
  ])('falls back to defaults when the stored value is %s', async (_what, stored) => {
    await fakeBrowser.storage.sync.set({ siteRules: stored });
    expect(await loadSiteRules()).toEqual([]);
  });

  it('keeps the rules that can still be read from a damaged list', async () => {
    await fakeBrowser.storage.sync.set({ siteRules: [{ host: 'a.example', enabled: false }, { host: 3 }, 'junk'] });
    expect(await loadSiteRules()).toEqual([{ host: 'a.example', enabled: false }]);
    await setSiteEnabled('b.example', false);
    expect(await loadSiteRules()).toEqual([
      { host: 'a.example', enabled: false },
      { host: 'b.example', enabled: false },
    ]);
  });

  it('tells watchers about changes, already cleaned', async () => {
    const seen = vi.fn();
    const unwatch = watchSiteRules(seen);
    await setSiteEnabled('a.example', false);
    await fakeBrowser.storage.sync.set({ siteRules: 'broken' });
    unwatch();
    expect(seen.mock.calls).toEqual([[[{ host: 'a.example', enabled: false }]], [[]]]);
  });
});
