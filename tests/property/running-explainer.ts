import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { glossary } from '@/content/glossary';
import { PageExplainer } from '@/page/page-explainer';
import { TermHighlighter } from '@/page/scan/term-highlighter';
import { scanForTerms } from '@/page/scan/term-scanner';
import { compileGlossary } from '@/utils/glossary-compiler';
import { glossarySenses, termsInOtherSense } from '@/utils/one-sense-per-page';
import { createTermMatcher } from '@/utils/term-matcher';
import { describeRange, type RecordingHighlight } from './page-snapshot';
import { OWN_HOST_TAG } from './page-tree';

const compiled = compileGlossary(glossary);
export const matcher = createTermMatcher(compiled);
export const senses = glossarySenses(compiled);
const PREFIX = 'mhx';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The content script's real engine on the current document: a `PageExplainer` with a real WXT
 * context, whose rescans the test can wait for exactly (every rescan timer it sets leads to one
 * finished pass, reported through `onTermsChanged`).
 */
export class RunningExplainer {
  private readonly ctx = new ContentScriptContext('property-test');
  private readonly explainer: PageExplainer;
  private passes = 0;
  private timersSet = 0;
  private timersFired = 0;

  constructor(private readonly registry: Map<string, RecordingHighlight>) {
    const setTimer = this.ctx.setTimeout.bind(this.ctx);
    this.ctx.setTimeout = (handler, timeout) => {
      this.timersSet++;
      return setTimer(() => {
        this.timersFired++;
        handler();
      }, timeout);
    };
    this.explainer = new PageExplainer(this.ctx, {
      prefix: PREFIX,
      matcher,
      onReadMore: () => {},
      senses,
      rescanIntervalMs: 0,
      onTermsChanged: () => {
        this.passes++;
      },
    });
  }

  async enable(): Promise<void> {
    this.explainer.enable();
    await this.settled();
  }

  /** Waits until the observer has delivered every change and each rescan it asked for has finished. */
  async settled(): Promise<void> {
    for (let task = 0; task < 1000; task++) {
      await nextTask();
      if (this.timersSet === this.timersFired && this.passes === this.timersFired + 1) return;
    }
    throw new Error(`rescans never settled: ${this.timersSet} set, ${this.timersFired} fired, ${this.passes} passes`);
  }

  /** What the browser would paint, as sorted descriptions, and how many of each term the badge would count. */
  painted(): { ranges: string[]; counts: Record<string, number> } {
    const highlight = this.registry.get(`${PREFIX}-term`);
    const ranges = [...(highlight ?? [])].map((range) => describeRange(null, range as Range)).sort();
    return { ranges, counts: this.explainer.termCounts() };
  }

  stop(): void {
    this.ctx.abort();
  }
}

/** A scan of `root` the way the scanner is driven in production, into a highlighter of its own. */
async function scanAfresh(root: Node, name: string, withSenses: boolean): Promise<TermHighlighter> {
  const highlighter = new TermHighlighter(name);
  await scanForTerms([root], {
    matcher,
    highlighter,
    ownHostTag: OWN_HOST_TAG,
    yieldToPage: async () => true,
    sliceMs: 0,
    ...(withSenses ? { onOtherSense: (termId: string, node: Text) => highlighter.addOtherSense(termId, node) } : {}),
  });
  return highlighter;
}

/** Each term the highlighter holds and where it is, with the highlighter disposed of. */
function takeTerms(highlighter: TermHighlighter, shown: (termId: string) => boolean = () => true) {
  const terms = [...highlighter].filter(({ termId }) => shown(termId)).map(({ termId, range }) => ({ termId, range }));
  highlighter.dispose();
  return terms;
}

/** A fresh scan of `root` the way the scanner is driven in production, with every term and where it is. */
export async function freshScan(root: Node): Promise<{ termId: string; range: Range }[]> {
  return takeTerms(await scanAfresh(root, 'property-fresh-scan', false));
}

/**
 * A fresh pass over `root` as the engine makes one: the scan, then each term with another sense
 * given the sense the page gives it (one sense per page); the terms it shows.
 */
export async function freshPass(root: Node): Promise<{ termId: string; range: Range }[]> {
  const highlighter = await scanAfresh(root, 'property-fresh-pass', true);
  const page = { termCounts: highlighter.allTermCounts(), otherSense: highlighter.otherSenseCounts() };
  const inOtherSense = termsInOtherSense(page, senses, () => root.textContent ?? '');
  return takeTerms(highlighter, (termId) => !inOtherSense.has(termId));
}

export function countsOf(terms: readonly { termId: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { termId } of terms) counts[termId] = (counts[termId] ?? 0) + 1;
  return counts;
}
