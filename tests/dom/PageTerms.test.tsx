import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageTerms } from '@/components/PageTerms';
import { glossary } from '@/content/glossary';

const buttons = () => screen.queryAllByRole('button').map((button) => button.textContent);

describe('PageTerms', () => {
  afterEach(cleanup);

  it.each([
    [{ ssri: 3, ketamine: 5, glutamate: 1 }, ['Ketamine, 5 times', 'SSRI, 3 times', 'Glutamate, 1 time']],
    [{ serotonin: 2, anxiety: 2 }, ['Anxiety, 2 times', 'Serotonin, 2 times']],
    [{ ssri: 0, 'not-a-term': 4, ketamine: 1 }, ['Ketamine, 1 time']],
    [{}, []],
  ])('lists %j as %j, most frequent first', (termCounts, expected) => {
    render(<PageTerms termCounts={termCounts} glossary={glossary} onShow={async () => true} />);
    expect(buttons()).toEqual(expected);
    if (expected.length > 0) expect(screen.getByRole('heading', { name: 'On this page' })).toBeTruthy();
  });

  it('choosing a term asks the page to show it', async () => {
    const onShow = vi.fn(async () => true);
    render(<PageTerms termCounts={{ ssri: 3 }} glossary={glossary} onShow={onShow} />);
    fireEvent.click(screen.getByRole('button', { name: /^SSRI\b/u }));
    expect(onShow).toHaveBeenCalledWith('ssri');
    await Promise.resolve();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it.each([
    ['answers that the term is gone', async () => false],
    ['cannot be reached', async () => Promise.reject(new Error('Receiving end does not exist.'))],
  ])('says so when the page %s', async (_name, onShow) => {
    render(<PageTerms termCounts={{ glutamate: 1 }} glossary={glossary} onShow={onShow} />);
    fireEvent.click(screen.getByRole('button', { name: /^Glutamate\b/u }));
    expect((await screen.findByText('“Glutamate” is no longer on the page.')).getAttribute('role')).toBe('status');
  });
});
