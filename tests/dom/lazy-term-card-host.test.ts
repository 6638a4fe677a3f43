import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLazyTermCardHost } from '@/page/card/lazy-term-card-host';
import type { TermCardHost, TermCardHostOptions } from '@/page/card/term-card-host';
import type { TermCardModule } from '@/page/card/term-card-module';
import type { TermExplanation } from '@/utils/term-explanation';

const ctx = { isInvalid: false } as ContentScriptContext;
const range = document.createRange();
const explanations: ReadonlyMap<string, TermExplanation> = new Map();

function fakeHost(): TermCardHost & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    show: vi.fn(async (_range: Range, termId: string) => {
      calls.push(`show ${termId}`);
    }),
    hide: () => calls.push('hide'),
    announce: (termId) => calls.push(`announce ${termId}`),
    contains: () => true,
    hasFocus: () => true,
    focusFirst: () => true,
    focusTitle: () => calls.push('focusTitle'),
    cycleFocus: () => calls.push('cycleFocus'),
    setTextSize: () => {},
  };
}

/** A card script that arrives when the test says so. */
function deferredModule(host: TermCardHost) {
  let arrive!: () => void;
  let fail!: () => void;
  const received: TermCardHostOptions[] = [];
  const module: TermCardModule = {
    explanations,
    createTermCardHost: (_ctx, options) => {
      received.push(options);
      return host;
    },
  };
  const load = vi.fn(
    () =>
      new Promise<TermCardModule>((resolve, reject) => {
        arrive = () => resolve(module);
        fail = () => reject(new Error('blocked'));
      }),
  );
  return { load, received, arrive: () => arrive(), fail: () => fail() };
}

const options = {
  hostTag: 'mhx-explainer',
  onReadMore: () => {},
  onRelated: () => {},
  onClose: () => {},
  onPointerEnter: () => {},
  onPointerLeave: () => {},
};

describe('createLazyTermCardHost', () => {
  it('loads the card once, on the first want, and then shows and announces through it', async () => {
    const host = fakeHost();
    const card = deferredModule(host);
    const lazy = createLazyTermCardHost(ctx, { ...options, load: card.load });
    expect(card.load).not.toHaveBeenCalled();
    const shown = lazy.show(range, 'ssri');
    lazy.announce('ssri');
    card.arrive();
    await shown;
    await Promise.resolve();
    expect(host.calls).toEqual(['show ssri', 'announce ssri']);
    await lazy.show(range, 'ketamine');
    expect(card.load).toHaveBeenCalledTimes(1);
    expect(card.received[0]?.explanations).toBe(explanations);
  });

  it('before the card is there, nothing is inside it and nothing has focus', () => {
    const lazy = createLazyTermCardHost(ctx, { ...options, load: deferredModule(fakeHost()).load });
    expect(lazy.contains(new Event('click'))).toBe(false);
    expect(lazy.hasFocus()).toBe(false);
    expect(lazy.focusFirst()).toBe(false);
  });

  it('a hide while the card loads cancels the show that asked for it', async () => {
    const host = fakeHost();
    const card = deferredModule(host);
    const lazy = createLazyTermCardHost(ctx, { ...options, load: card.load });
    lazy.prepare();
    const shown = lazy.show(range, 'ssri');
    lazy.hide();
    card.arrive();
    await shown;
    expect(host.calls).toEqual([]);
  });

  it('a card that failed to load is tried again the next time one is wanted, without an error', async () => {
    const host = fakeHost();
    const first = deferredModule(host);
    const load = vi.fn(first.load);
    const lazy = createLazyTermCardHost(ctx, { ...options, load });
    const shown = lazy.show(range, 'ssri');
    first.fail();
    await expect(shown).resolves.toBeUndefined();
    const again = lazy.show(range, 'ssri');
    first.arrive();
    await again;
    expect(load).toHaveBeenCalledTimes(2);
    expect(host.calls).toEqual(['show ssri']);
  });
});
