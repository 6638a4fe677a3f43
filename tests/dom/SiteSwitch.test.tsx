import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteSwitch } from '@/components/SiteSwitch';
import type { PageState } from '@/extension/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/preferences';

const page = (fields: Partial<PageState> = {}): PageState => ({
  site: 'www.example.org',
  path: '/health/depression',
  enabled: true,
  relevant: null,
  termCounts: { ssri: 2, anxiety: 1 },
  ...fields,
});
const settings = (fields: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...fields });

describe('SiteSwitch', () => {
  afterEach(cleanup);

  it('offers this site, this host and this path, starting on the site', () => {
    render(<SiteSwitch page={page()} settings={settings({ mode: 'everywhere' })} onSwitch={vi.fn()} />);
    const scope = screen.getByRole('combobox', { name: 'Switch applies to' }) as HTMLSelectElement;
    expect([...scope.options].map((option) => option.textContent)).toEqual([
      'This site (example.org and its subdomains)',
      'This host (www.example.org)',
      'This path (www.example.org/health/)',
    ]);
    expect(scope.selectedOptions[0]?.textContent).toMatch(/^This site/u);
    expect(screen.getByText('No rule here: highlighting everywhere.')).toBeTruthy();
    expect(screen.getByText('3 highlighted terms on this page')).toBeTruthy();
  });

  it('switches where the user chose', () => {
    const onSwitch = vi.fn();
    render(<SiteSwitch page={page()} settings={settings({ mode: 'everywhere' })} onSwitch={onSwitch} />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'path www.example.org/health/' } });
    fireEvent.click(screen.getByRole('switch'));
    expect(onSwitch).toHaveBeenCalledWith(
      { host: 'www.example.org', path: '/health/depression' },
      { scope: 'path', pattern: 'www.example.org/health/', kind: 'path' },
      false,
    );
  });

  it('shows the rule that decides and starts on its scope', () => {
    const rules = [
      { scope: 'domain' as const, pattern: 'example.org', enabled: true },
      { scope: 'path' as const, pattern: 'www.example.org/health/depression', enabled: false },
    ];
    render(<SiteSwitch page={page({ enabled: false })} settings={settings({ rules })} onSwitch={vi.fn()} />);
    expect(screen.getByText('Your rule for www.example.org/health/depression and below turns it off.')).toBeTruthy();
    const scope = screen.getByRole('combobox') as HTMLSelectElement;
    expect(scope.selectedOptions[0]?.textContent).toBe('The rule that applies (www.example.org/health/depression)');
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('Off for this part of the site')).toBeTruthy();
  });

  it.each([
    ['domain', 'example.org'],
    ['host', 'www.example.org'],
  ] as const)('says a %s rule turns off the site', (scope, pattern) => {
    const rules = [{ scope, pattern, enabled: false }];
    render(<SiteSwitch page={page({ enabled: false })} settings={settings({ rules })} onSwitch={vi.fn()} />);
    expect(screen.getByText('Off for this site')).toBeTruthy();
  });

  it.each([
    [{ relevant: null }, 'Shown once this page proves to be about mental health', false],
    [{ relevant: false }, 'Not shown: this page does not look like it is about mental health', false],
    [{ relevant: true }, '3 highlighted terms on this page', true],
  ])('only on pages about mental health: %j → %s', (fields, status, checked) => {
    render(<SiteSwitch page={page(fields)} settings={settings()} onSwitch={vi.fn()} />);
    expect(screen.getByText(status)).toBeTruthy();
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(checked);
    expect(screen.getByText('No rule here: highlighting only on pages about mental health.')).toBeTruthy();
  });

  it('only on sites I choose: off without a rule', () => {
    render(<SiteSwitch page={page()} settings={settings({ mode: 'chosen-sites' })} onSwitch={vi.fn()} />);
    expect(screen.getByText('Off: not one of your sites')).toBeTruthy();
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
  });

  it('keeps the click while the page reports again and the settings have not changed yet', () => {
    // The popup asks the page every second; Firefox's storage.sync can take longer than that to
    // report the write the click made. The switch showed the old state again in between.
    const onSwitch = vi.fn(() => new Promise(() => {}));
    const before = settings({ mode: 'everywhere' });
    const { rerender } = render(<SiteSwitch page={page()} settings={before} onSwitch={onSwitch} />);
    const control = screen.getByRole('switch') as HTMLInputElement;
    fireEvent.click(control);
    expect(control.checked).toBe(false);
    rerender(<SiteSwitch page={page({ termCounts: { ssri: 2 } })} settings={before} onSwitch={onSwitch} />);
    expect(control.checked).toBe(false);
    // Once the stored settings change, they take over.
    rerender(<SiteSwitch page={page({ termCounts: { ssri: 2 } })} settings={settings()} onSwitch={onSwitch} />);
    expect(control.checked).toBe(false);
    expect(screen.getByText('Shown once this page proves to be about mental health')).toBeTruthy();
  });

  it('opens the options page', () => {
    const onOpenOptions = vi.fn();
    render(<SiteSwitch page={page()} settings={settings()} onSwitch={vi.fn()} onOpenOptions={onOpenOptions} />);
    fireEvent.click(screen.getByRole('button', { name: 'All rules and settings' }));
    expect(onOpenOptions).toHaveBeenCalled();
  });
});
