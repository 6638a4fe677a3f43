import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SampleExplainer, WelcomeApp, type WelcomeServices } from '@/components/WelcomeApp';
import { firstRunSample } from '@/content/first-run-sample';
import { series } from '@/content/series';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/preferences';

const sample = firstRunSample(series) ?? { text: '', source: '' };

function servicesWith(initial: Settings = { ...DEFAULT_SETTINGS }) {
  let settings = initial;
  const explainer: SampleExplainer = {
    terms: () => [
      { id: 'ssri', term: 'SSRI' },
      { id: 'depression', term: 'Depression' },
    ],
    showTerm: vi.fn(() => true),
    stop: vi.fn(),
  };
  const services: WelcomeServices = {
    loadSettings: async () => settings,
    watchSettings: () => () => {},
    setMode: vi.fn(async (mode) => {
      settings = { ...settings, mode };
      return undefined;
    }),
    explainSample: vi.fn((_paragraph, onReady) => {
      queueMicrotask(onReady);
      return explainer;
    }),
    siteShortcut: async () => 'Alt+Shift+H',
    optionsPage: 'chrome-extension://id/options.html',
  };
  return { services, explainer, current: () => settings };
}

describe('WelcomeApp (the first-run page)', () => {
  afterEach(cleanup);

  it('says what the extension does, and that it is not medical advice', () => {
    render(<WelcomeApp services={servicesWith().services} sample={sample} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Mental Health Explainer' })).toBeTruthy();
    expect(screen.getByText('Educational content, not medical advice.')).toBeTruthy();
  });

  it('quotes a paragraph of the series to try cards on, with its source, and explains it there', async () => {
    const { services, explainer } = servicesWith();
    render(<WelcomeApp services={services} sample={sample} />);
    const quoted = screen.getByText(sample.text);
    expect(services.explainSample).toHaveBeenCalledWith(quoted, expect.any(Function));
    expect(screen.getByText('From the series: Part I, Beyond Daily Medication')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Depression' }));
    expect(explainer.showTerm).toHaveBeenCalledWith('depression');
  });

  it('offers the three modes with the default chosen and marked, and saves a change', async () => {
    const { services, current } = servicesWith();
    render(<WelcomeApp services={services} sample={sample} />);
    const radios = (await screen.findAllByRole('radio')) as HTMLInputElement[];
    expect(radios.map((radio) => [radio.value, radio.checked])).toEqual([
      ['mental-health-pages', true],
      ['everywhere', false],
      ['chosen-sites', false],
    ]);
    expect(radios[0]?.closest('label')?.textContent).toMatch(/\(default\)/u);
    fireEvent.click(screen.getByRole('radio', { name: /^Everywhere/u }));
    await waitFor(() => expect(current().mode).toBe('everywhere'));
  });

  it('says when the mode could not be saved', async () => {
    const { services } = servicesWith();
    services.setMode = vi.fn(async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    render(<WelcomeApp services={services} sample={sample} />);
    fireEvent.click(await screen.findByRole('radio', { name: /^Everywhere/u }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Your change was not kept/u);
  });

  it('says what stays on the device, and every way to turn it off on a site', async () => {
    render(<WelcomeApp services={servicesWith().services} sample={sample} />);
    const device = screen.getByRole('region', { name: 'What stays on this device' });
    expect(device.textContent).toMatch(/never leaves it/u);
    expect(device.textContent).toMatch(/makes no network requests/u);
    const off = screen.getByRole('region', { name: 'Turning it off on a site' });
    expect(off.textContent).toMatch(/Not on this site/u);
    expect(off.textContent).toMatch(/Turn highlighting on or off for this site/u);
    expect(await screen.findByText('Alt+Shift+H')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All settings' }).getAttribute('href')).toBe(
      'chrome-extension://id/options.html',
    );
  });

  it('tells how to open a card by the reader’s choice of trigger', async () => {
    render(
      <WelcomeApp
        services={
          servicesWith({ ...DEFAULT_SETTINGS, cardTrigger: 'hover-with-key', cardTriggerKey: 'Shift' }).services
        }
        sample={sample}
      />,
    );
    expect(await screen.findByText(/while holding Shift/u)).toBeTruthy();
  });
});
