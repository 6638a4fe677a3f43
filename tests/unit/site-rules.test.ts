import { describe, expect, it } from 'vitest';
import { decideHighlighting, readableSiteRules, siteOf, withSiteRule } from '@/utils/site-rules';

const rules = [
  { host: 'off.example', enabled: false },
  { host: 'on.example', enabled: true },
];

describe('decideHighlighting', () => {
  it.each([
    ['https://news.example/a', true, 'default'],
    ['https://off.example/any/path?q=1', false, 'site-rule'],
    ['http://OFF.example/', false, 'site-rule'],
    ['https://sub.off.example/', true, 'default'],
    ['https://on.example/', true, 'site-rule'],
    ['http://127.0.0.1:8080/x', true, 'default'],
    ['about:blank', false, 'unsupported-page'],
    ['chrome://extensions', false, 'unsupported-page'],
    ['file:///home/a.html', false, 'unsupported-page'],
    ['not a url', false, 'unsupported-page'],
  ])('%s → enabled %s (%s)', (url, enabled, reason) => {
    expect(decideHighlighting(url, rules)).toMatchObject({ enabled, reason });
  });

  it('names the rule that decided', () => {
    expect(decideHighlighting('https://off.example/', rules)).toEqual({
      enabled: false,
      reason: 'site-rule',
      rule: { host: 'off.example', enabled: false },
    });
  });
});

describe('siteOf', () => {
  it.each([
    ['https://Example.org:8443/x', 'example.org'],
    ['http://localhost:3000/', 'localhost'],
    ['data:text/html,hi', null],
    ['', null],
  ])('%s → %s', (url, site) => expect(siteOf(url)).toBe(site));
});

describe('withSiteRule', () => {
  it('replaces the rule for that host and keeps the others', () => {
    expect(withSiteRule(rules, 'off.example', true)).toEqual([
      { host: 'on.example', enabled: true },
      { host: 'off.example', enabled: true },
    ]);
  });
});

describe('readableSiteRules', () => {
  it.each([
    [undefined, []],
    [null, []],
    ['[{"host":"a"}]', []],
    [{ host: 'a', enabled: false }, []],
    [
      [{ host: 'a.example', enabled: false }, { host: 7, enabled: true }, null, { host: 'b.example' }, 'x'],
      [{ host: 'a.example', enabled: false }],
    ],
    [
      [
        { host: 'A.example', enabled: false },
        { host: 'a.example', enabled: true },
      ],
      [{ host: 'a.example', enabled: true }],
    ],
  ])('%j → %j', (stored, expected) => {
    expect(readableSiteRules(stored)).toEqual(expected);
  });
});
