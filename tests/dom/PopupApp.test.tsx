import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupServices } from '@/components/PopupApp';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';
import type { PageState } from '@/extension/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/preferences';
import { switchedRules } from '@/utils/site-switch-rules';

/** The browser side of the popup, with settings kept in memory and reported to watchers as storage would. */
function servicesFor(
  page: PageState | null,
  initial: Settings = { ...DEFAULT_SETTINGS, mode: 'everywhere' },
): PopupServices & { switchSite: ReturnType<typeof vi.fn>; updatePreferences: PopupServices['updatePreferences'] } {
  let settings = initial;
  const watchers = new Set<(settings: Settings) => void>();
  return {
    loadPageState: async () => page,
    loadSettings: async () => settings,
    watchSettings: (onChange) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    switchSite: vi.fn(async (address, choice, enabled) => {
      settings = { ...settings, rules: switchedRules(settings.rules, address, choice, enabled) };
      for (const watcher of watchers) watcher(settings);
      return undefined;
    }),
    updatePreferences: vi.fn(async (change) => {
      settings = { ...settings, ...change };
      for (const watcher of watchers) watcher(settings);
      return undefined;
    }),
    openOptions: vi.fn(),
    openReader: vi.fn(),
    showTerm: vi.fn(async () => true),
  };
}

const articlePage: PageState = {
  site: 'news.example',
  path: '/health/ketamine',
  enabled: true,
  relevant: null,
  termCounts: { ssri: 3, ketamine: 2 },
};

describe('PopupApp', () => {
  afterEach(cleanup);

  it('reads Part I in full and shows the other parts as announced, without text', () => {
    render(<PopupApp parts={series} glossary={glossary} services={servicesFor(articlePage)} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Ketamine vs. SSRI: Part I - Biology' })).toBeTruthy();
    for (const title of [
      'Beyond Daily Medication',
      'Rapid Relief with Lasting Impact',
      'A Holistic Healing Approach',
    ]) {
      expect(screen.getByRole('heading', { level: 3, name: title })).toBeTruthy();
    }
    expect(screen.getByText(/SSRIs take weeks, sometimes months, to show effects\./u)).toBeTruthy();
    for (const heading of ['Ketamine vs. SSRI: Part II Patient Experience', 'What is Psychedelic Integration?']) {
      const part = screen.getByRole('heading', { level: 2, name: heading }).closest('article');
      expect(part?.textContent).toBe(`${heading}Announced: this part has not been published yet.`);
    }
    expect(screen.getAllByText('Educational content, not medical advice.').length).toBeGreaterThan(0);
  });

  it('switches highlighting off for the current site', async () => {
    const services = servicesFor(articlePage);
    render(<PopupApp parts={series} glossary={glossary} services={services} />);
    const siteSwitch = await screen.findByRole('switch');
    expect(screen.getByText('5 highlighted terms on this page')).toBeTruthy();
    fireEvent.click(siteSwitch);
    await waitFor(() =>
      expect(services.switchSite).toHaveBeenCalledWith(
        { host: 'news.example', path: '/health/ketamine' },
        { scope: 'domain', pattern: 'news.example', kind: 'site' },
        false,
      ),
    );
    expect(await screen.findByText('Off for this site')).toBeTruthy();
  });

  it('offers a quick choice of highlight style, with a sample of each', async () => {
    const services = servicesFor(articlePage);
    render(<PopupApp parts={series} glossary={glossary} services={services} />);
    const group = await screen.findByRole('group', { name: 'Highlight style' });
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => [radio.value, radio.checked])).toEqual([
      ['background', true],
      ['underline', false],
      ['subtle', false],
    ]);
    expect(group.querySelectorAll('.highlight-sample')).toHaveLength(6);
    fireEvent.click(screen.getByRole('radio', { name: /^Underline/u }));
    await waitFor(() => expect(services.updatePreferences).toHaveBeenCalledWith({ highlightStyle: 'underline' }));
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: /^Underline/u }) as HTMLInputElement).checked).toBe(true),
    );
  });

  it('puts the style choice back and says so when it could not be saved', async () => {
    const services = servicesFor(articlePage);
    services.updatePreferences = vi.fn(async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    render(<PopupApp parts={series} glossary={glossary} services={services} />);
    fireEvent.click(await screen.findByRole('radio', { name: /^Subtle/u }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not save: .*Your change was not kept\.$/u);
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: /^Background/u }) as HTMLInputElement).checked).toBe(true),
    );
  });

  it('lists the terms on the page and shows the chosen one there', async () => {
    const services = servicesFor(articlePage);
    render(<PopupApp parts={series} glossary={glossary} services={services} />);
    const list = await screen.findByRole('region', { name: 'On this page' });
    expect([...list.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'SSRI, 3 times',
      'Ketamine, 2 times',
    ]);
    fireEvent.click(screen.getByRole('button', { name: /^Ketamine\b/u }));
    expect(services.showTerm).toHaveBeenCalledWith('ketamine');
  });

  it('lists the page’s terms only once the header above them is complete, so they do not move under the pointer', async () => {
    let settingsArrive: (settings: Settings) => void = () => {};
    const services = {
      ...servicesFor(articlePage),
      loadSettings: () => new Promise<Settings>((resolve) => (settingsArrive = resolve)),
    };
    render(<PopupApp parts={series} glossary={glossary} services={services} />);
    expect(await screen.findByText('Looking at this page…')).toBeTruthy();
    // The page has answered; the settings have not: no list yet.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: /^Ketamine\b/u })).toBeNull();
    settingsArrive({ ...DEFAULT_SETTINGS, mode: 'everywhere' });
    expect(await screen.findByRole('button', { name: /^Ketamine\b/u })).toBeTruthy();
    expect(screen.getByRole('switch')).toBeTruthy();
  });

  it('says so on pages where it cannot run', async () => {
    render(<PopupApp parts={series} glossary={glossary} services={servicesFor(null)} />);
    expect(await screen.findByText('Highlighting is not available on this page.')).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('finds terms with a typo and opens the cited section', async () => {
    render(<PopupApp parts={series} glossary={glossary} services={servicesFor(articlePage)} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'glutamte' } });
    const result = await screen.findByRole('button', { name: /^Glutamate/u });
    fireEvent.click(result);
    await waitFor(() =>
      expect(document.getElementById('part-1/beyond-daily-medication')?.classList.contains('is-target')).toBe(true),
    );
  });
});
