import { afterEach, describe, expect, it } from 'vitest';
import { changedBlocks } from '@/page/scan/changed-blocks';

afterEach(() => {
  document.body.innerHTML = '';
});

async function recordWhile(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

const ids = (nodes: Node[]) => nodes.map((node) => (node as Element).id || node.nodeName);

describe('changedBlocks', () => {
  it.each([
    ['alone', [], ['host']],
    ['inside a changed block, once', ['outer'], ['outer']],
    ['inside an editor, never', ['editor'], []],
  ])('reads a host given a shadow root again: %s', async (_name, changedIds, expected) => {
    document.body.innerHTML =
      '<section id="outer"><x-card id="host"></x-card><p id="p">text</p></section><div id="editor" contenteditable="true"><x-card id="typed"></x-card></div>';
    const records = await recordWhile(() => {
      for (const id of changedIds) document.getElementById(id)?.append('more');
    });
    const host = document.getElementById(changedIds.includes('editor') ? 'typed' : 'host') as Element;
    expect(ids(changedBlocks(records, 'mhx-explainer', [host]))).toEqual(expected);
  });

  it('reads an appended paragraph, not the page', async () => {
    document.body.innerHTML = '<main id="feed"><p id="old">ketamine</p></main>';
    const records = await recordWhile(() => {
      const item = document.createElement('p');
      item.id = 'new';
      item.textContent = 'serotonin';
      document.getElementById('feed')?.append(item);
    });
    expect(ids(changedBlocks(records, 'mhx-explainer'))).toEqual(['new']);
  });

  it('reads the whole paragraph when text changes inside its formatting', async () => {
    document.body.innerHTML = '<p id="p">a <em id="em">word</em> here</p>';
    const records = await recordWhile(() => {
      (document.getElementById('em')?.firstChild as Text).data = 'serotonin';
    });
    expect(ids(changedBlocks(records, 'mhx-explainer'))).toEqual(['p']);
  });

  it('keeps only the outermost of nested changes', async () => {
    document.body.innerHTML = '<section id="s"></section>';
    const records = await recordWhile(() => {
      const section = document.getElementById('s') as HTMLElement;
      const article = document.createElement('article');
      article.id = 'a';
      section.append(article);
      article.append(document.createElement('p'));
    });
    expect(ids(changedBlocks(records, 'mhx-explainer'))).toEqual(['a']);
  });

  it('ignores typing in editors and changes to our own card', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p id="typing">x</p></div><mhx-explainer></mhx-explainer>';
    const records = await recordWhile(() => {
      (document.getElementById('typing')?.firstChild as Text).data = 'ketamine';
      document.querySelector('mhx-explainer')?.append(document.createElement('p'));
    });
    expect(changedBlocks(records, 'mhx-explainer')).toEqual([]);
  });

  it('ignores nodes that were added and removed again in the same batch', async () => {
    const records = await recordWhile(() => {
      const flash = document.createElement('p');
      document.body.append(flash);
      flash.remove();
    });
    expect(changedBlocks(records, 'mhx-explainer')).toEqual([]);
  });
});
