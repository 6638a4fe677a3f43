import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteFinder, sitesMatching } from '@/components/SiteFinder';

const SITES = [{ name: 'nhs.uk' }, { name: 'news.example' }, { name: 'mind.org.uk' }];

describe('sitesMatching', () => {
  it.each([
    ['', ['nhs.uk', 'news.example', 'mind.org.uk']],
    ['   ', ['nhs.uk', 'news.example', 'mind.org.uk']],
    ['uk', ['nhs.uk', 'mind.org.uk']],
    [' NEWS ', ['news.example']],
    ['.org.', ['mind.org.uk']],
    ['nowhere', []],
  ])('“%s” keeps %j, in their order', (typed, expected) => {
    expect(sitesMatching(SITES, typed).map((site) => site.name)).toEqual(expected);
  });
});

describe('SiteFinder', () => {
  afterEach(cleanup);

  it('is a labelled search field that reports what is typed', () => {
    const onChange = vi.fn();
    render(<SiteFinder id="finder" value="" onChange={onChange} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Find a site' }), { target: { value: 'nhs' } });
    expect(onChange).toHaveBeenCalledWith('nhs');
  });
});
