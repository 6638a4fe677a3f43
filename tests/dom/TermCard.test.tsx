import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TermCard } from '@/components/TermCard';
import { glossary } from '@/content/glossary';
import { seriesParts } from '@/content/parts';
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
    render(<TermCard explanation={explanationOf('psychedelic-integration')} onReadMore={() => {}} />);
    expect(screen.getByText('What is Psychedelic Integration?')).toBeTruthy();
  });

  it('renders data as text, never as markup', () => {
    const explanation = { ...explanationOf('ssri'), summary: '<img src=x onerror=alert(1)>' };
    const { container } = render(<TermCard explanation={explanation} onReadMore={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
