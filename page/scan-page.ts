import type { TermMatcher } from '@/utils/term-matcher';
import { collectEligibleTextNodes } from './eligible-text';
import type { TermHighlighter } from './term-highlighter';

export interface ScanOptions {
  ownHostTag: string;
  /** Gives the page the main thread back; resolves false when the scan should stop. */
  yieldToPage: () => Promise<boolean>;
  /** How long one slice may run before yielding, in milliseconds. */
  sliceMs?: number;
  measurePrefix?: string;
}

/**
 * Finds and highlights every term under `root` in slices, so even a whole novel never blocks
 * input for long. Records the pass as a User Timing measure for DevTools and the benchmark.
 */
export async function scanAndHighlight(
  root: Node,
  matcher: TermMatcher,
  highlighter: TermHighlighter,
  options: ScanOptions,
): Promise<'done' | 'stopped'> {
  const startedAt = performance.now();
  const sliceMs = options.sliceMs ?? 8;
  const nodes = collectEligibleTextNodes(root, options.ownHostTag);
  let sliceStart = performance.now();
  for (const node of nodes) {
    highlighter.add(node, matcher.findAll(node.data));
    if (performance.now() - sliceStart > sliceMs) {
      if (!(await options.yieldToPage())) return 'stopped';
      sliceStart = performance.now();
    }
  }
  if (options.measurePrefix) {
    performance.measure(`${options.measurePrefix}:scan`, { start: startedAt, end: performance.now() });
  }
  return 'done';
}
