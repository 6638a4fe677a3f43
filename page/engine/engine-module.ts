import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageState, PageTermCount } from '@/extension/messages';
import type { Settings } from '@/utils/preferences';
import type { SiteDecision } from '@/utils/site-rules';
import type { TermDirection } from '@/utils/term-step-commands';

/**
 * The term engine as the gate (page/gate/page-gate.ts) holds it once loaded: the scan, its
 * observers, keyboard reading and the page-world signals. Everything else of a page's life — the
 * settings, the site's decision, the messages — stays with the gate, which hands the engine each
 * change.
 */
export interface ExplainerEngine {
  /** Settings as stored now, and what they decide for this page; applied at once (highlights on, off, hidden). */
  apply(settings: Settings, decision: SiteDecision): void;
  /**
   * A single-page app moved to another address: the next finished pass judges the page afresh.
   * Another path or query is another visit (for the research log); a fragment is a place on the same page.
   */
  locationChanged(anotherVisit: boolean): void;
  /** The page's terms, shown or not, once its first pass is done; null where the site is off. */
  countPageTerms(): Promise<PageTermCount | null>;
  pageState(): PageState;
  showAdjacentTerm(direction: TermDirection): boolean;
  showTerm(termId: string): boolean;
}

export interface ExplainerEngineStart {
  /** Names the highlight, the card's host element and the User Timing measures. */
  prefix: string;
  /** `performance.now()` when the content script started. */
  startedAt: number;
  settings: Settings;
  decision: SiteDecision;
}

/** What the engine script (entrypoints/explainer-engine.ts) hands the gate. */
export interface ExplainerEngineModule {
  startEngine(ctx: ContentScriptContext, start: ExplainerEngineStart): ExplainerEngine;
}

/**
 * As with the card script (page/card/term-card-module.ts): the engine script is run as a module in
 * the content script's own world, and a property of that world's global is where it leaves its module.
 */
const HANDOFF_KEY = 'mhxExplainerEngineModule';

type HandoffGlobal = { [HANDOFF_KEY]?: ExplainerEngineModule };

/** Called by the engine script when it runs. */
export function provideEngineModule(module: ExplainerEngineModule): void {
  (globalThis as HandoffGlobal)[HANDOFF_KEY] = module;
}

/**
 * Runs the engine script and returns what it left. Like the card script it is listed in
 * `web_accessible_resources` (content scripts' `import()` loads as the page would), under a
 * per-session URL in Chromium, so pages cannot probe for it.
 */
export async function importEngineModule(): Promise<ExplainerEngineModule> {
  await import(/* @vite-ignore */ browser.runtime.getURL('/explainer-engine.js'));
  const module = (globalThis as HandoffGlobal)[HANDOFF_KEY];
  if (!module) throw new Error('the engine script left no module');
  return module;
}
