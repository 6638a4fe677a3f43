import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermExplanation } from '@/utils/term-explanation';
import type { TermCardHost, TermCardHostOptions } from './term-card-host';

/**
 * What the card script (entrypoints/term-card.ts) hands the content script: the card's UI and what
 * each card says. Most pages never open a card, so none of it is in the content script, which only
 * highlights; the card script is loaded the first time a card is wanted (see lazy-term-card-host.ts).
 */
export interface TermCardModule {
  explanations: ReadonlyMap<string, TermExplanation>;
  createTermCardHost(ctx: ContentScriptContext, options: TermCardHostOptions): TermCardHost;
}

/**
 * The card script is an extension file run as a module in the content script's own world (an
 * isolated world in Chromium, the content script's sandbox in Firefox), never in the page's: a
 * property of that world's global is where it leaves its module, out of the page's reach.
 */
const HANDOFF_KEY = 'mhxTermCardModule';

type HandoffGlobal = { [HANDOFF_KEY]?: TermCardModule };

/** Called by the card script when it runs. */
export function provideTermCardModule(module: TermCardModule): void {
  (globalThis as HandoffGlobal)[HANDOFF_KEY] = module;
}

/** The module the card script left, once it has run in this world. */
export function providedTermCardModule(): TermCardModule | undefined {
  return (globalThis as HandoffGlobal)[HANDOFF_KEY];
}

/**
 * Runs the card script and returns what it left. The script is one of the extension's own files,
 * listed in `web_accessible_resources` because Chromium and Firefox load a content script's `import()`
 * as the page would; Chromium gets it under a per-session URL, so pages cannot probe for it.
 */
export async function importTermCardModule(): Promise<TermCardModule> {
  await import(/* @vite-ignore */ browser.runtime.getURL('/term-card.js'));
  const module = providedTermCardModule();
  if (!module) throw new Error('the card script left no module');
  return module;
}
