import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResearchLogSection, type ResearchLogServices } from '@/components/ResearchLogSection';
import {
  DEFAULT_LOG_SETTINGS,
  EMPTY_LOG_STATUS,
  type LogSettings,
  type LogStatus,
  readLogSettings,
} from '@/utils/research-log-settings';

/** The section's settings kept in memory, saved and read back as the storage module would. */
function servicesWith({
  settings = DEFAULT_LOG_SETTINGS,
  status = EMPTY_LOG_STATUS,
  works = true,
}: {
  settings?: LogSettings;
  status?: LogStatus;
  works?: boolean;
} = {}) {
  let stored = settings;
  const services = {
    loadSettings: async () => stored,
    watchSettings: () => () => {},
    updateSettings: vi.fn(async (change: (current: LogSettings) => LogSettings) => {
      stored = readLogSettings(change(stored));
      return stored;
    }),
    loadStatus: async () => status,
    watchStatus: () => () => {},
    databaseWorks: async () => works,
    now: () => 123_456,
    dashboardUrl: 'chrome-extension://id/dashboard.html',
  } satisfies ResearchLogServices;
  return { services, current: () => stored };
}

describe('ResearchLogSection', () => {
  afterEach(cleanup);

  it('is off by default and says exactly what it keeps, and where', async () => {
    const { services } = servicesWith();
    render(<ResearchLogSection services={services} />);
    const toggle = (await screen.findByRole('checkbox', { name: /Keep a research log/u })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(toggle.checked).toBe(false);
    expect(screen.getByText(/the time, the site, and how often each term appeared/u)).toBeTruthy();
    expect(screen.getByText(/The page’s text is never kept/u)).toBeTruthy();
    expect(screen.getByText(/not synced to your other computers and not in the settings file/u)).toBeTruthy();
    expect((screen.getByRole('radio', { name: /The site only/u }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Keep entries for' }) as HTMLSelectElement).value).toBe('90');
    expect(screen.getByRole('link', { name: /Open the research log dashboard/u }).getAttribute('href')).toBe(
      'chrome-extension://id/dashboard.html',
    );
  });

  it('turns on (remembering when), and changes what is recorded, for how long and for which pages', async () => {
    const { services, current } = servicesWith();
    render(<ResearchLogSection services={services} />);
    const toggle = (await screen.findByRole('checkbox', { name: /Keep a research log/u })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    await waitFor(() => expect(current()).toMatchObject({ enabled: true, enabledAt: 123_456 }));

    fireEvent.click(screen.getByRole('radio', { name: /The full address and the page’s title/u }));
    await waitFor(() => expect(current().detail).toBe('full'));
    fireEvent.click(screen.getByRole('checkbox', { name: /pages where highlighting is off/u }));
    await waitFor(() => expect(current().includeUnhighlighted).toBe(true));
    fireEvent.change(screen.getByRole('combobox', { name: 'Keep entries for' }), { target: { value: 'null' } });
    await waitFor(() => expect(current().retentionDays).toBeNull());
    fireEvent.change(screen.getByRole('combobox', { name: 'Keep entries for' }), { target: { value: '30' } });
    await waitFor(() => expect(current().retentionDays).toBe(30));

    fireEvent.click(toggle);
    await waitFor(() => expect(current()).toMatchObject({ enabled: false, enabledAt: 123_456 }));
  });

  it('keeps the never-log list normalised, and says which lines are not sites', async () => {
    const { services, current } = servicesWith();
    render(<ResearchLogSection services={services} />);
    const list = (await screen.findByRole('textbox', { name: /Sites never to log/u })) as HTMLTextAreaElement;
    fireEvent.input(list, { target: { value: 'https://www.Example.org/page\nnot a site!\nclinic.org' } });
    fireEvent.blur(list);
    await waitFor(() => expect(current().neverLog).toEqual(['www.example.org', 'clinic.org']));
    expect(screen.getByRole('alert').textContent).toContain('not a site!');
    // The rejected line stays in the box to be corrected.
    expect(list.value).toContain('not a site!');
    fireEvent.input(list, { target: { value: 'www.example.org\nclinic.org' } });
    fireEvent.blur(list);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('where IndexedDB does not work: says so and stays off, even if the stored setting says on', async () => {
    const { services } = servicesWith({
      settings: { ...DEFAULT_LOG_SETTINGS, enabled: true, enabledAt: 5 },
      works: false,
    });
    render(<ResearchLogSection services={services} />);
    await screen.findByText(/does not let the extension keep a database here/u);
    const toggle = screen.getByRole('checkbox', { name: /Keep a research log/u }) as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(toggle.checked).toBe(false);
  });

  it('says when storage is full and how many visits were not saved', async () => {
    const { services } = servicesWith({
      status: { droppedVisits: 12, fullSince: Date.UTC(2026, 11, 3), failedVisits: 0 },
    });
    render(<ResearchLogSection services={services} />);
    const notice = await screen.findByText(/storage for the extension is full/u);
    expect(notice.textContent).toContain('the newest 12 visits could not be saved; older entries are kept');
  });

  it('says so when a setting could not be saved, and shows what is stored', async () => {
    const { services } = servicesWith();
    services.updateSettings.mockRejectedValueOnce(new Error('quota'));
    render(<ResearchLogSection services={services} />);
    const toggle = (await screen.findByRole('checkbox', { name: /Keep a research log/u })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    await screen.findByText(/could not be saved; nothing changed/u);
    await waitFor(() => expect(toggle.checked).toBe(false));
  });
});
