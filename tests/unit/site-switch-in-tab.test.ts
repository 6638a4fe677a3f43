import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageState } from '@/extension/messages';
import { loadSettings, replaceRules } from '@/extension/settings';
import { flipSiteSwitchInTab } from '@/extension/site-switch-in-tab';
import { SITE_SWITCH_COMMAND, siteSwitchCommandManifest } from '@/utils/site-switch-command';

const page = (fields: Partial<PageState>): PageState => ({
  site: 'www.example.org',
  path: '/health/a',
  enabled: true,
  relevant: null,
  termCounts: {},
  ...fields,
});

describe('flipSiteSwitchInTab (keyboard command and context menu)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the tab where it is and switches its site the other way', async () => {
    const ask = vi.fn(async () => page({ enabled: true }));
    expect(await flipSiteSwitchInTab(5, ask)).toBe(true);
    expect(ask).toHaveBeenCalledWith(5);
    expect((await loadSettings()).settings.rules).toEqual([
      { scope: 'domain', pattern: 'example.org', enabled: false },
    ]);
    expect(await flipSiteSwitchInTab(5, async () => page({ enabled: false }))).toBe(true);
    expect((await loadSettings()).settings.rules).toEqual([{ scope: 'domain', pattern: 'example.org', enabled: true }]);
  });

  it('answers false and changes nothing when no storage takes the change', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
    try {
      expect(await flipSiteSwitchInTab(5, async () => page({ enabled: true }))).toBe(false);
    } finally {
      vi.restoreAllMocks();
    }
    expect((await loadSettings()).settings.rules).toEqual([]);
  });

  it('flips the rule that decides where it is', async () => {
    await replaceRules([{ scope: 'path', pattern: 'www.example.org/health/', enabled: true }]);
    await flipSiteSwitchInTab(5, async () => page({ enabled: true }));
    expect((await loadSettings()).settings.rules).toEqual([
      { scope: 'path', pattern: 'www.example.org/health/', enabled: false },
    ]);
  });

  it.each([
    ['no tab', undefined, async () => page({})],
    ['a tab without an explainer', 5, async () => Promise.reject(new Error('Could not establish connection'))],
    ['a page the explainer cannot run on', 5, async () => page({ site: null })],
  ])('does nothing for %s', async (_what, tabId, ask) => {
    expect(await flipSiteSwitchInTab(tabId, ask)).toBe(false);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('has its own manifest command with a default shortcut', () => {
    expect(siteSwitchCommandManifest()).toEqual({
      [SITE_SWITCH_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn highlighting on or off for this site',
      },
    });
  });
});
