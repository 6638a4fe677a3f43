import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '@/content/glossary';
import { seriesParts } from '@/content/parts';
import { TermCard } from '@/page/card/TermCard';
import { explainTerm } from '@/utils/term-explanation';

const explanationOf = (id: string) => {
  const entry = glossary.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(id);
  return explainTerm(entry, seriesParts, glossary);
};

describe('TermCard', () => {
  afterEach(cleanup);

  it('shows the term, its summary, where the series says it, and the not-medical-advice note', () => {
    render(<TermCard explanation={explanationOf('glutamate')} onReadMore={() => {}} />);
    const card = screen.getByRole('dialog', { name: 'Glutamate' });
    expect(card.textContent).toContain(glossary.find((entry) => entry.id === 'glutamate')?.summary);
    expect(screen.getByText('Part I · Beyond Daily Medication')).toBeTruthy();
    expect(screen.getByText('Educational content, not medical advice.')).toBeTruthy();
  });

  it('reads on at the cited section', () => {
    const onReadMore = vi.fn();
    render(<TermCard explanation={explanationOf('psychotherapy')} onReadMore={onReadMore} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read in the series' }));
    expect(onReadMore).toHaveBeenCalledWith('part-1/a-holistic-healing-approach');
  });

  it('cites an announced part by its title alone', () => {
    const { container } = render(
      <TermCard explanation={explanationOf('psychedelic-integration')} onReadMore={() => {}} />,
    );
    expect(container.querySelector('.source')?.textContent).toBe('Source: What is Psychedelic Integration?');
  });

  it('is a dialog named by its term and described by its summary', () => {
    render(<TermCard explanation={explanationOf('ssri')} onReadMore={() => {}} />);
    const card = screen.getByRole('dialog', { name: 'SSRI' });
    const summary = document.getElementById(card.getAttribute('aria-describedby') ?? '');
    expect(summary?.textContent).toBe(glossary.find((entry) => entry.id === 'ssri')?.summary);
  });

  it('offers the related terms and shows one when chosen', () => {
    const onRelated = vi.fn();
    render(<TermCard explanation={explanationOf('ssri')} onReadMore={() => {}} onRelated={onRelated} />);
    const related = screen.getByRole('list', { name: 'Related' });
    expect([...related.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
      'Serotonin',
      'Ketamine',
      'Daily medication',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Ketamine' }));
    expect(onRelated).toHaveBeenCalledWith('ketamine');
  });

  it('has a close button only when it can be closed, and no related terms unless they can be shown', () => {
    const onClose = vi.fn();
    const { rerender } = render(<TermCard explanation={explanationOf('ssri')} onReadMore={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
    rerender(<TermCard explanation={explanationOf('ssri')} onReadMore={() => {}} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('puts "Read in the series" first in the Tab order and the close button last', () => {
    render(
      <TermCard
        explanation={explanationOf('glutamate')}
        onReadMore={() => {}}
        onRelated={() => {}}
        onClose={() => {}}
      />,
    );
    const controls = screen
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label') ?? button.textContent);
    expect(controls[0]).toBe('Read in the series');
    expect(controls.at(-1)).toBe('Close');
  });

  it('renders data as text, never as markup', () => {
    const explanation = { ...explanationOf('ssri'), summary: '<img src=x onerror=alert(1)>' };
    const { container } = render(<TermCard explanation={explanation} onReadMore={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
