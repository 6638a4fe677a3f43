import { expect } from 'vitest';
import { glossary } from '@/content/glossary';
import { applyMutation, type MutationBatch } from './page-mutations';
import { describeRange, type RecordingHighlight, serialisePage } from './page-snapshot';
import { buildInto, OWN_HOST_TAG, type PageNode } from './page-tree';
import { referenceHighlights } from './reference-highlights';
import { countsOf, freshPass, freshScan, RunningExplainer } from './running-explainer';

/**
 * The three claims the property tests make of any page, one function each, so a counter-example
 * fast-check shrinks can be replayed as a plain regression test with the same check.
 */
let running: RunningExplainer | null = null;

function showPage(page: readonly PageNode[]): void {
  running?.stop();
  running = null;
  document.body.replaceChildren();
  buildInto(document.body, page);
}

export function cleanUpPage(): void {
  running?.stop();
  running = null;
  document.body.replaceChildren();
}

const EVERY_CHANGE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
};

/** (a) Scanning changes nothing on the page but the extension's own host element. */
export async function expectPageUntouched(
  page: readonly PageNode[],
  registry: Map<string, RecordingHighlight>,
): Promise<void> {
  showPage(page);
  running = new RunningExplainer(registry);
  const before = serialisePage(document);
  const changes: MutationRecord[] = [];
  const observer = new MutationObserver((records) => changes.push(...records));
  const watch = (root: Node) => {
    observer.observe(root, EVERY_CHANGE);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let element = walker.nextNode() as Element | null; element; element = walker.nextNode() as Element | null) {
      if (element.shadowRoot) watch(element.shadowRoot);
    }
  };
  watch(document);
  await running.enable();
  changes.push(...observer.takeRecords());
  observer.disconnect();
  expect(serialisePage(document)).toBe(before);
  expect(changes.filter((record) => !isInsideOwnHost(record.target))).toEqual([]);
}

/** (b) A scan highlights exactly what the reference finds, term, text and position. */
export async function expectReferenceHighlights(page: readonly PageNode[]): Promise<void> {
  showPage(page);
  const found = (await freshScan(document.body)).map(({ termId, range }) => describeRange(termId, range));
  const expected = referenceHighlights(document.body, glossary, OWN_HOST_TAG).map((highlight) =>
    describeRange(highlight.termId, {
      startContainer: highlight.startNode,
      startOffset: highlight.startOffset,
      endContainer: highlight.endNode,
      endOffset: highlight.endOffset,
    }),
  );
  expect(found.sort()).toEqual(expected.sort());
}

/**
 * (c) After the page changes and the observer catches up, the highlights are those of a fresh pass
 * (a scan, and each term's sense on the page decided from it).
 */
export async function expectRescansCatchUp(
  page: readonly PageNode[],
  batches: readonly MutationBatch[],
  registry: Map<string, RecordingHighlight>,
): Promise<void> {
  showPage(page);
  running = new RunningExplainer(registry);
  const explainer = running;
  await explainer.enable();
  for (const batch of batches) {
    for (const mutation of batch.mutations) applyMutation(document.body, mutation);
    if (batch.waitAfter) await explainer.settled();
  }
  await explainer.settled();
  const fresh = await freshPass(document.body);
  const painted = explainer.painted();
  expect(painted.ranges).toEqual(fresh.map(({ range }) => describeRange(null, range)).sort());
  expect(painted.counts).toEqual(countsOf(fresh));
}

function isInsideOwnHost(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if ((current as Element).localName === OWN_HOST_TAG) return true;
  }
  return false;
}
