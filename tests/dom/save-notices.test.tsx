import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp, type OptionsServices } from '@/components/OptionsApp';
import { PopupApp, type PopupServices } from '@/components/PopupApp';
import { SiteSwitch } from '@/components/SiteSwitch';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';
import type { PageState } from '@/extension/messages';
import { loadSettings, updatePreferences, updateSettings, watchSettings } from '@/extension/settings';
import { switchSite } from '@/extension/site-switch-save';
import { DEFAULT_SETTINGS } from '@/utils/preferences';

// The popup and the options page over the real settings module, with WXT's fake storage made to
// refuse writes as Chrome does.

const page: PageState = {
  site: 'news.example',
  path: '/health/ketamine',
  enabled: true,
  relevant: null,
  termCounts: { ssri: 3 },
};

const popupServices: PopupServices = {
  loadPageState: async () => page,
  loadSettings: async () => (await loadSettings()).settings,
  watchSettings: (onChange) => watchSettings((stored) => onChange(stored.settings)),
  switchSite,
  updatePreferences: async (change) => (await updatePreferences(change)).syncRefused,
  openOptions: () => {},
  openReader: () => {},
  showTerm: async () => true,
};

const optionsServices: OptionsServices = {
  load: loadSettings,
  watch: watchSettings,
  update: updateSettings,
  download: () => {},
  siteShortcut: async () => '',
  firstRunPage: 'welcome.html',
};

const refuse = (area: 'sync' | 'local', message: string) =>
  vi.spyOn(fakeBrowser.storage[area], 'set').mockRejectedValue(new Error(message));

describe('what the user is told when a save goes wrong', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await updatePreferences({ mode: 'everywhere' });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  describe('in the popup', () => {
    it('says the switch was saved on this device only when sync is full', async () => {
      refuse('sync', 'QUOTA_BYTES quota exceeded');
      render(<PopupApp parts={series} glossary={glossary} services={popupServices} />);
      fireEvent.click(await screen.findByRole('switch'));
      const status = await screen.findByText('Saved on this device only: sync storage is full.');
      expect(status.getAttribute('role')).toBe('status');
      await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false));
      expect((await loadSettings()).settings.rules).toEqual([
        { scope: 'domain', pattern: 'news.example', enabled: false },
      ]);
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('says the change was not kept, and the switch goes back, when no storage takes it', async () => {
      refuse('sync', 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
      refuse('local', 'QUOTA_BYTES quota exceeded');
      render(<PopupApp parts={series} glossary={glossary} services={popupServices} />);
      const siteSwitch = (await screen.findByRole('switch')) as HTMLInputElement;
      expect(siteSwitch.checked).toBe(true);
      // Let the first render's effects run, as they would long before a person clicks.
      await act(async () => {});
      fireEvent.click(siteSwitch);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe(
        "Could not save: sync has taken all the changes it allows for now and this device's storage for the extension is full. Your change was not kept.",
      );
      await waitFor(() => expect(siteSwitch.checked).toBe(true));
      expect(siteSwitch.getAttribute('aria-checked')).toBe('true');
      expect((await loadSettings()).settings.rules).toEqual([]);
    });

    it('clears the message once a change syncs again', async () => {
      const full = refuse('sync', 'QUOTA_BYTES quota exceeded');
      render(<PopupApp parts={series} glossary={glossary} services={popupServices} />);
      fireEvent.click(await screen.findByRole('switch'));
      await screen.findByText(/Saved on this device only/u);
      full.mockRestore();
      fireEvent.click(screen.getByRole('switch'));
      await waitFor(() => expect(screen.queryByText(/Saved on this device only/u)).toBeNull());
    });
  });

  describe('on the options page', () => {
    it('says a mode kept on this device only, and why', async () => {
      refuse('sync', 'QUOTA_BYTES_PER_ITEM quota exceeded');
      render(<OptionsApp services={optionsServices} glossary={glossary} />);
      fireEvent.click(await screen.findByRole('radio', { name: /Only on sites I choose/u }));
      const status = await screen.findByText('Saved on this device only: your settings are too large to sync.');
      expect(status.getAttribute('role')).toBe('status');
      expect((await loadSettings()).settings.mode).toBe('chosen-sites');
    });

    it('says a mode was not kept, and shows the stored one again', async () => {
      refuse('sync', 'QUOTA_BYTES quota exceeded');
      refuse('local', 'QUOTA_BYTES quota exceeded');
      render(<OptionsApp services={optionsServices} glossary={glossary} />);
      const chosen = (await screen.findByRole('radio', { name: /Only on sites I choose/u })) as HTMLInputElement;
      fireEvent.click(chosen);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe(
        "Could not save: sync storage is full and this device's storage for the extension is full. Your change was not kept.",
      );
      await waitFor(() => expect(chosen.checked).toBe(false));
      expect((screen.getByRole('radio', { name: /Everywhere/u }) as HTMLInputElement).checked).toBe(true);
      expect((await loadSettings()).settings.mode).toBe('everywhere');
    });
  });

  describe('the site switch', () => {
    const settings = { ...DEFAULT_SETTINGS, mode: 'everywhere' as const };

    it('goes back to what is stored when its save is refused', async () => {
      let refuseSave: (error: Error) => void = () => {};
      const onSwitch = vi.fn(
        () =>
          new Promise<undefined>((_resolve, reject) => {
            refuseSave = reject;
          }),
      );
      render(<SiteSwitch page={page} settings={settings} onSwitch={onSwitch} />);
      const siteSwitch = screen.getByRole('switch') as HTMLInputElement;
      fireEvent.click(siteSwitch);
      // The click shows at once, while the save is under way.
      await waitFor(() => expect(siteSwitch.getAttribute('aria-checked')).toBe('false'));
      refuseSave(new Error('Resource::kQuotaBytes quota exceeded'));
      await waitFor(() => expect(siteSwitch.getAttribute('aria-checked')).toBe('true'));
      expect(siteSwitch.checked).toBe(true);
    });

    it('keeps showing the click when its save went through', async () => {
      render(<SiteSwitch page={page} settings={settings} onSwitch={vi.fn(async () => undefined)} />);
      const siteSwitch = screen.getByRole('switch') as HTMLInputElement;
      fireEvent.click(siteSwitch);
      await waitFor(() => expect(siteSwitch.getAttribute('aria-checked')).toBe('false'));
      await act(async () => {});
      expect(siteSwitch.checked).toBe(false);
    });
  });
});
