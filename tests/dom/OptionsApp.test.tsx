import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp, type OptionsServices } from '@/components/OptionsApp';
import { glossary } from '@/content/glossary';
import type { StoredSettings } from '@/extension/settings';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/preferences';
import { serializeSettings } from '@/utils/settings-file';
import type { SiteRule } from '@/utils/site-rules';

const rules: SiteRule[] = [
  { scope: 'domain', pattern: 'zeta.org', enabled: false },
  { scope: 'host', pattern: 'www.alpha.net', enabled: true },
  { scope: 'path', pattern: 'mid.org/health/', enabled: false },
];

/** Settings kept in memory, saved and reported back as the storage module would. */
function servicesWith(initial: Settings) {
  let stored: StoredSettings = { settings: initial, rulesIn: 'sync' };
  const update = vi.fn(async (change: (current: Settings) => Settings) => {
    stored = { ...stored, settings: change(stored.settings) };
    return stored;
  });
  const services = {
    load: async () => stored,
    watch: () => () => {},
    update,
    download: vi.fn(),
    siteShortcut: async () => 'Alt+Shift+H',
    firstRunPage: 'chrome-extension://id/welcome.html',
  } satisfies OptionsServices;
  return { services, current: () => stored.settings };
}

const rowTexts = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

async function chooseFile(text: string, name = 'settings.json') {
  const input = (await screen.findByLabelText('Settings file to import')) as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('OptionsApp', () => {
  afterEach(cleanup);

  it('shows and changes the mode, the density and the hover delay', async () => {
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS });
    render(<OptionsApp services={services} glossary={glossary} />);
    const onlyRelevant = (await screen.findByRole('radio', {
      name: /Only on pages about mental health/u,
    })) as HTMLInputElement;
    expect(onlyRelevant.checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Everywhere/u }));
    await waitFor(() => expect(current().mode).toBe('everywhere'));

    const density = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;
    expect(density(/The first time in each section/u).checked).toBe(true);
    expect(density(/The first time in each section/u).closest('label')?.textContent).toMatch(/\(default\)/u);
    fireEvent.click(density(/Only the first time on a page/u));
    await waitFor(() => expect(current().highlightDensity).toBe('first-on-page'));
    fireEvent.click(density(/Every time a term appears/u));
    await waitFor(() => expect(current().highlightDensity).toBe('every'));

    const delay = screen.getByRole('spinbutton', { name: /Open a card after resting/u }) as HTMLInputElement;
    fireEvent.input(delay, { target: { value: '650' } });
    fireEvent.change(delay);
    await waitFor(() => expect(current().hoverDelayMs).toBe(650));
    // Out of range: not saved.
    fireEvent.input(delay, { target: { value: '99999' } });
    fireEvent.change(delay);
    await waitFor(() => expect(delay.value).toBe('650'));
    expect(current().hoverDelayMs).toBe(650);
    expect(screen.getByText(/Alt\+Shift\+H turns highlighting on or off/u)).toBeTruthy();
  });

  it('changes the highlight style, each shown on a light and a dark page', async () => {
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS });
    render(<OptionsApp services={services} glossary={glossary} />);
    const style = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;
    expect(((await screen.findByRole('radio', { name: /^Background/u })) as HTMLInputElement).checked).toBe(true);
    expect(
      style(/^Background/u)
        .closest('label')
        ?.querySelectorAll('.highlight-sample'),
    ).toHaveLength(2);
    fireEvent.click(style(/^Underline only/u));
    await waitFor(() => expect(current().highlightStyle).toBe('underline'));
    fireEvent.click(style(/^Subtle/u));
    await waitFor(() => expect(current().highlightStyle).toBe('subtle'));
  });

  it('changes how cards open, the key to hold and the text size', async () => {
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS });
    render(<OptionsApp services={services} glossary={glossary} />);
    const hover = (await screen.findByRole('radio', {
      name: /^When I rest the pointer on a term After/u,
    })) as HTMLInputElement;
    expect(hover.checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /while holding a key/u }));
    await waitFor(() => expect(current().cardTrigger).toBe('hover-with-key'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Key to hold' }), { target: { value: 'Shift' } });
    await waitFor(() => expect(current().cardTriggerKey).toBe('Shift'));
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click a term/u }));
    await waitFor(() => expect(current().cardTrigger).toBe('click'));
    fireEvent.click(screen.getByRole('radio', { name: 'Large' }));
    await waitFor(() => expect(current().cardTextSize).toBe('large'));
    expect(screen.getByText(/keyboard shortcuts for the next and previous term/u)).toBeTruthy();
  });

  it('lists hidden terms by name and brings each back', async () => {
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS, hiddenTerms: ['ketamine', 'gone-term', 'ssri'] });
    render(<OptionsApp services={services} glossary={glossary} />);
    expect(
      (await screen.findAllByRole('button', { name: /^Show again: /u })).map((button) =>
        button.getAttribute('aria-label'),
      ),
    ).toEqual(['Show again: Ketamine', 'Show again: gone-term', 'Show again: SSRI']);
    fireEvent.click(screen.getByRole('button', { name: 'Show again: Ketamine' }));
    await waitFor(() => expect(current().hiddenTerms).toEqual(['gone-term', 'ssri']));
    fireEvent.click(screen.getByRole('button', { name: 'Show again: gone-term' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show again: SSRI' }));
    await waitFor(() => expect(current().hiddenTerms).toEqual([]));
    expect(await screen.findByText(/No term is hidden/u)).toBeTruthy();
  });

  it('links to the welcome page', async () => {
    const { services } = servicesWith({ ...DEFAULT_SETTINGS });
    render(<OptionsApp services={services} glossary={glossary} />);
    expect((await screen.findByRole('link', { name: 'The welcome page' })).getAttribute('href')).toBe(
      'chrome-extension://id/welcome.html',
    );
  });

  it('lists, searches, sorts, switches, edits and removes rules', async () => {
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS, rules });
    render(<OptionsApp services={services} glossary={glossary} />);
    await screen.findByRole('table');
    expect(rowTexts()).toEqual(['zeta.org', 'www.alpha.net', 'mid.org/health/']);

    fireEvent.click(screen.getByRole('button', { name: 'Site, host or path' }));
    expect(rowTexts()).toEqual(['mid.org/health/', 'www.alpha.net', 'zeta.org']);
    fireEvent.click(screen.getByRole('button', { name: /^Site, host or path/u }));
    expect(rowTexts()).toEqual(['zeta.org', 'www.alpha.net', 'mid.org/health/']);
    expect(screen.getAllByRole('columnheader')[0]?.getAttribute('aria-sort')).toBe('descending');

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search rules' }), { target: { value: 'ALPHA' } });
    expect(rowTexts()).toEqual(['www.alpha.net']);
    expect(screen.getByText('1 of 3 rules match')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });

    fireEvent.click(screen.getByRole('switch', { name: 'Highlighting on zeta.org' }));
    await waitFor(() => expect(current().rules[0]).toEqual({ scope: 'domain', pattern: 'zeta.org', enabled: true }));

    fireEvent.click(screen.getByRole('button', { name: 'Edit the rule for mid.org/health/' }));
    fireEvent.input(screen.getByLabelText('Site, host or path', { selector: '#edit-rule-pattern' }), {
      target: { value: 'mid.org/news/' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(current().rules[2]).toEqual({ scope: 'path', pattern: 'mid.org/news/', enabled: false }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Remove the rule for www.alpha.net' }));
    await waitFor(() => expect(current().rules.map((rule) => rule.pattern)).toEqual(['zeta.org', 'mid.org/news/']));
  });

  it('adds a rule, and explains what is wrong with one it cannot add', async () => {
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS });
    render(<OptionsApp services={services} glossary={glossary} />);
    const pattern = await screen.findByLabelText('Site, host or path', { selector: '#add-rule-pattern' });
    fireEvent.input(pattern, { target: { value: 'example.org/health/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/make it a path rule/u);
    expect(current().rules).toEqual([]);

    fireEvent.change(screen.getByLabelText('Applies to', { selector: '#add-rule-scope' }), {
      target: { value: 'path' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() =>
      expect(current().rules).toEqual([{ scope: 'path', pattern: 'example.org/health/', enabled: false }]),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('exports the settings as the file format', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, rules };
    const { services } = servicesWith(settings);
    render(<OptionsApp services={services} glossary={glossary} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export settings' }));
    expect(services.download).toHaveBeenCalledWith(
      'mental-health-explainer-settings.json',
      serializeSettings(settings),
    );
  });

  it('refuses an invalid file with a clear message and changes nothing', async () => {
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS, rules });
    render(<OptionsApp services={services} glossary={glossary} />);
    await chooseFile(
      JSON.stringify({ format: 'mental-health-explainer-settings', version: 2, rules: [{ scope: 'x' }] }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Nothing was changed\. This settings file cannot be imported:/u);
    expect(alert.textContent).toMatch(/rules\[0\]\.scope: must be one of/u);
    expect(services.update).not.toHaveBeenCalled();
    expect(current().rules).toEqual(rules);
  });

  it.each([
    [
      'merges',
      'merge',
      (imported: Settings): Settings => ({ ...DEFAULT_SETTINGS, rules: [...rules, ...imported.rules.slice(1)] }),
    ],
    ['replaces', 'replace', (imported: Settings): Settings => imported],
  ])('%s a valid file', async (_what, how, expected) => {
    const imported: Settings = {
      ...DEFAULT_SETTINGS,
      mode: 'chosen-sites',
      highlightDensity: 'first-on-page',
      hoverDelayMs: 100,
      rules: [rules[0] as SiteRule, { scope: 'domain', pattern: 'new.org', enabled: true }],
    };
    const { services, current } = servicesWith({ ...DEFAULT_SETTINGS, rules });
    render(<OptionsApp services={services} glossary={glossary} />);
    await chooseFile(serializeSettings(imported), 'shared.json');
    if (how === 'replace') fireEvent.click(await screen.findByRole('radio', { name: /^Replace/u }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/shared\.json/u);
    expect(current()).toEqual(expected(imported));
  });
});
