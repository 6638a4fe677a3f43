import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installHighlightRegistry, type RecordingHighlight } from '@/tests/property/page-snapshot';
import { RunningExplainer } from '@/tests/property/running-explainer';

// The pages the end-to-end test (tests/e2e/one-sense.test.mjs) opens in the browser, each listing
// in its body's data-expect what the engine highlights, in document order.
const fixtures = import.meta.glob<string>(
  [
    '@/tests/fixtures/pages/weather-bulletin.html',
    '@/tests/fixtures/pages/depression-economics.html',
    '@/tests/fixtures/pages/depression-health.html',
    '@/tests/fixtures/pages/great-depression.html',
  ],
  { query: '?raw', import: 'default', eager: true },
);

let registry: Map<string, RecordingHighlight>;
let running: RunningExplainer | null = null;

beforeAll(() => {
  registry = installHighlightRegistry();
});

afterEach(() => {
  running?.stop();
  running = null;
  document.body.replaceChildren();
});

/** The page's body, as the fixture file has it. */
function showFixture(html: string): HTMLElement {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  document.body.replaceChildren(...[...body.childNodes].map((node) => document.importNode(node, true)));
  return body;
}

/** What the engine highlights, in document order. */
function highlighted(): string[] {
  const ranges = [...(registry.get('mhx-term') ?? [])] as Range[];
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map(String);
}

describe('one sense of a word per page, in the engine', () => {
  it.each(Object.entries(fixtures))('%s highlights what its data-expect lists', async (_name, html) => {
    const expected = showFixture(html).getAttribute('data-expect');
    running = new RunningExplainer(registry);
    await running.enable();
    expect(highlighted().join('|')).toBe(expected ?? '');
  });

  it('a page that turns to the other sense later drops the bare mentions then, and counts none', async () => {
    document.body.innerHTML = '<p>The depression is moving north.</p>';
    running = new RunningExplainer(registry);
    await running.enable();
    expect(highlighted()).toEqual(['depression']);
    const later = document.createElement('p');
    later.textContent = 'Tropical Depression Nine is expected to strengthen.';
    document.body.append(later);
    await running.settled();
    expect(highlighted()).toEqual([]);
    expect(running.painted().counts).toEqual({});
    // And back: the bulletin's other-sense phrase goes, the bare mention is the condition again.
    later.remove();
    await running.settled();
    expect(highlighted()).toEqual(['depression']);
  });
});
