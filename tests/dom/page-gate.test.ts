import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { glossarySpellings } from '@/content/compiled-glossary';
import { updateSettings } from '@/extension/settings';
import type { ExplainerEngine, ExplainerEngineModule } from '@/page/engine/engine-module';
import { runPageGate } from '@/page/gate/page-gate';
import type { HighlightMode, SiteRule } from '@/utils/site-rules';

/** The gate's message handlers by message name, as it registers them (nothing is sent). */
const handlers = vi.hoisted(() => new Map<string, (message: { data: unknown }) => unknown>());
vi.mock('@/extension/messages', () => ({
  onMessage: (name: string, handler: (message: { data: unknown }) => unknown) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
  sendMessage: async () => undefined,
}));
const ask = (name: string) => Promise.resolve(handlers.get(name)?.({ data: undefined }));

/** A content script context that runs timers and collects what is to run when it ends. */
function fakeContext() {
  const endings: (() => void)[] = [];
  const ctx = {
    isValid: true,
    isInvalid: false,
    onInvalidated: (end: () => void) => endings.push(end),
    setTimeout: (run: () => void, ms: number) => window.setTimeout(run, ms),
    addEventListener: (target: EventTarget, type: string, listener: EventListener) =>
      target.addEventListener(type, listener),
  } as unknown as ContentScriptContext;
  return {
    ctx,
    end() {
      for (const end of endings) end();
    },
  };
}

const COUNTED = { since: 1, terms: { ssri: 1 }, highlighted: false, url: 'https://example.org/', title: 'A page' };

/** An engine that records what the gate hands it. */
function fakeEngineModule() {
  const started: ExplainerEngine[] = [];
  const engine: ExplainerEngine = {
    apply: vi.fn(),
    locationChanged: vi.fn(),
    pageState: () => ({ site: 'example.org', path: '/', enabled: true, relevant: null, termCounts: {} }),
    showAdjacentTerm: () => true,
    showTerm: () => true,
    countPageTerms: vi.fn(async () => COUNTED),
  };
  const module: ExplainerEngineModule = {
    startEngine: () => {
      started.push(engine);
      return engine;
    },
  };
  return { loadEngine: vi.fn(async () => module), started, engine };
}

const QUIET_PAGE = '<main><p>The weather tomorrow is mild, with a light breeze from the west.</p></main>';
const HEALTH_PAGE = `<main>${'<p>SSRIs and ketamine act on serotonin and glutamate; psychotherapy helps depression and anxiety.</p>'.repeat(6)}</main>`;

async function startGate(body: string, mode: HighlightMode, rules: SiteRule[] = []) {
  document.body.innerHTML = body;
  await updateSettings((current) => ({ ...current, mode, rules }));
  const { ctx, end } = fakeContext();
  const engine = fakeEngineModule();
  runPageGate(ctx, { prefix: 'mhx', glossary: glossarySpellings, loadEngine: engine.loadEngine, startedAt: 0 });
  // The gate reads the settings, then decides: settled once it has judged the page or asked for the engine.
  await vi
    .waitFor(() =>
      expect(performance.getEntriesByName('mhx:scan').length + engine.loadEngine.mock.calls.length).toBeGreaterThan(0),
    )
    .catch(() => {});
  return { ...engine, end };
}

describe('runPageGate: the engine only where the page will be highlighted', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    performance.clearMeasures();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('loads no engine on a site switched off, and answers the research log with null', async () => {
    const gate = await startGate(HEALTH_PAGE, 'chosen-sites');
    expect(gate.loadEngine).not.toHaveBeenCalled();
    expect(await ask('countPageTerms')).toBeNull();
    expect(gate.loadEngine).not.toHaveBeenCalled();
    gate.end();
  });

  it('loads the engine at once where the site is on', async () => {
    const gate = await startGate(QUIET_PAGE, 'everywhere');
    await vi.waitFor(() => expect(gate.started).toHaveLength(1), { timeout: 10_000 });
    gate.end();
  });

  it('leaves a page not about mental health alone, until the research log asks for its terms', async () => {
    const gate = await startGate(QUIET_PAGE, 'mental-health-pages');
    expect(gate.loadEngine).not.toHaveBeenCalled();
    expect(await ask('countPageTerms')).toEqual(COUNTED);
    expect(gate.started).toHaveLength(1);
    expect(gate.engine.countPageTerms).toHaveBeenCalledOnce();
    gate.end();
  });

  it('loads the engine where a page may be about mental health', async () => {
    const gate = await startGate(HEALTH_PAGE, 'mental-health-pages');
    await vi.waitFor(() => expect(gate.started).toHaveLength(1), { timeout: 10_000 });
    gate.end();
  });
});
