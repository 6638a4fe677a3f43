import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupServices } from '@/components/PopupApp';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/preferences';

/** The popup's browser side with fixed settings, in a browser whose UI language is `uiLanguage`. */
function popupWith(settings: Partial<Settings>, uiLanguage: string) {
  const loaded = Promise.resolve({ ...DEFAULT_SETTINGS, ...settings });
  const services: PopupServices & { loaded: Promise<Settings> } = {
    loaded,
    loadPageState: async () => null,
    loadSettings: () => loaded,
    watchSettings: () => () => {},
    switchSite: vi.fn(),
    updatePreferences: vi.fn(),
    openOptions: vi.fn(),
    openReader: vi.fn(),
    showTerm: vi.fn(async () => false),
    uiLanguage: () => uiLanguage,
  };
  render(<PopupApp parts={series} glossary={glossary} services={services} />);
  return services;
}

/** The "Need help now?" entry, once the settings are in. */
async function helpEntry() {
  const summary = await screen.findByText('Need help now?');
  const details = summary.closest('details');
  if (!details) throw new Error('"Need help now?" is not a disclosure');
  return details;
}

const linksOf = (element: HTMLElement) =>
  within(element)
    .getAllByRole('link', { hidden: true })
    .map((link) => [link.textContent, link.getAttribute('href')]);

describe('the popup’s "Need help now?"', () => {
  afterEach(cleanup);

  it('is one closed line that opens to the United States line in an en-US browser, and the directory', async () => {
    popupWith({}, 'en-US');
    const details = await helpEntry();
    expect(details.open).toBe(false);
    fireEvent.click(within(details).getByText('Need help now?'));
    expect(linksOf(details)).toEqual([
      ['988 Suicide & Crisis Lifeline', 'https://988lifeline.org/'],
      ['Call 988', 'tel:988'],
      ['Text 988', 'sms:988'],
      ['Chat online', 'https://988lifeline.org/'],
      ['Helplines in other countries', 'https://findahelpline.com/'],
    ]);
    for (const link of within(details).getAllByRole('link', { hidden: true })) {
      if (link.getAttribute('href')?.startsWith('https:')) expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('shows the United Kingdom line once the options say United Kingdom', async () => {
    popupWith({ helpCountry: 'GB' }, 'en-US');
    const details = await helpEntry();
    expect(linksOf(details).slice(0, 2)).toEqual([
      ['Samaritans', 'https://www.samaritans.org/'],
      ['Call 116 123', 'tel:116123'],
    ]);
    expect(details.textContent).toContain('United Kingdom');
    expect(details.textContent).not.toContain('988');
  });

  it.each(['fr', '', 'xx-ZZ'])('offers the directory alone in a browser in %j: no wrong number', async (language) => {
    popupWith({}, language);
    const details = await helpEntry();
    expect(linksOf(details)).toEqual([['Find a helpline near you', 'https://findahelpline.com/']]);
  });

  it('leads to the options, where the country is changed or help lines turned off', async () => {
    const services = popupWith({}, 'en-GB');
    const details = await helpEntry();
    fireEvent.click(
      within(details).getByRole('button', { name: 'Change the country, or turn this off', hidden: true }),
    );
    expect(services.openOptions).toHaveBeenCalledOnce();
  });

  it('leaves no trace when help lines are off', async () => {
    const services = popupWith({ helpLines: false }, 'en-US');
    // The popup has drawn what the settings say.
    await act(async () => void (await services.loaded));
    expect(document.querySelector('details.help-now')).toBeNull();
    expect(screen.queryByText(/Need help now|helpline|988|116 123/u)).toBeNull();
    expect(document.querySelector('a[href^="tel:"], a[href^="sms:"], a[href*="findahelpline"]')).toBeNull();
  });
});
