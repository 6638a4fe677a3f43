import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pauseSite, setTermHidden, undoSitePause } from '@/extension/card-control-saves';
import { loadSettings, replaceRules } from '@/extension/settings';

const page = { host: 'www.example.org', path: '/health/a' };
const refuse = (area: 'sync' | 'local', message = 'Resource::kQuotaBytes quota exceeded') =>
  vi.spyOn(fakeBrowser.storage[area], 'set').mockRejectedValue(new Error(message));

describe("the card's controls, saved by the background", () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('"Not on this site" writes the rule the popup would, and Undo takes it back', async () => {
    await replaceRules([{ scope: 'domain', pattern: 'other.net', enabled: true }]);
    const paused = await pauseSite(page);
    expect(paused).toMatchObject({ saved: true, savedLocally: null });
    expect((await loadSettings()).settings.rules).toEqual([
      { scope: 'domain', pattern: 'other.net', enabled: true },
      { scope: 'domain', pattern: 'example.org', enabled: false },
    ]);
    if (!paused.saved || !('change' in paused) || !paused.change) throw new Error('no change to undo');
    expect(await undoSitePause(paused.change)).toEqual({ saved: true, savedLocally: null });
    expect((await loadSettings()).settings.rules).toEqual([{ scope: 'domain', pattern: 'other.net', enabled: true }]);
  });

  it('says where the change went when sync refused it', async () => {
    refuse('sync');
    expect(await pauseSite(page)).toMatchObject({
      saved: true,
      savedLocally: 'Saved on this device only: sync storage is full.',
    });
    expect((await loadSettings()).settings.rules).toHaveLength(1);
  });

  it('changes nothing, and says why, when no storage takes the change', async () => {
    refuse('sync');
    refuse('local');
    expect(await pauseSite(page)).toEqual({
      saved: false,
      reason:
        "Could not save: sync storage is full and this device's storage for the extension is full. Your change was not kept.",
    });
    expect(await setTermHidden('ssri', true)).toMatchObject({ saved: false });
    vi.restoreAllMocks();
    const { settings } = await loadSettings();
    expect(settings.rules).toEqual([]);
    expect(settings.hiddenTerms).toEqual([]);
  });

  it('hides a term once, and shows it again', async () => {
    expect(await setTermHidden('ssri', true)).toEqual({ saved: true, savedLocally: null });
    await setTermHidden('ketamine', true);
    await setTermHidden('ssri', true);
    expect((await loadSettings()).settings.hiddenTerms).toEqual(['ketamine', 'ssri']);
    await setTermHidden('ssri', false);
    expect((await loadSettings()).settings.hiddenTerms).toEqual(['ketamine']);
  });

  it.each([
    ['no address', () => pauseSite(undefined as never)],
    ['an address with no host', () => pauseSite({ host: '', path: '/' })],
    ['a term id that is none', () => setTermHidden('Not An Id', true)],
    ['an undo of nothing', () => undoSitePause({} as never)],
    ['an undo of a rule that cannot be read', () => undoSitePause({ added: { scope: 'x' }, removed: [] } as never)],
  ])('refuses %s and changes nothing', async (_what, action) => {
    expect(await action()).toMatchObject({ saved: false });
    const { settings } = await loadSettings();
    expect(settings.rules).toEqual([]);
    expect(settings.hiddenTerms).toEqual([]);
  });
});
