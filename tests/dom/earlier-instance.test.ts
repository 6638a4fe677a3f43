import { beforeEach, describe, expect, it } from 'vitest';
import { removeEarlierInstance } from '@/page/gate/earlier-instance';
import { installHighlightRegistry, RecordingHighlight } from '@/tests/property/page-snapshot';

const NAMES = { hostTag: 'mhx-explainer', highlights: ['mhx-term', 'mhx-term-current'] };

describe('removeEarlierInstance', () => {
  let registry: Map<string, RecordingHighlight>;
  beforeEach(() => {
    registry = installHighlightRegistry();
    document.body.innerHTML = '<p>Ketamine and <b>serotonin</b></p><div id="page-own"></div>';
  });

  it('removes the card hosts and highlights an earlier instance left, and nothing of the page', () => {
    const host = document.createElement('mhx-explainer');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div class="term-card">Ketamine</div>';
    document.documentElement.append(host, document.createElement('mhx-explainer'));
    registry.set('mhx-term', new RecordingHighlight());
    registry.set('mhx-term-current', new RecordingHighlight());
    registry.set('page-own', new RecordingHighlight());
    const pageMarkup = document.body.outerHTML;

    removeEarlierInstance(document, NAMES);

    expect(document.querySelectorAll('mhx-explainer')).toHaveLength(0);
    expect([...registry.keys()]).toEqual(['page-own']);
    expect(document.body.outerHTML).toBe(pageMarkup);
  });

  it('does nothing on a page where no earlier instance ran', () => {
    const pageMarkup = document.documentElement.outerHTML;
    removeEarlierInstance(document, NAMES);
    expect(document.documentElement.outerHTML).toBe(pageMarkup);
    expect(registry.size).toBe(0);
  });
});
