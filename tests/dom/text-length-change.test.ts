import { afterEach, describe, expect, it } from 'vitest';
import { textLengthChange } from '@/page/scan/text-length-change';

/** Runs `change` on a fresh body and returns the records an observer like the explainer's saw. */
async function recordsOf(html: string, change: (body: HTMLElement) => void): Promise<MutationRecord[]> {
  document.body.innerHTML = html;
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  change(document.body);
  await new Promise((resolve) => setTimeout(resolve, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('textLengthChange', () => {
  it.each([
    [
      'appending a paragraph',
      '<p>abc</p>',
      (body: HTMLElement) => body.append(Object.assign(document.createElement('p'), { textContent: 'hello' })),
      5,
    ],
    ['removing a paragraph', '<p>abc</p><p>de</p>', (body: HTMLElement) => body.lastElementChild?.remove(), -2],
    [
      'moving a paragraph',
      '<p>abc</p><p>de</p>',
      (body: HTMLElement) => body.append(body.firstElementChild as Element),
      0,
    ],
    [
      'editing text',
      '<p>abc</p>',
      (body: HTMLElement) => {
        (body.querySelector('p')?.firstChild as Text).data = 'abcdef';
      },
      3,
    ],
    [
      'editing the same text twice',
      '<p>abc</p>',
      (body: HTMLElement) => {
        const text = body.querySelector('p')?.firstChild as Text;
        text.data = 'a';
        text.data = 'abcdefg';
      },
      4,
    ],
    [
      'replacing a view',
      '<main><p>old view</p></main>',
      (body: HTMLElement) => {
        (body.querySelector('main') as HTMLElement).innerHTML = '<p>new</p>';
      },
      -5,
    ],
  ])('%s', async (_name, html, change, expected) => {
    expect(textLengthChange(await recordsOf(html, change))).toBe(expected);
  });

  it('keeps a page that changes all the time from counting its text again and again', async () => {
    const records = await recordsOf('<p id="ticker">0</p>', (body) => {
      const ticker = body.querySelector('#ticker') as HTMLElement;
      for (let tick = 1; tick <= 100; tick++) ticker.textContent = String(tick % 10);
    });
    expect(textLengthChange(records)).toBe(0);
  });
});

describe('textLengthChange, when one batch both adds a node and fills it', () => {
  it('counts the text once', async () => {
    const records = await recordsOf('<main></main>', (body) => {
      const paragraph = document.createElement('p');
      body.querySelector('main')?.append(paragraph);
      paragraph.append('twelve chars');
      (paragraph.firstChild as Text).data = 'thirteen char';
    });
    expect(textLengthChange(records)).toBe(13);
  });
});
