import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReaderApp } from '@/components/ReaderApp';
import { glossary } from '@/content/glossary';
import { MEDICINE_SAFETY_NOTE, NOT_MEDICAL_ADVICE } from '@/content/health-notices';
import { helpLineData } from '@/content/help-lines';
import { series } from '@/content/series';

const region = (name: string) => screen.getByRole('region', { name });

describe('"About this content" in the reader', () => {
  beforeEach(() => {
    location.hash = '#about';
  });
  afterEach(() => {
    cleanup();
    location.hash = '';
  });

  it('is a page of its own at reader.html#about, with a way back to the series', () => {
    render(<ReaderApp parts={series} glossary={glossary} />);
    expect(screen.getByRole('heading', { level: 1, name: 'About this content' })).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the series' }).getAttribute('href')).toBe('#part-1');
  });

  it('says what the series is, and that Parts II and III are announced but not yet written', () => {
    render(<ReaderApp parts={series} glossary={glossary} />);
    const parts = within(region('The series'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(parts).toEqual([
      'Ketamine vs. SSRI: Part I - Biology: published, here in full',
      'Ketamine vs. SSRI: Part II Patient Experience: announced, not yet written',
      'What is Psychedelic Integration?: announced, not yet written',
    ]);
  });

  it('says what the glossary is and when the editors last reviewed it', () => {
    render(<ReaderApp parts={series} glossary={glossary} />);
    const glossarySection = region('The glossary');
    expect(glossarySection.textContent).toContain('Last reviewed by the editors on 5 December 2026.');
    expect(glossarySection.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-05');
  });

  it("tells the article's words from the editors', showing an editors' note as the card does", () => {
    render(<ReaderApp parts={series} glossary={glossary} />);
    const words = region('Whose words are whose');
    expect(words.textContent).toMatch(/The article’s words: the series itself, and the summary on each card/u);
    expect(words.textContent).toMatch(/The editors’ words: every line labelled “Editors' note”/u);
    expect(words.querySelector('.about-note-sample')?.textContent).toBe(`Editors' note: ${MEDICINE_SAFETY_NOTE}`);
  });

  it('lists where each help line was checked, and when', () => {
    render(<ReaderApp parts={series} glossary={glossary} />);
    const rows = within(region('Help lines')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      ...helpLineData.lines.map((line) => line.service),
      helpLineData.directory.service,
    ]);
    for (const row of rows) {
      expect(within(row).getAllByRole('link').length).toBeGreaterThan(0);
      expect(row.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
  });

  it('says that nothing here is medical advice', () => {
    render(<ReaderApp parts={series} glossary={glossary} />);
    const advice = region('Not medical advice');
    expect(advice.textContent).toContain('Nothing here is medical advice.');
    expect(advice.textContent).toContain(NOT_MEDICAL_ADVICE);
  });

  it('is linked from the series', () => {
    location.hash = '';
    render(<ReaderApp parts={series} glossary={glossary} />);
    expect(screen.getByRole('link', { name: 'About this content' }).getAttribute('href')).toBe('#about');
  });
});
