import { describe, expect, it } from 'vitest';
import { glossary } from '@/content/glossary';
import { series } from '@/content/series';
import { createSeriesSearch } from '@/utils/series-search';

const search = createSeriesSearch(series, glossary);
const firstTitles = (query: string, count = 3) =>
  search
    .search(query)
    .slice(0, count)
    .map((result) => result.title);

describe('series search', () => {
  it.each([
    ['glutamte', 'Glutamate'],
    ['glutamate', 'Glutamate'],
    ['reuptake', 'SSRI'],
    ['seratonin', 'Serotonin'],
    ['ketamine', 'Ketamine'],
    ['rapid relief', 'Rapid Relief with Lasting Impact'],
    ['holistic', 'Holistic healing'],
    ['patient experience', 'Ketamine vs. SSRI: Part II Patient Experience'],
    ['psychedelic', 'Psychedelic integration'],
  ])('"%s" finds %s among the first results', (query, title) => {
    expect(firstTitles(query)).toContain(title);
  });

  it('sends a term to the section it cites and a section to itself', () => {
    const [term] = search.search('glutamate');
    expect(term).toMatchObject({ kind: 'term', anchor: 'part-1/beyond-daily-medication' });
    const section = search.search('Rapid Relief with Lasting Impact').find((result) => result.kind === 'section');
    expect(section).toMatchObject({ anchor: 'part-1/rapid-relief-with-lasting-impact', partLabel: 'Part I' });
  });

  it.each(['', ' ', 'x', 'zzzzqqqq'])('"%s" finds nothing', (query) => {
    expect(search.search(query)).toEqual([]);
  });
});
