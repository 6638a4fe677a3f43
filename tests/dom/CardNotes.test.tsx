import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossary } from '@/content/glossary';
import { MEDICINE_SAFETY_NOTE } from '@/content/health-notices';
import { helpLineData } from '@/content/help-lines';
import { seriesParts } from '@/content/parts';
import { TermCard } from '@/page/card/TermCard';
import { chooseHelp, type HelpChoice } from '@/utils/help-line-choice';
import { explainTerm } from '@/utils/term-explanation';

const explanationOf = (id: string) => {
  const entry = glossary.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(id);
  return explainTerm(entry, seriesParts, glossary);
};
const summaryOf = (id: string) => glossary.find((entry) => entry.id === id)?.summary;
const inTheUnitedStates = chooseHelp(helpLineData, 'auto', 'en-US');
const nowhereKnown = chooseHelp(helpLineData, 'auto', 'fr');

function card(id: string, help: HelpChoice | null = inTheUnitedStates, onReadMore = vi.fn()) {
  const view = render(<TermCard explanation={explanationOf(id)} onReadMore={onReadMore} help={help} />);
  return { ...view, dialog: screen.getByRole('dialog'), onReadMore };
}

describe("the card's editors' notes", () => {
  afterEach(cleanup);

  it.each(['ssri', 'ketamine', 'daily-medication'])(
    '%s: the medicine safety line, labelled as the editors’, outside the summary',
    (id) => {
      const { container } = card(id);
      const note = container.querySelector('.editors-note');
      expect(note?.textContent).toBe(`Editors' note: ${MEDICINE_SAFETY_NOTE}`);
      expect(note?.querySelector('.note-label')?.textContent).toBe("Editors' note");
      const summary = container.querySelector('.summary');
      expect(summary?.textContent).toBe(summaryOf(id));
      expect(summary?.contains(note ?? null)).toBe(false);
    },
  );

  it.each(['glutamate', 'depression', 'serotonin'])('%s: no note where the editors add none', (id) => {
    const { container } = card(id);
    expect(container.querySelector('.editors-note')).toBeNull();
    expect(container.textContent).not.toContain(MEDICINE_SAFETY_NOTE);
  });

  it("shows an entry's own editors' note apart from its summary", () => {
    const { container } = card('psychedelic-integration');
    expect(container.querySelector('.summary')?.textContent).toBe('“What is Psychedelic Integration?”');
    expect(container.querySelector('.editors-note')?.textContent).toMatch(
      /^Editors' note: The series has announced a part with this title/u,
    );
  });

  it('opens "About this content" in the reader, and keeps "Read in the series" at the section', () => {
    const { onReadMore } = card('ssri');
    fireEvent.click(screen.getByRole('button', { name: 'About this content' }));
    expect(onReadMore).toHaveBeenCalledWith('about');
    fireEvent.click(screen.getByRole('button', { name: 'Read in the series' }));
    expect(onReadMore).toHaveBeenLastCalledWith('part-1/beyond-daily-medication');
  });
});

describe("a condition's pointer to help", () => {
  afterEach(cleanup);

  it.each(['depression', 'anxiety'])('%s: ends with the country’s line and the directory, calmly', (id) => {
    const { container } = card(id);
    const pointer = container.querySelector('.term-card > .help-pointer:last-of-type');
    expect(pointer?.textContent).toBe(
      'If you would like to talk to someone: 988 Suicide & Crisis Lifeline, call 988 · Helplines in other countries',
    );
    const call = within(pointer as HTMLElement).getByRole('link', { name: 'call 988' });
    expect(call.getAttribute('href')).toBe('tel:988');
    const directory = within(pointer as HTMLElement).getByRole('link', { name: 'Helplines in other countries' });
    expect(directory.getAttribute('href')).toBe('https://findahelpline.com/');
    expect(directory.getAttribute('target')).toBe('_blank');
    expect(directory.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('points to the directory alone where the country is unknown: never another country’s number', () => {
    const { container } = card('depression', nowhereKnown);
    const pointer = container.querySelector('.help-pointer');
    expect(pointer?.textContent).toBe('If you would like to talk to someone: Find a helpline near you');
    expect(container.querySelector('a[href^="tel:"], a[href^="sms:"]')).toBeNull();
  });

  it('leaves no trace when help lines are off', () => {
    const { container } = card('depression', null);
    expect(container.querySelector('.help-pointer')).toBeNull();
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).not.toMatch(/help|talk to someone|988/iu);
  });

  it.each(['ssri', 'glutamate'])('%s: no pointer on a term that is no condition', (id) => {
    const { container } = card(id);
    expect(container.querySelector('.help-pointer')).toBeNull();
  });
});
