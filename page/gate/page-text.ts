import { skippedSelector } from '@/page/scan/eligible-text';
import { visibleCharacters } from '@/utils/text-term-counts';

/** What a scan reads: the body, or the whole document where there is none (XML, SVG). */
export function pageTextRoot(document: Document): Node | null {
  return document.body ?? document.documentElement;
}

/** The page's text in one call: the one fetch the gate makes of a page it may leave alone. */
export function fetchPageText(root: Node | null): string {
  return root?.textContent ?? '';
}

/** The text that mutation records add to a page, in one string: added nodes and edited text. */
export function addedText(records: readonly MutationRecord[]): string {
  let text = '';
  for (const record of records) {
    if (record.type === 'characterData') text += ` ${record.target.textContent ?? ''}`;
    else for (const node of record.addedNodes) text += ` ${node.textContent ?? ''}`;
  }
  return text;
}

/**
 * The fewest characters a scan of `root` could read, given its text fetched at once: that text
 * without white space (a scan passes over the line breaks between blocks) and without anything in
 * skipped content (scripts, code, editors, hidden subtrees), the whole of which is taken off even where
 * it holds white space or one such element holds another. Never more than a scan would count.
 */
export function fewestCharactersRead(root: Node | null, text: string, ownHostTag: string): number {
  if (root === null || root.nodeType !== Node.ELEMENT_NODE) return 0;
  let skipped = 0;
  const elements = (root as Element).querySelectorAll(skippedSelector(ownHostTag));
  for (let index = 0; index < elements.length; index++) skipped += elements[index]?.textContent?.length ?? 0;
  return Math.max(0, visibleCharacters(text) - skipped);
}
