import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp, type OptionsServices } from '@/components/OptionsApp';
import { glossary } from '@/content/glossary';
import type { StoredSettings } from '@/extension/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/preferences';

/** Settings kept in memory and saved as the storage module would, in a browser in `uiLanguage`. */
function optionsIn(uiLanguage: string, initial: Partial<Settings> = {}) {
  let stored: StoredSettings = { settings: { ...DEFAULT_SETTINGS, ...initial }, rulesIn: 'sync' };
  const services = {
    load: async () => stored,
    watch: () => () => {},
    update: vi.fn(async (change: (current: Settings) => Settings) => {
      stored = { ...stored, settings: change(stored.settings) };
      return stored;
    }),
    download: vi.fn(),
    siteShortcut: async () => '',
    uiLanguage: () => uiLanguage,
    firstRunPage: 'welcome.html',
  } satisfies OptionsServices;
  render(<OptionsApp services={services} glossary={glossary} />);
  return { current: () => stored.settings };
}

const section = async () => screen.findByRole('region', { name: 'Help lines' });
const countryChoices = (select: HTMLSelectElement) =>
  [...select.options].map((option) => [option.value, option.textContent]);

describe('the options’ help lines', () => {
  afterEach(cleanup);

  it('offers the browser language’s country first, each country with a line, and "somewhere else"', async () => {
    optionsIn('en-US');
    const help = await section();
    const select = within(help).getByRole('combobox', { name: 'Country' }) as HTMLSelectElement;
    expect(select.value).toBe('auto');
    expect(countryChoices(select)).toEqual([
      ['auto', "Automatic: United States, from your browser's language"],
      ['US', 'United States'],
      ['GB', 'United Kingdom'],
      ['IE', 'Ireland'],
      ['AU', 'Australia'],
      ['ZZ', 'Somewhere else'],
    ]);
    expect(
      within(help).getByText(/point to 988 Suicide & Crisis Lifeline \(call 988, text 988, chat online\)/u),
    ).toBeTruthy();
  });

  it('saves the country chosen, and says what cards and the popup now point to', async () => {
    const { current } = optionsIn('en-US');
    const select = within(await section()).getByRole('combobox', { name: 'Country' });
    fireEvent.change(select, { target: { value: 'GB' } });
    await waitFor(() => expect(current().helpCountry).toBe('GB'));
    expect(
      await screen.findByText(
        'Cards and the popup point to Samaritans (call 116 123) and to Find A Helpline for other countries.',
      ),
    ).toBeTruthy();
  });

  it('switches help lines off, and the country with them', async () => {
    const { current } = optionsIn('en-GB');
    const help = await section();
    const show = within(help).getByRole('checkbox', {
      name: 'Show help lines in cards and the popup',
    }) as HTMLInputElement;
    expect(show.checked).toBe(true);
    fireEvent.click(show);
    await waitFor(() => expect(current().helpLines).toBe(false));
    await waitFor(() => expect((within(help).getByRole('combobox') as HTMLSelectElement).disabled).toBe(true));
    expect(within(help).getByText('Cards and the popup show no help lines.')).toBeTruthy();
  });

  it('names a browser language without a country plainly, and keeps a country chosen elsewhere', async () => {
    optionsIn('fr', { helpCountry: 'FR' });
    const select = within(await section()).getByRole('combobox', { name: 'Country' }) as HTMLSelectElement;
    expect(select.value).toBe('FR');
    expect(countryChoices(select)[0]).toEqual(['auto', 'Automatic']);
    expect(countryChoices(select)).toContainEqual(['FR', 'France']);
    expect(
      screen.getByText('Cards and the popup point to Find A Helpline, which lists helplines in many countries.'),
    ).toBeTruthy();
  });
});
