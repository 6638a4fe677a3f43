import type { TermMatcher } from '@/utils/term-matcher';
import type { TermHighlighter } from './term-highlighter';
import { rangeInRun, textRuns } from './text-runs';

export interface TermScannerOptions {
  matcher: TermMatcher;
  highlighter: TermHighlighter;
  ownHostTag: string;
  /** Gives the page the main thread back; resolves false when the scan should stop. */
  yieldToPage: () => Promise<boolean>;
  /** With "first occurrence only", a term already highlighted somewhere is not highlighted again. */
  firstOccurrenceOnly: () => boolean;
  /** How long one slice may run before yielding, in milliseconds. */
  sliceMs?: number;
  /** Each open shadow root met, so the caller can watch it for changes too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Told the length of each run of text read, so the caller can tell how dense the terms are. */
  onTextRead?: (characters: number) => void;
  /** A block of the first root to read before the rest (see `textRuns`). */
  startAt?: Node | null;
}

/**
 * Finds and highlights every term under the given roots (and the open shadow roots inside them) in
 * slices of a few milliseconds, so even a whole novel never blocks input for long.
 */
export async function scanForTerms(roots: readonly Node[], options: TermScannerOptions): Promise<'done' | 'stopped'> {
  const { matcher, highlighter } = options;
  const sliceMs = options.sliceMs ?? 8;
  const queue = [...roots];
  let sliceStart = performance.now();
  for (let root = queue.shift(); root !== undefined; root = queue.shift()) {
    const runs = textRuns(root, {
      ownHostTag: options.ownHostTag,
      startAt: root === roots[0] ? options.startAt : null,
      onShadowRoot: (shadow) => {
        options.onShadowRoot?.(shadow);
        queue.push(shadow);
      },
    });
    for (const run of runs) {
      options.onTextRead?.(run.text.length);
      for (const match of matcher.findAll(run.text)) {
        if (options.firstOccurrenceOnly() && highlighter.has(match.termId)) continue;
        const range = rangeInRun(run, match.start, match.end);
        const first = run.nodes.indexOf(range.startContainer as Text);
        const last = run.nodes.indexOf(range.endContainer as Text);
        highlighter.add(match.termId, range, run.nodes.slice(first, last + 1));
      }
      if (performance.now() - sliceStart > sliceMs) {
        if (!(await options.yieldToPage())) return 'stopped';
        sliceStart = performance.now();
      }
    }
  }
  return 'done';
}
