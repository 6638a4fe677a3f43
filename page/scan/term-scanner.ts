import type { TermMatch, TermMatcher } from '@/utils/term-matcher';
import type { TermHighlighter } from './term-highlighter';
import { rangeInRun, type TextRun, textRuns } from './text-runs';

export interface TermScannerOptions {
  matcher: TermMatcher;
  highlighter: TermHighlighter;
  ownHostTag: string;
  /** Gives the page the main thread back; resolves false when the scan should stop. */
  yieldToPage: () => Promise<boolean>;
  /**
   * Where a term is highlighted once only: the place (the page, a section) a node is in, or null
   * to highlight every occurrence. A term already highlighted in a match's place is not again.
   */
  placeOf?: ((node: Node) => unknown) | null;
  /** Terms the reader hid: never highlighted. */
  isHidden?: (termId: string) => boolean;
  /** How long one slice may run before yielding, in milliseconds. */
  sliceMs?: number;
  /** Each open shadow root met, so the caller can watch it for changes too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Told the length of each stretch of text looked at, so the caller can tell how dense the terms are. */
  onTextRead?: (characters: number) => void;
  /** A parent whose rest the page's changes during a pause kept from being read (see `textRuns`). */
  onPlaceLost?: (parent: Node) => void;
  /** A block of the first root to read before the rest (see `textRuns`). */
  startAt?: Node | null;
  /** Told of each occurrence of a term inside one of its `notWhen` phrases, with the first text node of its run. */
  onOtherSense?: (termId: string, node: Text) => void;
}

/**
 * Finds and highlights every term under the given roots (and the open shadow roots inside them) in
 * slices of a few milliseconds, so even a whole novel never blocks input for long.
 */
/**
 * After a yield the page may have changed the run's text under us; such a match is skipped (the
 * mutation observer reads that block again) rather than throwing on someone else's page.
 */
function tryRangeInRun(run: TextRun, start: number, end: number): ReturnType<typeof rangeInRun> | null {
  if (!run.nodes.every((node) => node.isConnected)) return null;
  try {
    return rangeInRun(run, start, end);
  } catch {
    return null;
  }
}

export interface ScanOutcome {
  status: 'done' | 'stopped';
  /** Time spent in the scan's own slices, without the pauses between them (ms). */
  workMs: number;
}

const NOT_YET = Symbol('not looked up yet');

export async function scanForTerms(roots: readonly Node[], options: TermScannerOptions): Promise<ScanOutcome> {
  const { matcher, highlighter } = options;
  const placeOf = options.placeOf ?? null;
  const sliceMs = options.sliceMs ?? 8;
  const queue = [...roots];
  let runRead: TextRun | null = null;
  const onOtherSense = options.onOtherSense;
  const otherSense = onOtherSense && ((termId: string) => runRead && onOtherSense(termId, runRead.nodes[0] as Text));
  let sliceStart = performance.now();
  let workMs = 0;
  let committedOnce = false;
  const pause = async (): Promise<boolean> => {
    workMs += performance.now() - sliceStart;
    // What is on screen is read first: show it after the first slice, everything else at the end.
    if (!committedOnce) {
      highlighter.commit();
      committedOnce = true;
    }
    const goOn = await options.yieldToPage();
    sliceStart = performance.now();
    return goOn;
  };
  for (let root = queue.shift(); root !== undefined; root = queue.shift()) {
    const runs = textRuns(root, {
      ownHostTag: options.ownHostTag,
      mayHoldTerm: matcher.mayMatch,
      startAt: root === roots[0] ? options.startAt : null,
      onShadowRoot: (shadow) => {
        options.onShadowRoot?.(shadow);
        queue.push(shadow);
      },
      onTextRead: options.onTextRead,
      onPlaceLost: options.onPlaceLost,
    });
    for (const run of runs) {
      // `null` is a pause point in text without terms: only the slice's time is looked at.
      if (run !== null) {
        runRead = run;
        const matches = matcher.findAll(run.text, otherSense);
        let yieldedInRun = false;
        let place: unknown = NOT_YET;
        for (let index = 0; index < matches.length; index++) {
          const match = matches[index] as TermMatch;
          if (options.isHidden?.(match.termId)) continue;
          // A run never crosses a block, and so never a heading: its place is that of its first node.
          if (placeOf && place === NOT_YET) place = placeOf(run.nodes[0] as Node);
          if (placeOf && highlighter.hasAt(match.termId, place)) continue;
          const highlighted = yieldedInRun
            ? tryRangeInRun(run, match.start, match.end)
            : rangeInRun(run, match.start, match.end);
          if (highlighted) highlighter.add(match.termId, highlighted.range, highlighted.nodes, place);
          // A single huge text node can hold thousands of terms: yield inside a run too.
          if (index % 256 === 255 && performance.now() - sliceStart > sliceMs) {
            if (!(await pause())) return { status: 'stopped', workMs };
            yieldedInRun = true;
          }
        }
      }
      if (performance.now() - sliceStart > sliceMs && !(await pause())) return { status: 'stopped', workMs };
    }
  }
  highlighter.commit();
  return { status: 'done', workMs: workMs + performance.now() - sliceStart };
}
