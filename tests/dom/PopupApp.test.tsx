import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, type PopupServices } from '@/components/PopupApp';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';
import type { PageState } from '@/extension/messages';

function servicesFor(page: PageState | null): PopupServices & { setSiteEnabled: ReturnType<typeof vi.fn> } {
  return {
    loadPageState: async () => page,
    setSiteEnabled: vi.fn(async () => {}),
    openReader: vi.fn(),
  };
}

const articlePage: PageState = { site: 'news.example', enabled: true, termCounts: { ssri: 3, ketamine: 2 } };

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
    const toggle = await screen.findByRole('switch');
    expect(screen.getByText('5 highlighted terms on this page')).toBeTruthy();
    fireEvent.click(toggle);
    await waitFor(() => expect(services.setSiteEnabled).toHaveBeenCalledWith('news.example', false));
    expect(await screen.findByText('Off for this site')).toBeTruthy();
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
