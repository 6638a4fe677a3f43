import { describe, expect, it } from 'vitest';
import {
  NEVER_SHADOW_HOSTS,
  SHADOW_HOST_CANDIDATES,
  VALID_SHADOW_HOST_NAMES,
} from '@/page/scan/shadow-host-candidates';

describe('elements that may carry a shadow root', () => {
  it.each([...VALID_SHADOW_HOST_NAMES, 'x-widget', 'hl-trusted-source', 'lazy-image'])('keeps <%s>', (name) => {
    expect(document.createElement(name).matches(SHADOW_HOST_CANDIDATES)).toBe(true);
  });

  it.each(NEVER_SHADOW_HOSTS)('passes over <%s>, which the DOM never lets carry one', (name) => {
    expect(VALID_SHADOW_HOST_NAMES).not.toContain(name);
    // A hyphen makes a custom element name, and custom elements may carry one.
    expect(name).not.toContain('-');
    expect(document.createElement(name).matches(SHADOW_HOST_CANDIDATES)).toBe(false);
  });
});
